import { median } from './median';

/**
 * The median over rounds of (ours / reference) for two cases timed in the same rounds: a burst of load
 * from other processes slows both runs of a round, so the ratio survives it better than a ratio of medians.
 *
 * @example pairedRatio([10, 30, 11], [20, 60, 20]) // 0.5
 */
export function pairedRatio(ours: readonly number[], reference: readonly number[]): number {
  const count = Math.min(ours.length, reference.length);
  const ratios: number[] = [];
  for (let i = 0; i < count; i++) ratios.push(ours[i]! / reference[i]!);
  return median(ratios);
}
