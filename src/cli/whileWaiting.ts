/**
 * Runs a step that reports no progress of its own (loading or packing a whole workbook), writing `line()`
 * on `stderr` every `everyMs` while it runs, so a long run never looks stuck. The lines come when the
 * step lets the event loop run (between its awaits). With `stderr` null it only runs the step.
 *
 * @example const host = await whileWaiting(process.stderr, () => '  still reading…', () => readWorkbookFile(file));
 */
export async function whileWaiting<T>(
  stderr: NodeJS.WritableStream | null,
  line: () => string,
  step: () => Promise<T>,
  everyMs = 3000,
): Promise<T> {
  if (stderr === null) return step();
  const timer = setInterval(() => stderr.write(`${line()}\n`), everyMs);
  try {
    return await step();
  } finally {
    clearInterval(timer);
  }
}
