import { startTransition, useCallback, useRef, useState } from 'react';
import type { Language } from '../../engine/types';
import type { PaneHost } from '../PaneHost';

/** The file opened in the playground. */
export interface PlaygroundHostState {
  host: PaneHost | null;
  fileName: string | null;
  status: 'empty' | 'opening' | 'open' | 'error';
  error: unknown;
  /** Increases with every file opened: the pane below remounts per file. */
  generation: number;
  open: (file: File) => Promise<void>;
  /** Opens the sample workbook in a language (when the startup provides one). */
  openSample: (language: Language) => Promise<void>;
}

/**
 * Opens the user's file as a workbook host (the playground). Only the latest file counts: a slow file
 * finishing after a newer one is ignored.
 *
 * @param openFile Turns a File into a host (the startup passes one backed by FileWorkbookHost).
 * @param sampleFile Builds the sample workbook as a file.
 */
export function usePlaygroundHost(
  openFile: ((file: File) => Promise<PaneHost>) | undefined,
  sampleFile?: (language: Language) => Promise<File>,
): PlaygroundHostState {
  const [state, setState] = useState<Omit<PlaygroundHostState, 'open' | 'openSample'>>({
    host: null,
    fileName: null,
    status: 'empty',
    error: null,
    generation: 0,
  });
  const latest = useRef(0);
  const shown = useRef<PaneHost | null>(null);
  const open = useCallback(
    async (file: File) => {
      if (openFile === undefined) return;
      const ticket = ++latest.current;
      setState((s) => ({ ...s, fileName: file.name, status: 'opening', error: null }));
      try {
        const host = await openFile(file);
        if (ticket !== latest.current) {
          host.dispose?.();
          return;
        }
        // The previous file's worker ends; only the newest file stays open.
        shown.current?.dispose?.();
        shown.current = host;
        // Mounting the pane for the new workbook is rendered in slices (a transition): no long freeze.
        startTransition(() => {
          setState((s) => ({
            host,
            fileName: file.name,
            status: 'open',
            error: null,
            generation: s.generation + 1,
          }));
        });
      } catch (error) {
        if (ticket === latest.current)
          setState((s) => ({ ...s, host: null, fileName: file.name, status: 'error', error }));
      }
    },
    [openFile],
  );
  const openSample = useCallback(
    async (language: Language) => {
      if (sampleFile === undefined) return;
      await open(await sampleFile(language));
    },
    [open, sampleFile],
  );
  return { ...state, open, openSample };
}
