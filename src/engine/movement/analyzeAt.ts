import { analyze, type AnalysisInput, type AnalysisResult } from '../analyze';
import { isoFromDay } from '../dayNumbers';
import { AnalysisError } from '../errors';

/**
 * The same analysis — same tables, same settings, same window rule — as of another date: the models run
 * again (the window is the settings' "last N months" before that date, or all sales up to it), without a
 * comparison of its own. Null when no sale is dated on or before it.
 *
 * @param asOf Day number of the other as-of date.
 * @example analyzeAt(input, addMonths(result.asOf, -3))?.customers[0]?.pyramidTier
 */
export function analyzeAt(input: AnalysisInput, asOf: number): AnalysisResult | null {
  try {
    // The earlier analysis compares with nothing itself.
    return analyze({
      ...input,
      settings: { ...input.settings, asOf: isoFromDay(asOf), compareMonths: null },
    });
  } catch (error) {
    if (error instanceof AnalysisError && error.reason?.key === 'asOfBeforeData') return null;
    throw error;
  }
}
