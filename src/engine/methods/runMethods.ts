import type { ErrorReason } from '../errorMessage';
import { AnalysisError } from '../errors';
import type { AnalysisSettings, DataNote, Language } from '../types';
import type { AnalysisSteps } from '../AnalysisStep';
import { runSteps } from '../runSteps';
import type { AnyMethod, MethodInput, OutputOf, RunView } from './Method';
import { methods, type MethodOutputs } from './registry';
import { valueModelJobOf, valueModelMethod, valueModelOutputOf } from './valueModelMethod';

/** What every method of a run reads, before any has run. */
export type RunBase = Omit<MethodInput<AnalysisSettings>, 'output' | 'note'>;

/**
 * Checks each method's settings, in registry order.
 *
 * @throws AnalysisError with the first bad setting's reason, in `language`.
 */
export function validateMethodSettings(settings: AnalysisSettings, language: Language): void {
  const bad = (reason: ErrorReason): never => {
    throw AnalysisError.of(reason, language);
  };
  for (const method of methods as readonly AnyMethod[]) method.settings?.validate?.(settings, bad);
}

/** The outputs of a list of methods, by method id. */
export type OutputsOf<L extends readonly AnyMethod[]> = { [M in L[number] as M['id']]: OutputOf<M> };

/**
 * Runs every method of the registry in order over the measures and returns their outputs by id, with the
 * notes they added (in the order added). With `list`, runs only those methods (each after its `needs`,
 * which must be in the list before it). The value model, if listed, is fitted on this thread
 * ({@link methodSteps} driven by `runSteps`).
 */
export function runMethods(base: RunBase): { outputs: MethodOutputs; notes: DataNote[] };
export function runMethods<const L extends readonly AnyMethod[]>(
  base: RunBase,
  list: L,
): { outputs: OutputsOf<L>; notes: DataNote[] };
export function runMethods(
  base: RunBase,
  list: readonly AnyMethod[] = methods,
): { outputs: unknown; notes: DataNote[] } {
  return runSteps(stepsOf(base, list));
}

/**
 * {@link runMethods} over the whole registry as an analysis in steps: when the value model is to be fitted
 * (not in a comparison's earlier run), its job is started before any method runs, the methods that do not
 * read it (directly or through another) run meanwhile in registry order, then the value model's outcome is
 * awaited and the methods that read it run, in registry order. Outputs, notes (each method's in registry
 * order) and errors are those of the registry order: a method that throws stops the run as it would there,
 * after the value model and the methods that read it, when those come before it in the registry, have run
 * (their error, if any, wins as it would).
 *
 * @param jobStarted The caller has started the value model's job already (the very job this would start:
 *   see `analysisSteps`): it is awaited, not started again.
 */
export function methodSteps(
  base: RunBase,
  jobStarted = false,
): AnalysisSteps<{ outputs: MethodOutputs; notes: DataNote[] }> {
  return stepsOf(base, methods, jobStarted) as AnalysisSteps<{ outputs: MethodOutputs; notes: DataNote[] }>;
}

function* stepsOf(
  base: RunBase,
  list: readonly AnyMethod[],
  jobStarted = false,
): AnalysisSteps<{ outputs: unknown; notes: DataNote[] }> {
  const outputs = new Map<string, unknown>();
  const notesOf = new Map<AnyMethod, DataNote[]>();
  const output = <M extends AnyMethod>(method: M): OutputOf<M> => {
    if (!outputs.has(method.id))
      throw new Error(`Method "${method.id}" has not run: list it in needs, earlier.`);
    return outputs.get(method.id) as OutputOf<M>;
  };
  let noted: DataNote[] = [];
  const input: MethodInput<AnalysisSettings> = { ...base, output, note: (note) => noted.push(note) };
  const run = (method: AnyMethod): void => {
    for (const need of method.needs ?? []) output(need);
    noted = [];
    notesOf.set(method, noted);
    outputs.set(method.id, method.compute(input));
  };
  const job = jobStarted ? null : list.includes(valueModelMethod) ? valueModelJobOf(input) : null;
  const fitted = jobStarted || job !== null;
  // The value model and every method that reads it, directly or through another: they wait for the fit.
  const waiting = new Set<AnyMethod>();
  if (fitted) {
    for (const method of list)
      if (method === valueModelMethod || (method.needs ?? []).some((need) => waiting.has(need)))
        waiting.add(method);
    if (job !== null) yield { kind: 'startValueModel', job };
  }
  let failed: { at: number; error: unknown } | null = null;
  for (const [at, method] of list.entries()) {
    if (waiting.has(method)) continue;
    try {
      run(method);
    } catch (error) {
      failed = { at, error };
      break;
    }
  }
  const fittedAt = list.indexOf(valueModelMethod);
  if (fitted && (failed === null || failed.at > fittedAt)) {
    const outcome = yield { kind: 'awaitValueModel' };
    if (outcome === undefined) throw new Error('A value model was awaited and not sent.');
    for (const [at, method] of list.entries()) {
      if (!waiting.has(method)) continue;
      if (failed !== null && at > failed.at) break;
      if (method !== valueModelMethod) {
        run(method);
        continue;
      }
      if (!outcome.ok) throw outcome.error;
      notesOf.set(method, []);
      outputs.set(method.id, valueModelOutputOf(outcome.run, input.settings));
    }
  }
  if (failed !== null) throw failed.error;
  const notes = list.flatMap((method) => notesOf.get(method) ?? []);
  return { outputs: Object.fromEntries(list.map((method) => [method.id, outputs.get(method.id)])), notes };
}

/** The view of a run that column and report writers read. */
export function runViewOf(run: {
  asOf: number;
  window: RunView['window'];
  roster: RunView['customers'];
  outputs: MethodOutputs;
  valueBasis: RunView['valueBasis'];
}): RunView {
  const byId = run.outputs as unknown as Record<string, unknown>;
  return {
    asOf: run.asOf,
    window: run.window,
    customers: run.roster,
    measures: run.outputs.measures,
    valueBasis: run.valueBasis,
    output: <M extends AnyMethod>(method: M) => byId[method.id] as OutputOf<M>,
  };
}
