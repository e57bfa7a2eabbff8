import { isoFromDay } from '../../src/engine/dayNumbers';
import { isoDayCache } from '../../src/engine/isoDayCache';

describe('isoDayCache', () => {
  test('gives isoFromDay of every day, the same text object for a day seen before', () => {
    const iso = isoDayCache();
    for (let day = 0; day < 3000; day += 7) expect(iso(45_000 + day)).toBe(isoFromDay(45_000 + day));
    expect(iso(1)).toBe('1899-12-31');
    expect(iso(Number.NaN)).toBe(isoFromDay(Number.NaN));
    const again = isoDayCache();
    expect(again(45_296)).toBe('2024-01-05');
    expect(again(45_296)).toBe(again(45_296));
  });

  test('days far from the first, fractions and NaN (looked up by value) give the same texts', () => {
    const iso = isoDayCache();
    expect(iso(Number.NaN)).toBe(isoFromDay(Number.NaN));
    expect(iso(45_296.5)).toBe(isoFromDay(45_296.5));
    const days = [45_296, 45_296 + 40_000, 45_296 - 40_000, 2_958_465, 1, 45_296.75, -3];
    for (const day of days) expect(iso(day)).toBe(isoFromDay(day));
    for (const day of days) expect(iso(day)).toBe(iso(day));
    // The first whole day sets the indexed range; days on both of its edges.
    const edges = isoDayCache();
    edges(100_000);
    for (const day of [100_000 - 32_768, 100_000 - 32_769, 100_000 + 32_767, 100_000 + 32_768])
      expect(edges(day)).toBe(isoFromDay(day));
  });
});
