import { main } from './main';
import { runWorkerRole } from './workerRoles';

// The executable entry: a worker thread does its role; the main thread runs and exits with main's code.
if (!runWorkerRole()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
