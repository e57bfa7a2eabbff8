/**
 * The key a product or category is matched by: its text with width forms unified (NFKC), case folded,
 * spaces trimmed and runs of spaces made one, so `Fridge ` matches `fridge`.
 *
 * @example careItemKey(' Ｆridge  XL ') === 'fridge xl'
 */
export function careItemKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
