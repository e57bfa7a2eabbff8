import { runWorkerRole } from './workerRoles';

// The worker threads' entry, built apart as dist/cliWorker.js: only the roles' code, so that a worker starts
// without compiling the whole command line (about 15 ms less per worker than dist/cli.js, which also serves
// the roles and is the script when this bundle is missing).
runWorkerRole();
