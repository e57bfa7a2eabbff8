import { useEffect, useRef } from 'react';

/** Milliseconds a setting must stay unchanged before the automatic re-analysis starts. */
export const autoRerunDelayMs = 700;

/**
 * Analyses again when a setting changes, once the user has analysed at least once, so trainers can show
 * the effect of a threshold live. Changes in quick succession (typing a number) start one run.
 *
 * @param changeCount Increases on every settings change.
 * @param rerun Starts a run with the current settings.
 */
export function useAutoRerun(enabled: boolean, changeCount: number, rerun: () => void): void {
  const latest = useRef(rerun);
  useEffect(() => {
    latest.current = rerun;
  });
  const seen = useRef(changeCount);
  useEffect(() => {
    if (changeCount === seen.current) return undefined;
    seen.current = changeCount;
    if (!enabled) return undefined;
    const timer = setTimeout(() => {
      latest.current();
    }, autoRerunDelayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [enabled, changeCount]);
}
