import { serveValueModel } from './serveValueModel';

/**
 * What the command line's bundle does when it is started as a worker thread, by `workerData.role`:
 * `valueModel` fits the value model beside the analysis (`startValueModelWorker`). The entry (`run.ts`)
 * runs the role named in its `workerData` instead of the command line.
 */
export const workerRoles: Readonly<Record<string, () => void>> = {
  valueModel: serveValueModel,
};
