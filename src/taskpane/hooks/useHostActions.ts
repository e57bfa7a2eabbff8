import { useCallback, useState } from 'react';
import type { Language } from '../../engine/types';
import type { PaneHost } from '../PaneHost';

/** Messages the actions leave for the user. */
export type ActionNotice = 'sampleInserted' | 'undone' | 'nothingToUndo' | null;

/** The pane's workbook actions besides Analyse, with their busy flag, last notice and last error. */
export interface HostActions {
  busy: boolean;
  notice: ActionNotice;
  error: unknown;
  clearError: () => void;
  insertSample?: (language: Language) => Promise<void>;
  undo?: () => Promise<void>;
  openSheet?: (sheetName: string) => Promise<void>;
  /** Saves the result workbook, named in the results' language. */
  download?: (language: Language) => Promise<void>;
}

/**
 * Wraps the host's optional capabilities (insert sample data, undo, activate a sheet, download) for the
 * components: each is present only when the host has it; errors land in `error` for a MessageBar.
 *
 * @param afterChange Called after the workbook changed (sample inserted, run undone) to look at it again.
 */
export function useHostActions(host: PaneHost | null, afterChange: () => Promise<void>): HostActions {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ActionNotice>(null);
  const [error, setError] = useState<unknown>(null);
  const attempt = useCallback(async (action: () => Promise<ActionNotice>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return {
    busy,
    notice,
    error,
    clearError: useCallback(() => {
      setError(null);
    }, []),
    insertSample:
      host?.insertSample &&
      ((language) =>
        attempt(async () => {
          await host.insertSample?.(language);
          await afterChange();
          return 'sampleInserted';
        })),
    undo:
      host?.undoLastRun &&
      (() =>
        attempt(async () => {
          const undone = (await host.undoLastRun?.()) === true;
          await afterChange();
          return undone ? 'undone' : 'nothingToUndo';
        })),
    openSheet:
      host?.activateSheet &&
      ((sheetName) =>
        attempt(async () => {
          await host.activateSheet?.(sheetName);
          return null;
        })),
    download:
      host?.download &&
      ((language) =>
        attempt(async () => {
          const workbook = await host.download?.(language);
          if (workbook !== undefined) saveBytes(workbook.bytes, workbook.fileName);
          return null;
        })),
  };
}

// The browser's download: a temporary object URL clicked through an anchor with a file name.
function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes.slice().buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
