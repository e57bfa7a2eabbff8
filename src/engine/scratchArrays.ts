/**
 * Working arrays kept from one analysis to the next, one per named use. The big per-customer and per-order
 * tables of the sales totals are only needed while the sales are added up; taking them from here spares
 * each analysis after the first the cost of fresh memory (the system zeroes and maps every new page) and
 * keeps the garbage collector's external-memory count low. The space kept is that of the largest analysis
 * so far (about 12 bytes per sales row) until {@link ScratchArrays.release} drops it.
 *
 * A use takes its array and gives it back when done; taking one that is out (a nested use) gets a fresh
 * array instead, and giving that back leaves the kept one out, so two users never share memory. Contents are not cleared: the user sets what it reads.
 */
export class ScratchArrays {
  private readonly int32s = new Map<string, Int32Array>();
  private readonly float64s = new Map<string, Float64Array>();
  private readonly out = new Set<string>();

  /** An Int32Array of `length` for `use`, with stale contents. */
  int32(use: string, length: number): Int32Array {
    return this.take(this.int32s, use, length, (size) => new Int32Array(size));
  }

  /** A Float64Array of `length` for `use`, with stale contents. */
  float64(use: string, length: number): Float64Array {
    return this.take(this.float64s, use, length, (size) => new Float64Array(size));
  }

  private take<T extends Int32Array | Float64Array>(
    kept: Map<string, T>,
    use: string,
    length: number,
    make: (size: number) => T,
  ): T {
    if (this.out.has(use)) return make(length);
    this.out.add(use);
    let array = kept.get(use);
    if (array === undefined || array.length < length) {
      array = make(length);
      kept.set(use, array);
    }
    return array.subarray(0, length) as T;
  }

  /** Gives back the array taken for `use` (its contents may be overwritten by the next taker). */
  giveBack(use: string, array: Int32Array | Float64Array): void {
    const kept = this.int32s.get(use) ?? this.float64s.get(use);
    // A fresh array (handed out while the kept one was out) leaves the kept one out.
    if (kept !== undefined && kept.buffer === array.buffer) this.out.delete(use);
  }

  /** Drops every kept array that is not out, so the memory can be collected. */
  release(): void {
    for (const use of [...this.int32s.keys()]) if (!this.out.has(use)) this.int32s.delete(use);
    for (const use of [...this.float64s.keys()]) if (!this.out.has(use)) this.float64s.delete(use);
  }

  /** The uses whose kept array is out (none between analyses). */
  outUses(): string[] {
    return [...this.out].sort();
  }

  /** Bytes held in kept arrays. */
  keptBytes(): number {
    let bytes = 0;
    for (const array of this.int32s.values()) bytes += array.byteLength;
    for (const array of this.float64s.values()) bytes += array.byteLength;
    return bytes;
  }
}

/** The engine's scratch arrays (one per module instance: a worker has its own). */
export const scratchArrays = new ScratchArrays();
