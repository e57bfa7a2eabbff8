/**
 * Column letters of a 0-based column number, as A1 references write them (the inverse of the letters
 * `decodeReference` reads).
 *
 * @example columnLetters(0) === 'A'; columnLetters(26) === 'AA'; columnLetters(16_383) === 'XFD'
 */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
