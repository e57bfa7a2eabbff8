import { existsSync } from 'node:fs';
import path from 'node:path';
import { main } from './main';
import { runWorkerRole } from './workerRoles';

// The executable entry: a worker thread (the command line started with this bundle as the worker's script)
// does the role named in its workerData; the main thread runs and exits with main's code. Workers run the
// smaller bundle of the roles alone (dist/cliWorker.js, see worker.ts) when it was built beside this one.
if (!runWorkerRole()) {
  const workerBundle = path.join(__dirname, 'cliWorker.js');
  const workerScript = existsSync(workerBundle) ? workerBundle : __filename;
  void main(process.argv.slice(2), undefined, { workerScript }).then((code) => {
    process.exitCode = code;
    // Done: the process ends now rather than after tearing down its heaps and worker threads (some
    // 30–100 ms after a large run), unless output is still on its way to a pipe (asynchronous on Windows).
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
  });
}
