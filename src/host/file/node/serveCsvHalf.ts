import type { MessagePort } from 'node:worker_threads';
import type { CsvColumnPart } from '../CsvColumn';
import type { CsvHalfReply, CsvHalfRequest } from './parseCsvInHalves';
import { parseCsvSecondHalf } from './parseCsvSecondHalf';

/** The array buffers of the parts' typed arrays, each once (moved to the other thread, not copied). */
function buffersOf(columns: readonly CsvColumnPart[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of columns) {
    for (const value of Object.values(column)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    }
  }
  return [...buffers];
}

/**
 * The worker side of `parseCsvInHalves`: answers the one request `port` receives with the parsed second
 * half ({@link parseCsvSecondHalf}), its typed arrays transferred, then calls `done`.
 *
 * @example serveCsvHalf(parentPort) // in a worker started with the role `csvHalf`
 */
export function serveCsvHalf(port: MessagePort, done: () => void = () => undefined): void {
  port.once('message', (request: CsvHalfRequest) => {
    let reply: CsvHalfReply;
    try {
      reply = parseCsvSecondHalf(request);
    } catch (error) {
      reply = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply, reply.kind === 'parsed' ? buffersOf(reply.columns) : []);
    done();
  });
}
