import type { ReportCustomer, ReportHead } from '../engine/buildReport';

/** What comes between two customers' lines: the line break and indent of the next one. */
export const customerSeparator = ',\n    ';

/** What follows the last customer's line. */
export const reportClosing = '\n  ]\n}\n';

/**
 * The report's text up to its first customer's line: the head indented as JSON.stringify indents it, then
 * the customers' opening bracket, line break and indent.
 */
export function reportOpening(head: ReportHead): string {
  const top = JSON.stringify({ ...head, customers: [] }, null, 2);
  return `${top.slice(0, top.lastIndexOf('[]'))}[\n    `;
}

/**
 * The lines of customers `from` to `to` (excluded), each but the very first (customer 0) after its
 * separator: the pieces of {@link formatReportJson} between its opening and closing.
 */
export function* customerLines(
  from: number,
  to: number,
  customer: (i: number) => ReportCustomer,
): Generator<string, void, undefined> {
  for (let i = from; i < to; i++) {
    if (i > 0) yield customerSeparator;
    yield JSON.stringify(customer(i));
  }
}

/**
 * The JSON report as text, in pieces: indented at the top, one line per customer, so a 100,000-customer
 * report stays readable in an editor and `grep`-able, and is written several times faster than fully
 * indented JSON. Joined, the pieces are the whole file: the head, then per customer the line break and
 * indent before it and its line (each JSON.stringify's own string, never concatenated: the writer copies
 * such flat strings into its buffer many times faster than a string built of parts), then the end. The
 * command line writes each as it comes, so neither every customer's object nor the whole text is held at
 * once.
 *
 * @param head The report without its customers (`reportParts`), plus `calls` with `--calls`.
 * @param customer Builds customer `i` of `count`, in report order.
 * @example [...formatReportJson(head, 1, customer)].join('') // '{\n  "version": 1,\n …  "customers": [\n    {"id":"C1",…}\n  ]\n}\n'
 */
export function* formatReportJson(
  head: ReportHead,
  count: number,
  customer: (i: number) => ReportCustomer,
): Generator<string, void, undefined> {
  if (count === 0) {
    yield `${JSON.stringify({ ...head, customers: [] }, null, 2)}\n`;
    return;
  }
  yield reportOpening(head);
  // As customerLines, without a generator in between: this is the path of every report but the largest.
  for (let i = 0; i < count; i++) {
    if (i > 0) yield customerSeparator;
    yield JSON.stringify(customer(i));
  }
  yield reportClosing;
}
