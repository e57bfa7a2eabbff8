// Our package registry mirror has no packages for other platforms (darwin, win32, arm…). When npm writes
// package-lock.json it then leaves out those optional platform builds (of @duckdb/node-bindings and
// unrs-resolver), and `npm ci` refuses the lock as "out of sync". This script adds each missing optional
// platform package to the lock with its os/cpu, so `npm ci` validates the lock and skips them on this
// platform, exactly as it would with a complete lock. Run it after `npm install` changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const platformOf = (name) => {
  const tail = name
    .split('/')
    .pop()
    .replace(/^(node-bindings|resolver-binding)-/, '');
  const [os, cpu, libc] = tail.split('-');
  const entry = { os: [os], cpu: [cpu === 'arm' ? 'arm' : cpu] };
  if (libc === 'musl' || libc === 'musleabihf') entry.libc = ['musl'];
  if (libc === 'gnu' || libc === 'gnueabihf') entry.libc = ['glibc'];
  return entry;
};
let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (!/^@(duckdb|unrs)\//.test(name)) continue;
    const base = key === '' ? '' : `${key}/`;
    const nested = `${base}node_modules/${name}`;
    if (packages[nested] !== undefined || packages[`node_modules/${name}`] !== undefined) continue;
    const { os, cpu, libc } = platformOf(name);
    if (name.includes('wasm32')) continue;
    packages[`node_modules/${name}`] = {
      version,
      ...(pkg.dev === true ? { dev: true } : {}),
      optional: true,
      os,
      cpu,
      ...(libc === undefined ? {} : { libc }),
    };
    added++;
  }
}
// npm orders lock entries by localeCompare in English.
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockPlatformStubs: added ${added} optional platform package(s) to ${file}`);
