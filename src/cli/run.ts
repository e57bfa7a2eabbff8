import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main';
import { workerRoles } from './workerRoles';

// The executable entry: run and exit with main's code; started as a worker thread (by the command line
// itself, with the bundle as the worker's script), take the role named in workerData.
if (isMainThread) {
  void main(process.argv.slice(2), undefined, { workerScript: __filename }).then((code) => {
    process.exitCode = code;
  });
} else {
  const role = workerRoles[(workerData as { role?: string } | null)?.role ?? ''];
  if (role === undefined) throw new Error(`Unknown worker role: ${JSON.stringify(workerData)}`);
  role();
}
