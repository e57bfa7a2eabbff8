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
});
