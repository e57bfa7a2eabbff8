/**
 * `npm ci` installs nothing that builds a native module: the sideloading tools (office-addin-debugging →
 * office-addin-dev-settings → @microsoft/m365agentstoolkit-cli → keytar, which needs libsecret-1-dev on
 * Linux) live in tools/sideload and are installed on demand; `npm start` says how when they are missing.
 * `prepare` works without the development dependencies (`npm ci --omit=dev`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'cp-install-'));
  folders.push(folder);
  return folder;
}

interface Lock {
  packages: Record<string, { hasInstallScript?: boolean; dev?: boolean; optional?: boolean }>;
}

function sideload(args: string[], sideloadDir: string) {
  return spawnSync(process.execPath, ['scripts/sideload.mjs', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, CUSTOMER_PYRAMID_SIDELOAD_DIR: sideloadDir },
  });
}

describe('the install', () => {
  it('package-lock.json holds no sideloading tool and no package that builds native code', () => {
    const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as Lock;
    const names = Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//u, ''));
    for (const tool of [
      'keytar',
      'office-addin-debugging',
      'office-addin-dev-certs',
      'office-addin-dev-settings',
    ]) {
      expect(names).not.toContain(tool);
    }
    // The install scripts left: esbuild's check of its binary and @parcel/watcher's, which compiles only
    // when asked to (npm_config_build_from_source); both use prebuilt platform packages.
    const scripted = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript === true)
      .map(([key]) => key.replace(/^.*node_modules\//u, ''))
      .sort();
    expect(scripted).toEqual(['@parcel/watcher', 'esbuild']);
  });

  it('the sideloading tools are their own package, installed by `npm run sideload:install`', () => {
    const tools = JSON.parse(readFileSync(path.join(repo, 'tools/sideload/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(tools.dependencies).sort()).toEqual([
      'office-addin-debugging',
      'office-addin-dev-certs',
    ]);
    const root = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(root.scripts['sideload:install']).toBe('npm install --prefix tools/sideload --no-audit --no-fund');
    expect(root.scripts.start).toBe('node scripts/sideload.mjs start');
  });

  it('npm start without the tools says what to install (libsecret on Linux, then sideload:install) and exits 1', () => {
    const result = sideload(['start'], tempFolder());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm start needs office-addin-debugging');
    expect(result.stderr).toContain('sudo apt-get install libsecret-1-dev');
    expect(result.stderr).toContain('npm run sideload:install');
  });

  it('npm start with the tools runs office-addin-debugging on manifest.xml, passing its options on', () => {
    const dir = tempFolder();
    const tool = path.join(dir, 'node_modules', 'office-addin-debugging');
    mkdirSync(tool, { recursive: true });
    writeFileSync(
      path.join(tool, 'package.json'),
      JSON.stringify({ name: 'office-addin-debugging', bin: { 'office-addin-debugging': 'cli.js' } }),
    );
    writeFileSync(
      path.join(tool, 'cli.js'),
      'console.log(JSON.stringify(process.argv.slice(2))); process.exit(7);',
    );
    const result = sideload(['stop', '--prompt'], dir);
    expect(JSON.parse(result.stdout)).toEqual(['stop', 'manifest.xml', '--prompt']);
    expect(result.status).toBe(7);
  });

  it('prepare without esbuild (npm ci --omit=dev) keeps going and says how to build the command line', () => {
    const dir = tempFolder();
    mkdirSync(path.join(dir, 'scripts'));
    for (const file of ['prepare.mjs', 'buildCli.mjs']) {
      copyFileSync(path.join(repo, 'scripts', file), path.join(dir, 'scripts', file));
    }
    const result = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('the command line (dist/cli.js) was not built');
  });
});
