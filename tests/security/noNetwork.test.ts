/**
 * The command line sends no data anywhere: it runs as a child process under a preload script that
 * replaces every way Node can reach the network (sockets, HTTP(S), TLS, UDP, DNS, fetch) with a recorder
 * that throws; the log must stay empty. A control run proves the recorder catches attempts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder } from '../reliability/analyzeWorkbookFile';
import { buildCliBundle, cliEnvironment } from './buildCliBundle';

const data = path.resolve(__dirname, '../../..', 'shared/data');
const folder = temporaryFolder('network');
const preload = path.join(folder, 'recordNetwork.cjs');

// Plain CommonJS so it loads with `node --require` before anything else.
const preloadSource = String.raw`
'use strict';
const fs = require('node:fs');
const log = process.env.NETWORK_LOG;
function blocked(what, target) {
  let detail;
  try { detail = typeof target === 'string' ? target : JSON.stringify(target); } catch { detail = String(target); }
  fs.appendFileSync(log, JSON.stringify({ what, detail: String(detail).slice(0, 200) }) + '\n');
  return new Error('Network access is disabled in this test (' + what + ')');
}
const net = require('node:net');
net.Socket.prototype.connect = function (...args) { throw blocked('net.Socket.connect', args[0]); };
net.connect = net.createConnection = function (...args) { throw blocked('net.connect', args[0]); };
for (const name of ['http', 'https']) {
  const mod = require('node:' + name);
  for (const fn of ['request', 'get']) mod[fn] = function (...args) { throw blocked(name + '.' + fn, args[0]); };
}
const tls = require('node:tls');
tls.connect = function (...args) { throw blocked('tls.connect', args[0]); };
const dgram = require('node:dgram');
dgram.createSocket = function (...args) { throw blocked('dgram.createSocket', args[0]); };
const dns = require('node:dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[fn] = function (...args) { throw blocked('dns.' + fn, args[0]); };
  if (dns.promises[fn]) dns.promises[fn] = function (...args) { return Promise.reject(blocked('dns.promises.' + fn, args[0])); };
}
globalThis.fetch = function (...args) { return Promise.reject(blocked('fetch', String(args[0]))); };
if (globalThis.WebSocket) globalThis.WebSocket = function (url) { throw blocked('WebSocket', url); };
`;

/** Runs `node --require preload script args…` and returns its outcome and the network log. */
function runRecorded(
  script: string,
  args: string[],
): { status: number | null; stderr: string; attempts: string[] } {
  const log = path.join(folder, `network-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const child = spawnSync(process.execPath, ['--require', preload, script, ...args], {
    env: cliEnvironment({ NETWORK_LOG: log, CUSTOMER_PYRAMID_DEBUG: '1' }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  const attempts = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  return { status: child.status, stderr: child.stderr, attempts };
}

let cli = '';

beforeAll(() => {
  writeFileSync(preload, preloadSource);
  cli = buildCliBundle();
});

describe('no network calls from the command line', () => {
  it('the recorder catches every kind of attempt (control run)', () => {
    const probe = path.join(folder, 'probe.cjs');
    writeFileSync(
      probe,
      `
      const attempts = [
        () => require('node:net').connect(80, 'example.com'),
        () => new (require('node:net').Socket)().connect(80, 'example.com'),
        () => require('node:http').get('http://example.com/'),
        () => require('node:https').request('https://example.com/'),
        () => require('node:tls').connect(443, 'example.com'),
        () => require('node:dgram').createSocket('udp4'),
        () => require('node:dns').lookup('example.com', () => {}),
        () => { fetch('https://example.com/').catch(() => {}); },
      ];
      for (const attempt of attempts) { try { attempt(); } catch {} }
      `,
    );
    const result = runRecorded(probe, []);
    expect(result.status).toBe(0);
    const kinds = result.attempts.map((line) => (JSON.parse(line) as { what: string }).what);
    expect(kinds).toEqual([
      'net.connect',
      'net.Socket.connect',
      'http.get',
      'https.request',
      'tls.connect',
      'dgram.createSocket',
      'dns.lookup',
      'fetch',
    ]);
  });

  it.each([
    ['analyze an Excel workbook (superstore.xlsx)', ['analyze', path.join(data, 'superstore.xlsx')]],
    ['analyze a CSV (online retail)', ['analyze', path.join(data, 'online_retail_2010-12.csv')]],
    ['write the sample workbooks', ['sample', '--out', path.join(folder, 'samples')]],
    ['print help', ['--help']],
  ])('%s: succeeds with every network path blocked, and attempts none', (_what, args) => {
    const stem = path.join(folder, `run-${Math.random().toString(36).slice(2)}`);
    const extra = args[0] === 'analyze' ? ['--out', `${stem}.xlsx`, '--json', `${stem}.json`, '--quiet'] : [];
    const result = runRecorded(cli, [...args, ...extra]);
    expect(result.attempts).toEqual([]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    if (args[0] === 'analyze') expect(existsSync(`${stem}.xlsx`) && existsSync(`${stem}.json`)).toBe(true);
  });
});
