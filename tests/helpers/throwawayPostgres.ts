import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Debian's postgresql package puts the server's programs. */
export const postgresBin = [
  '/usr/lib/postgresql/15/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/17/bin',
].find((dir) => existsSync(path.join(dir, 'initdb')));

/** A PostgreSQL server of a test's own: a fresh cluster in a temporary folder, reached only by its unix socket. */
export interface ThrowawayPostgres {
  /** Runs psql against the server with the given arguments and returns its stdout. */
  psql: (args: readonly string[]) => string;
  stop: () => void;
}

/**
 * Starts a throwaway server: `initdb` in a temporary folder (trust authentication, C locale, no fsync), no
 * TCP listener (`listen_addresses` empty), the unix socket in the same folder. PostgreSQL refuses to run
 * as root, so as root (CI) the server runs as `nobody` through `runuser`.
 *
 * @returns null when the server's programs are not installed (Debian: `apt-get install postgresql`).
 */
export function startThrowawayPostgres(): ThrowawayPostgres | null {
  if (postgresBin === undefined) return null;
  const binDir = postgresBin;
  const root = process.getuid?.() === 0;
  // As root the server runs as `nobody`, who must reach its folder: the test run's own temporary folder
  // (`npm test` makes one, mode 700) is closed to it, so the folder goes straight under /tmp.
  const dir = mkdtempSync(path.join(root ? '/tmp' : os.tmpdir(), 'cp-pg-'));
  if (root)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'nobody']).toString()),
      Number(execFileSync('id', ['-g', 'nobody']).toString()),
    );
  const asServer = (program: string, args: string[]): void => {
    const file = path.join(postgresBin, program);
    if (root) execFileSync('runuser', ['-u', 'nobody', '--', file, ...args], { stdio: 'pipe' });
    else execFileSync(file, args, { stdio: 'pipe' });
  };
  const data = path.join(dir, 'data');
  // The port only names the socket file; nothing listens on TCP.
  const port = String(40_000 + Math.floor(Math.random() * 20_000));
  asServer('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  asServer('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-k ${dir} -c listen_addresses= -p ${port} -c fsync=off`,
    'start',
  ]);
  return {
    psql: (args) =>
      execFileSync(
        path.join(binDir, 'psql'),
        ['-h', dir, '-p', port, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', ...args],
        {
          maxBuffer: 256 * 1024 ** 2,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      ).toString(),
    stop: () => {
      try {
        asServer('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
