import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookInfo } from '../../host/WorkbookHost';
import type { PaneHost } from '../PaneHost';

/** What the host found in the workbook, or why it could not look. */
export interface WorkbookInfoState {
  status: 'loading' | 'ready' | 'error';
  /** The latest tables found (kept while looking again). */
  info: WorkbookInfo | null;
  error: unknown;
  /** Looks at the workbook again (after the user edited it or inserted sample data); resolves when done. */
  refresh: () => Promise<void>;
}

interface Answer {
  host: PaneHost;
  request: number;
  info: WorkbookInfo | null;
  error: unknown;
}

/** Inspects the host's workbook when the host changes, and again on `refresh`. */
export function useWorkbookInfo(host: PaneHost): WorkbookInfoState {
  const [request, setRequest] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const waiting = useRef<(() => void)[]>([]);
  useEffect(() => {
    let current = true;
    const settle = (next: Answer): void => {
      if (!current) return;
      setAnswer((previous) => ({
        ...next,
        info: next.info ?? (previous?.host === host ? previous.info : null),
      }));
      const resolvers = waiting.current;
      waiting.current = [];
      for (const resolve of resolvers) resolve();
    };
    host.inspect().then(
      (info) => {
        settle({ host, request, info, error: null });
      },
      (error: unknown) => {
        settle({ host, request, info: null, error });
      },
    );
    return () => {
      current = false;
    };
  }, [host, request]);
  const refresh = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setRequest((r) => r + 1);
      }),
    [],
  );
  const fresh = answer !== null && answer.host === host && answer.request === request;
  const info = answer !== null && answer.host === host ? answer.info : null;
  const status = !fresh ? 'loading' : answer.error === null ? 'ready' : 'error';
  return { status, info, error: fresh ? answer.error : null, refresh };
}
