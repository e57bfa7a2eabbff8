import type { MovementSettings } from './types';

/**
 * Settings of a first comparison: three months back, ±10 % for a growing or declining value trend.
 *
 * @example defaultMovementSettings().compareMonths === 3
 */
export function defaultMovementSettings(): MovementSettings {
  return { compareMonths: 3, growthThreshold: 0.1, declineThreshold: 0.1 };
}
