import type { TripleKeyCodes } from '../TripleKeyCodes';

const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

/**
 * The code of a number, with an integer beside it, in a {@link TripleKeyCodes} table: numbers in order of
 * first appearance without a Map (whose number keys are objects to allocate and hash). Equal numbers get
 * the same code, as a Map's keys do: 0 and −0 alike, every NaN alike.
 *
 * @param other A 32-bit integer keyed with the number (e.g. the code of a second value); 0 when none.
 * @example
 * const codes = new TripleKeyCodes();
 * [numberCode(codes, 2.5), numberCode(codes, 7), numberCode(codes, 2.5)] // [0, 1, 0]
 */
export function numberCode(codes: TripleKeyCodes, value: number, other = 0): number {
  if (value === 0) return codes.codeOf(0, 0, other);
  if (value !== value) return codes.codeOf(0, 0x7ff80000, other);
  scratch[0] = value;
  return codes.codeOf(scratchWords[0] ?? 0, scratchWords[1] ?? 0, other);
}
