import { TripleKeyCodes } from '../../src/engine/TripleKeyCodes';

/** A deterministic pseudo-random sequence (so a failure can be replayed). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    return (state >>> 8) / 0x1000000;
  };
}

describe('TripleKeyCodes', () => {
  test('numbers keys in order of first appearance, as a map of their texts does, past every regrowth', () => {
    const next = random(5);
    const table = new TripleKeyCodes();
    const byText = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      // Few distinct values per part, so keys repeat and differ in one part only.
      const a = Math.floor(next() * 60) - 30;
      const b = Math.floor(next() * 40) * 0x10000;
      const c = Math.floor(next() * 5);
      const text = `${a},${b},${c}`;
      if (!byText.has(text)) byText.set(text, byText.size);
      expect(table.codeOf(a, b, c)).toBe(byText.get(text));
    }
    expect(byText.size).toBeGreaterThan(2048);
    expect(table.count).toBe(byText.size);
  });

  test('keys that differ only in their third part, or hash alike, stay apart', () => {
    const table = new TripleKeyCodes();
    expect(table.codeOf(0, 0, 0)).toBe(0);
    expect(table.codeOf(0, 0, 1)).toBe(1);
    expect(table.codeOf(1, 0, 0)).toBe(2);
    expect(table.codeOf(0, 1, 0)).toBe(3);
    expect(table.codeOf(-1, -1, 255)).toBe(4);
    expect(table.codeOf(0, 0, 1)).toBe(1);
    expect(table.codeOf(-1, -1, 255)).toBe(4);
    expect(table.count).toBe(5);
  });
});
