/**
 * JavaScript, for the `node -r` preloads that report a child process's usage, that evaluates to the
 * process's own peak resident set in KB: VmHWM of /proc/self/status where there is one (Linux), else
 * `process.resourceUsage().maxRSS`. On Linux maxRSS is not the child's own: a child started by `spawn`
 * shares its parent's memory until it execs, and the kernel keeps that peak across the exec, so a child of
 * a bench process that had grown to 400 MB reports at least 400 MB however little it used itself (seen:
 * maxRSS 413,680 KB against VmHWM 40,456 KB for `node -e` spawned by a process holding a 400 MB buffer).
 */
export const peakRssKbExpression =
  "(() => { try { const m = /^VmHWM:\\s+(\\d+) kB/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8')); if (m !== null) return Number(m[1]); } catch {} return process.resourceUsage().maxRSS; })()";
