/** The stages an analysis shows, in order. `building` = turning the result into columns and sheets. */
export type AnalysisStage = 'reading' | 'computing' | 'building' | 'writing';

/** Where each stage starts and ends on the progress bar (0–1). */
const stageSpans: Record<AnalysisStage, [number, number]> = {
  reading: [0, 0.3],
  computing: [0.3, 0.6],
  building: [0.6, 0.7],
  writing: [0.7, 1],
};

/**
 * The overall progress (0–1) for a stage and the fraction done within it. A stage that reports no
 * fraction (the engine computes in one go) creeps forward with the time spent in it, so the bar keeps
 * moving without ever reaching the stage's end.
 *
 * @param fraction Fraction of the stage done (0–1), or null when unknown.
 * @param msInStage Milliseconds since the stage began; used only when `fraction` is null.
 * @example analysisProgress('writing', 0.5, 0) // 0.85
 */
export function analysisProgress(stage: AnalysisStage, fraction: number | null, msInStage: number): number {
  const [start, end] = stageSpans[stage];
  const done = fraction ?? 1 - Math.exp(-msInStage / 2000);
  return start + (end - start) * Math.min(1, Math.max(0, done));
}
