import type { ReportCustomer, ReportHead } from '../engine/buildReport';

/** About this many UTF-16 code units per piece of text. */
const pieceLength = 1 << 20;

/**
 * The JSON report as text, in pieces of about a megabyte: indented at the top, one line per customer, so
 * a 100,000-customer report stays readable in an editor and `grep`-able, and is written several times
 * faster than fully indented JSON. Joined, the pieces are the whole file; the command line writes each as
 * it comes, so neither every customer's object nor the whole text is held at once.
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
  let text = `${top.slice(0, top.lastIndexOf('[]'))}[\n`;
  for (let i = 0; i < count; i++) {
    text += `${i === 0 ? '' : ',\n'}    ${JSON.stringify(customer(i))}`;
    if (text.length >= pieceLength) {
      yield text;
      text = '';
    }
  }
  yield `${text}\n  ]\n}\n`;
}
