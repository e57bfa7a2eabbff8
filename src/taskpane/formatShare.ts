import type { Language } from '../engine/types';

/**
 * A share (0–1) as a percentage in the UI language, whole percent from 10 % up and one decimal below.
 *
 * @returns `–` for null (no profit data).
 * @example formatShare(0.0512, 'en') // '5.1%'
 */
export function formatShare(share: number | null, language: Language): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const digits = Math.abs(share) < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(share);
}
