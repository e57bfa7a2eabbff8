import { main } from './main';
import { runWorkerRole } from './workerRoles';

// The executable entry: a worker thread (the command line started with this bundle as the worker's script)
// does the role named in its workerData; the main thread runs and exits with main's code.
if (!runWorkerRole()) {
  void main(process.argv.slice(2), undefined, { workerScript: __filename }).then((code) => {
    process.exitCode = code;
  });
}
