import { TripleKeyCodes } from '../../../src/engine/TripleKeyCodes';
import { numberCode } from '../../../src/engine/valueModel/numberCode';

describe('numberCode', () => {
  test('numbers in order of first appearance, equal numbers alike', () => {
    const codes = new TripleKeyCodes();
    const values = [2.5, 7, 2.5, 1 / 7, 7, 3 / 21, 1e300, -4];
    expect(values.map((value) => numberCode(codes, value))).toEqual([0, 1, 0, 2, 1, 2, 3, 4]);
  });

  test('numbers that differ in either half of their bits differ', () => {
    const codes = new TripleKeyCodes();
    const values = [1, 1 + Number.EPSILON, 2, -1, 1 + 2 ** -30, 1 / 3];
    expect(values.map((value) => numberCode(codes, value))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('as a Map’s keys: 0 and −0 alike, every NaN alike', () => {
    const codes = new TripleKeyCodes();
    const otherNaN = new Float64Array(new Uint32Array([1, 0x7ff00000]).buffer)[0]!;
    expect(Number.isNaN(otherNaN)).toBe(true);
    const values = [-0, 0, Number.NaN, otherNaN, Number.POSITIVE_INFINITY];
    expect(values.map((value) => numberCode(codes, value))).toEqual([0, 0, 1, 1, 2]);
  });

  test('the integer beside the number is part of the key', () => {
    const codes = new TripleKeyCodes();
    const keys: [number, number][] = [
      [5, 0],
      [5, 1],
      [5, 0],
      [6, 1],
      [5, 1],
    ];
    expect(keys.map(([value, other]) => numberCode(codes, value, other))).toEqual([0, 1, 0, 2, 1]);
  });

  test('many numbers (the table grows) keep their codes', () => {
    const codes = new TripleKeyCodes();
    const values = Array.from({ length: 5000 }, (_, k) => k / 7);
    expect(values.map((value) => numberCode(codes, value))).toEqual(values.map((_, k) => k));
    expect(values.map((value) => numberCode(codes, value))).toEqual(values.map((_, k) => k));
  });
});
