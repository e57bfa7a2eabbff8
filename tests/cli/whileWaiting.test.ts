import { PassThrough } from 'node:stream';
import { whileWaiting } from '../../src/cli/whileWaiting';

describe('whileWaiting', () => {
  test('a line every interval while the step runs, none after it ends; its result or error passes through', async () => {
    const stderr = new PassThrough();
    let written = '';
    stderr.on('data', (chunk: Buffer) => (written += chunk.toString()));
    let calls = 0;
    const line = (): string => `  still reading… ${++calls}`;
    const slow = (ms: number): Promise<string> =>
      new Promise((resolve) =>
        setTimeout(() => {
          resolve('host');
        }, ms),
      );
    await expect(whileWaiting(stderr, line, () => slow(250), 100)).resolves.toBe('host');
    // About two lines (a loaded machine may run late timers once).
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(written).toBe(Array.from({ length: calls }, (_, k) => `  still reading… ${k + 1}\n`).join(''));
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(calls).toBe(after);
    await expect(whileWaiting(stderr, line, () => Promise.reject(new Error('damaged')), 100)).rejects.toThrow(
      'damaged',
    );
    await expect(whileWaiting(null, line, () => slow(250), 100)).resolves.toBe('host');
    expect(calls).toBe(after);
  });
});
