import type { Language, OutputColumnKey } from '../types';
import type { AnyMethod, CustomerColumn } from './Method';
import { methods } from './registry';

/** A customer column of the registry with the method that makes it. */
export interface OutputColumn {
  key: OutputColumnKey;
  method: AnyMethod;
  column: CustomerColumn<unknown>;
}

const columnsOf = (group: 'result' | 'explanation'): OutputColumn[] =>
  methods.flatMap((method: AnyMethod) =>
    (method.columns as readonly CustomerColumn<unknown>[])
      .filter((column) => column.group === group)
      .map((column) => ({ key: column.key as OutputColumnKey, method, column })),
  );

/**
 * Every customer column, in the order they are written: the `result` columns of the methods in registry
 * order, then their `explanation` columns.
 */
export const outputColumns: readonly OutputColumn[] = [...columnsOf('result'), ...columnsOf('explanation')];

/** Every customer column key, in the order they are written. */
export const allOutputColumns: readonly OutputColumnKey[] = outputColumns.map((c) => c.key);

/** The columns written when the settings do not say: all but the opt-in ones. */
export const defaultOutputColumns: readonly OutputColumnKey[] = outputColumns
  .filter((c) => c.column.byDefault !== false)
  .map((c) => c.key);

const byKey = new Map(outputColumns.map((c) => [c.key, c]));

/** The registry's column of a key (undefined for an unknown key). */
export const outputColumn = (key: string): OutputColumn | undefined => byKey.get(key as OutputColumnKey);

/** Header of a customer column. */
export const columnHeader = (key: OutputColumnKey, language: Language): string =>
  outputColumn(key)?.column.header[language] ?? key;

/** One sentence on what a customer column's value means. */
export const columnExplanation = (key: OutputColumnKey, language: Language): string =>
  outputColumn(key)?.column.explanation[language] ?? '';
