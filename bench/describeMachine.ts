import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8' }).trimEnd();
  } catch {
    return 'n/a';
  }
}

/**
 * The machine a run was made on, as Markdown lines: cores (`nproc`), memory (`free -h`), CPU model
 * (/proc/cpuinfo), Node version, load average (1, 5, 15 min) and the date. Call it when the run starts.
 */
export function describeMachine(): string[] {
  let cpu = os.cpus()[0]?.model ?? 'n/a';
  try {
    cpu = /model name\s*:\s*(.*)/u.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: keep the model Node reports.
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${cpu}; nproc: ${command('nproc', [])}`,
    `- Node ${process.version} (${process.platform} ${process.arch}), V8 ${process.versions.v8}`,
    `- Load average when the run started: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
    '- Memory (`free -h`):',
    '',
    '```',
    command('free', ['-h']),
    '```',
  ];
}
