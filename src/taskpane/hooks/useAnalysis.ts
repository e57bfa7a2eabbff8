import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisSettings } from '../../engine/types';
import { runAnalysis, type AnalysisRun } from '../../host/runAnalysis';
import { analysisProgress, type AnalysisStage } from '../analysisProgress';
import type { PaneHost } from '../PaneHost';
import type { ComputeFactory } from '../worker/createWorkerCompute';

/** The outcome of a finished run. */
export interface AnalysisOutcome {
  run: AnalysisRun;
  /** Wall time of the run in milliseconds. */
  durationMs: number;
}

/** Where the analysis stands. */
export interface AnalysisState {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  stage: AnalysisStage | null;
  /** Overall progress 0–1 while running. */
  progress: number;
  elapsedMs: number;
  /** The last successful run (kept while a new one runs, so results do not flicker). */
  outcome: AnalysisOutcome | null;
  error: unknown;
}

/** Milliseconds between progress updates while a run is under way. */
export const progressTickMs = 200;

const idle: AnalysisState = {
  status: 'idle',
  stage: null,
  progress: 0,
  elapsedMs: 0,
  outcome: null,
  error: null,
};

/** The analysis state and its controls. */
export interface AnalysisControls {
  state: AnalysisState;
  /** Analyses and writes; a run under way is cancelled first and the new one starts once it has stopped. */
  run: (settings: AnalysisSettings) => Promise<void>;
  cancel: () => void;
  /** Forgets the results (another workbook, or the run was undone). */
  reset: () => void;
}

/**
 * Runs analyses against a host, one at a time, with progress by stage (reading, computing, building
 * sheets, writing) updated at least every {@link progressTickMs} ms, and Cancel.
 *
 * @param computeFactory Runs the engine elsewhere (a Web Worker); omitted = on this thread.
 */
export function useAnalysis(host: PaneHost | null, computeFactory?: ComputeFactory): AnalysisControls {
  const [state, setState] = useState<AnalysisState>(idle);
  const current = useRef<{ controller: AbortController; done: Promise<void> } | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      current.current?.controller.abort();
    };
  }, []);

  const run = useCallback(
    async (settings: AnalysisSettings): Promise<void> => {
      if (host === null) return;
      const previous = current.current;
      previous?.controller.abort();
      const controller = new AbortController();
      const { signal } = controller;
      let stage: AnalysisStage = 'reading';
      let fraction: number | null = 0;
      let started = Date.now();
      let stageStarted = started;
      const live = (): boolean => mounted.current && !signal.aborted;
      const show = (): void => {
        if (!live()) return;
        const now = Date.now();
        setState((s) => ({
          ...s,
          stage,
          elapsedMs: now - started,
          progress: analysisProgress(stage, fraction, now - stageStarted),
        }));
      };
      const enter = (next: AnalysisStage, nextFraction: number | null): void => {
        if (next !== stage) stageStarted = Date.now();
        stage = next;
        fraction = nextFraction;
        show();
      };
      const body = async (): Promise<void> => {
        if (previous !== null) await previous.done;
        if (!live()) return;
        started = Date.now();
        stageStarted = started;
        setState((s) => ({ ...s, status: 'running', stage, progress: 0, elapsedMs: 0, error: null }));
        const timer = setInterval(show, progressTickMs);
        try {
          const compute = computeFactory?.(signal, () => {
            enter('building', null);
          });
          const result = await runAnalysis(host, settings, {
            write: true,
            signal,
            // The engine reports no fraction while it computes: the bar creeps with time instead.
            onStage: (name, stageFraction) => {
              if (name === 'computing') {
                if (stageFraction === 0) enter('computing', null);
              } else enter(name, stageFraction);
            },
            ...(compute === undefined ? {} : { compute }),
          });
          if (!live()) return;
          const durationMs = Date.now() - started;
          // The results are a large render: as a transition React renders them in slices, so the page
          // keeps answering instead of freezing while every section mounts.
          startTransition(() => {
            setState({
              status: 'done',
              stage: null,
              progress: 1,
              elapsedMs: durationMs,
              outcome: { run: result, durationMs },
              error: null,
            });
          });
        } catch (error) {
          // A superseded or cancelled run says nothing: cancel() or the newer run owns the state.
          if (!live()) return;
          setState((s) => ({ ...s, status: 'error', stage: null, progress: 0, error }));
        } finally {
          clearInterval(timer);
        }
      };
      const done = body();
      current.current = { controller, done: done.catch(() => undefined) };
      await done;
    },
    [host, computeFactory],
  );

  const cancel = useCallback(() => {
    const active = current.current;
    if (active === null || active.controller.signal.aborted) return;
    active.controller.abort();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled', stage: null, progress: 0 } : s));
  }, []);

  const reset = useCallback(() => {
    current.current?.controller.abort();
    setState(idle);
  }, []);

  return { state, run, cancel, reset };
}
