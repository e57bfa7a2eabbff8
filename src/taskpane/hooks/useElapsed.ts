import { useEffect, useState } from 'react';

/** Milliseconds between updates of the elapsed time. */
const tickMs = 200;

/**
 * Milliseconds since `active` became true, updated a few times a second while it stays true (0 otherwise):
 * a slow step such as reading a large file shows that it is still going.
 */
export function useElapsed(active: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const started = Date.now();
    const timer = setInterval(() => {
      setElapsed(Date.now() - started);
    }, tickMs);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [active]);
  return active ? elapsed : 0;
}
