import type { ErrorReason } from '../errorMessage';
import { AnalysisError } from '../errors';
import type { AnalysisSettings, DataNote, Language } from '../types';
import type { AnyMethod, MethodInput, OutputOf, RunView } from './Method';
import { methods, type MethodOutputs } from './registry';

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
 * which must be in the list before it).
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
  const outputs = new Map<string, unknown>();
  const notes: DataNote[] = [];
  const output = <M extends AnyMethod>(method: M): OutputOf<M> => {
    if (!outputs.has(method.id))
      throw new Error(`Method "${method.id}" has not run: list it in needs, earlier.`);
    return outputs.get(method.id) as OutputOf<M>;
  };
  const input: MethodInput<AnalysisSettings> = { ...base, output, note: (note) => notes.push(note) };
  for (const method of list) {
    for (const need of method.needs ?? []) output(need);
    outputs.set(method.id, method.compute(input));
  }
  return { outputs: Object.fromEntries(outputs), notes };
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
