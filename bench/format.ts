/**
 * Number formats of the bench tables: thousands separators, no more digits than the measurement is worth.
 *
 * @example format.ms(1234.5) // '1,235'; format.ratio(0.084) // '0.08'
 */
export const format = {
  /** Milliseconds: whole above 100, one decimal below. */
  ms(value: number): string {
    if (!Number.isFinite(value)) return 'n/a';
    return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
  },
  /** Megabytes, whole. */
  mb(value: number | null): string {
    return value === null || !Number.isFinite(value) ? 'n/a' : Math.round(value).toLocaleString('en-US');
  },
  /** A ratio (ours / reference): two significant decimals. */
  ratio(value: number): string {
    if (!Number.isFinite(value)) return 'n/a';
    return value >= 10 ? value.toFixed(1) : value.toFixed(2);
  },
  /** A count with thousands separators. */
  count(value: number): string {
    return value.toLocaleString('en-US');
  },
  /** Bytes as MB with two decimals. */
  bytesMb(value: number): string {
    return (value / 1024 / 1024).toFixed(2);
  },
  /** Whether a goal holds. */
  met(value: boolean | null): string {
    return value === null ? 'n/a' : value ? 'yes' : 'NO';
  },
};
