import type { MessagePort } from 'node:worker_threads';
import type { ReportField } from '../engine/reportParts';
import { customerSeparator } from './formatReportJson';

/**
 * One field of a run of report customers: numbers in a Float64Array when every value is a number or null
 * (null as NaN: JSON.stringify writes both as `null`, so the line comes out the same); else, when they are
 * few, the distinct values (texts, booleans, objects such as `rfm`, each copied once) and each customer's
 * index among them; else the values themselves.
 */
export type ReportColumn = Float64Array | { distinct: unknown[]; codes: Int32Array } | unknown[];

/** Customers `from` to `to` (excluded) of a report, as columns, for another thread to format. */
export interface JsonReportPartJob {
  kind: 'jsonReportPart';
  from: number;
  to: number;
  /** The customers' keys in report order. */
  keys: string[];
  /** Per key, its values for customers `from` to `to`. */
  columns: ReportColumn[];
  /**
   * Shared with the sender: the customer it has written up to. A block it took over (it did not wait for
   * it) is dropped, or left part-way.
   */
  progress?: Int32Array;
}

/** A chunk's buffer given back once written, for the worker to fill again. */
export interface JsonReportBuffer {
  kind: 'jsonReportBuffer';
  bytes: ArrayBuffer;
}

/** What a thread formatting a {@link JsonReportPartJob} sends back, in order. */
export type JsonReportPartReply =
  /** The UTF-8 of the next lines, each after its separator; `through`: the customer after the last. */
  | { kind: 'jsonReportBytes'; bytes: ArrayBuffer; length: number; from: number; through: number }
  | { kind: 'jsonReportDone' }
  | { kind: 'jsonReportFailed'; message: string };

/**
 * The job of formatting customers `from` to `to` (excluded, `from` > 0) of a report elsewhere, with the
 * buffers to move rather than copy.
 *
 * @example const { job, buffers } = jsonReportPartJob(parts.fields, 50_000, 100_000);
 */
export function jsonReportPartJob(
  fields: readonly ReportField[],
  from: number,
  to: number,
): { job: JsonReportPartJob; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const columns = fields.map(([, value]): ReportColumn => {
    const column = columnOf(value, from, to);
    if (!Array.isArray(column))
      buffers.push((column instanceof Float64Array ? column : column.codes).buffer as ArrayBuffer);
    return column;
  });
  return { job: { kind: 'jsonReportPart', from, to, keys: fields.map(([key]) => key), columns }, buffers };
}

/** Distinct values beyond which a column is sent as its values (ids, names, amounts as text). */
const mostDistinct = 4096;

/** Values after which a column whose values were all distinct is sent as its values (ids). */
const allNewAfter = 64;

/** Distinct values up to which a value is looked up by comparing with each. */
const fewDistinct = 8;

/** The {@link ReportColumn} of one field's `value` for customers `from` to `to` (excluded). */
function columnOf(value: (i: number) => unknown, from: number, to: number): ReportColumn {
  const numbers = new Float64Array(to - from);
  let i = from;
  for (; i < to; i++) {
    const v = value(i);
    if (typeof v === 'number') numbers[i - from] = v;
    else if (v === null) numbers[i - from] = NaN;
    else break;
  }
  if (i === to) return numbers;
  // Not all numbers: those so far again (as values, null as NaN), then the rest.
  const values = Array.from(numbers.subarray(0, i - from)) as unknown[];
  const codes = new Int32Array(to - from);
  const distinct: unknown[] = [];
  // SameValueZero: 0 and -0 are one value, as are NaN and NaN, each written as JSON.stringify writes the other.
  const index = new Map<unknown, number>();
  for (let j = from; j < to; j++) {
    const v = j < i ? values[j - from] : value(j);
    let code: number | undefined;
    // A handful of values (tiers, segments, flags) are found faster by comparing than by hashing.
    if (distinct.length <= fewDistinct)
      for (let d = 0; d < distinct.length; d++)
        if (distinct[d] === v) {
          code = d;
          break;
        }
    code ??= index.get(v);
    if (code === undefined) {
      // Too many to pay, or each one new so far (ids): the values themselves.
      if (distinct.length === mostDistinct || (distinct.length === j - from && j - from === allNewAfter)) {
        for (let k = j; k < to; k++) values[k - from] = k < i ? values[k - from] : value(k);
        for (let k = from; k < j; k++) values[k - from] = distinct[codes[k - from]!];
        return values;
      }
      code = distinct.length;
      distinct.push(v);
      index.set(v, code);
    }
    codes[j - from] = code;
  }
  return { distinct, codes };
}

/**
 * Customers whose objects are built at once: few, so that few are alive when the young generation is
 * collected.
 */
const batchCustomers = 128;

/** Sets `key` of the first `count` entries to the column's values from `at` on. */
function fill(
  entries: Record<string, unknown>[],
  count: number,
  key: string,
  column: ReportColumn,
  at: number,
): void {
  if (column instanceof Float64Array || Array.isArray(column))
    for (let j = 0; j < count; j++) entries[j]![key] = column[at + j];
  else {
    const { distinct, codes } = column;
    for (let j = 0; j < count; j++) entries[j]![key] = distinct[codes[at + j]!];
  }
}

/** Bytes of text per message: some 350 customers, so that what the worker sends soon is of use. */
const chunkBytes = 1 << 18;

/** Buffers given back that a worker keeps. */
const mostSpare = 8;

/**
 * Formats a {@link JsonReportPartJob}: each customer's line exactly as `formatReportJson` writes it (the same
 * keys in the same order, the same values, one JSON.stringify), after its separator, as UTF-8 in chunks of
 * about 256 KB handed to `send` as they fill (each in its own buffer, to be moved; `spare` buffers given
 * back are filled again).
 */
export function formatJsonReportPart(
  job: JsonReportPartJob,
  send: (reply: Extract<JsonReportPartReply, { kind: 'jsonReportBytes' }>) => void,
  spare: ArrayBuffer[] = [],
): void {
  // A buffer given back (its chunk written) when there is one, else a new one.
  const take = (bytes: number): Buffer => {
    const given = spare.pop();
    return given !== undefined && given.byteLength >= bytes
      ? Buffer.from(given)
      : Buffer.allocUnsafeSlow(Math.max(chunkBytes, bytes));
  };
  const { from, to, keys, columns } = job;
  // One shape for every customer, as reportParts builds them (see there).
  const template: Record<string, unknown> = Object.fromEntries(
    keys.map((key): [string, null] => [key, null]),
  );
  const entries: Record<string, unknown>[] = [];
  let buffer = take(chunkBytes);
  let used = 0;
  // The first customer of the chunk being filled.
  let first = from;
  const dropped = (): boolean => job.progress !== undefined && Atomics.load(job.progress, 0) >= to;
  // A batch of customers at a time, filled a column at a time.
  for (let start = from; start < to; start += batchCustomers) {
    if (dropped()) return;
    const count = Math.min(batchCustomers, to - start);
    for (let j = 0; j < count; j++) entries[j] = { ...template };
    for (let k = 0; k < keys.length; k++) fill(entries, count, keys[k]!, columns[k]!, start - from);
    for (let j = 0; j < count; j++) {
      const line = JSON.stringify(entries[j]);
      // At most 3 bytes of UTF-8 per UTF-16 code unit.
      const most = 3 * (customerSeparator.length + line.length);
      if (used + most > buffer.length) {
        if (used > 0) {
          const through = start + j;
          send({
            kind: 'jsonReportBytes',
            bytes: buffer.buffer as ArrayBuffer,
            length: used,
            from: first,
            through,
          });
          first = through;
        }
        buffer = take(most);
        used = 0;
      }
      // Written apart: Buffer#write copies a flat string much faster than one built of two.
      used += buffer.write(customerSeparator, used, 'latin1');
      used += buffer.write(line, used, 'utf8');
    }
  }
  send({
    kind: 'jsonReportBytes',
    bytes: buffer.buffer as ArrayBuffer,
    length: used,
    from: first,
    through: to,
  });
}

/**
 * The role of a worker thread that formats parts of JSON reports (`workerRoles.jsonReport`): each
 * {@link JsonReportPartJob} it is sent on `port` is answered with its chunks, then `jsonReportDone` (or
 * `jsonReportFailed` when the formatting threw: the main thread formats the rest); the buffers of chunks
 * given back ({@link JsonReportBuffer}) are filled again.
 */
export function serveJsonReportParts(port: MessagePort): void {
  // Buffers whose chunks were written: a few megabytes reused rather than garbage on both threads.
  const spare: ArrayBuffer[] = [];
  port.on('message', (job: JsonReportPartJob | JsonReportBuffer) => {
    if (job.kind === 'jsonReportBuffer') {
      if (spare.length < mostSpare) spare.push(job.bytes);
      return;
    }
    let last: JsonReportPartReply;
    try {
      formatJsonReportPart(
        job,
        (reply) => {
          port.postMessage(reply, [reply.bytes]);
        },
        spare,
      );
      last = { kind: 'jsonReportDone' };
    } catch (error) {
      last = { kind: 'jsonReportFailed', message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(last);
  });
}
