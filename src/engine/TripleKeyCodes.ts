/**
 * Numbers keys of three 32-bit integers in order of first appearance, by an open-addressing table over
 * their hashes (typed arrays only, no object per key): what a column kept as numbers is numbered by — a
 * double's two halves and its decimals, or a tail's halves and its prefix and width.
 *
 * @example const table = new TripleKeyCodes(); table.codeOf(1, 0, 2) // 0, then table.codeOf(1, 0, 2) // 0 again
 */
export class TripleKeyCodes {
  /** Keys numbered so far. */
  count = 0;
  private first: Int32Array = new Int32Array(1024);
  private second: Int32Array = new Int32Array(1024);
  private third: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(1024);
  private slots: Int32Array = new Int32Array(2048).fill(-1);

  /** The code of key (a, b, c): the one it got before, or the next integer. */
  codeOf(a: number, b: number, c: number): number {
    let hash = Math.imul(0x811c9dc5 ^ a, 0x01000193);
    hash = Math.imul(hash ^ b, 0x01000193);
    hash = Math.imul(hash ^ c, 0x01000193);
    hash ^= hash >>> 15;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    let code = slots[slot]!;
    while (code >= 0) {
      if (this.first[code] === a && this.second[code] === b && this.third[code] === c) return code;
      slot = (slot + 1) & mask;
      code = slots[slot]!;
    }
    code = this.count++;
    if (code === this.hashes.length) {
      this.first = grown(this.first);
      this.second = grown(this.second);
      this.third = grown(this.third);
      this.hashes = grown(this.hashes);
    }
    this.first[code] = a;
    this.second[code] = b;
    this.third[code] = c;
    this.hashes[code] = hash;
    slots[slot] = code;
    if (2 * this.count > slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = slots.length - 1;
    for (let c = 0; c < this.count; c++) {
      let s = this.hashes[c]! & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = c;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}
