import type { ReportCustomer, ReportHead } from '../engine/buildReport';

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
  const top = JSON.stringify({ ...head, customers: [] }, null, 2);
  if (count === 0) {
    yield `${top}\n`;
    return;
  }
  yield `${top.slice(0, top.lastIndexOf('[]'))}[\n    `;
  for (let i = 0; i < count; i++) {
    if (i > 0) yield ',\n    ';
    yield JSON.stringify(customer(i));
  }
  yield '\n  ]\n}\n';
}
