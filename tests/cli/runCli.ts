import { Writable } from 'node:stream';
import { main, type CliOptions } from '../../src/cli/main';

/**
 * Runs the command line in-process and captures its output; `tty: true` makes stderr look like a
 * terminal (`isTTY`), as it is when a person runs the command; `cli` is what the entry passes `main`
 * (e.g. the worker script).
 */
export async function runCli(
  args: string[],
  options: { tty?: boolean; cli?: CliOptions } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  const errors = sink((text) => (stderr += text));
  if (options.tty === true) Object.assign(errors, { isTTY: true });
  const code = await main(
    args,
    { stdout: sink((text) => (stdout += text)), stderr: errors },
    options.cli ?? {},
  );
  return { code, stdout, stderr };
}
