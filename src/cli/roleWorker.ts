import { setFlagsFromString } from 'node:v8';
import {
  MessageChannel,
  Worker,
  type MessagePort,
  type ResourceLimits,
  type Transferable,
} from 'node:worker_threads';
import type { WorkerRole } from './workerRoles';

/**
 * One role's line to a worker thread (`workerRoles`): what the command line's main thread posts to it and
 * hears from it, whether the thread runs that role alone ({@link roleWorker} on a script) or in turn with
 * others ({@link WorkerThread}).
 */
export interface RoleWorker {
  /** Posts a message to the role (throws as `Worker.postMessage` does, e.g. on a refused transfer). */
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  /** Calls `listener` with each of the role's messages. */
  onMessage(listener: (message: unknown) => void): void;
  /**
   * Calls `listener` once the role cannot answer any more: the thread failed to start, threw or stopped, or
   * a message could not be read.
   */
  onFailure(listener: (reason: string) => void): void;
  /**
   * Whether the process is kept alive for the role's answer: on while one is awaited, off otherwise (a
   * role's thread never keeps the process alive by itself).
   */
  keepAlive(on: boolean): void;
  /** Ends the role: listeners off, and its thread stopped when it ran that role alone. */
  close(): void;
}

/** A script's thread that runs one role and ends with it (its `workerData.role`). */
function ownThread(role: WorkerRole, script: string, resourceLimits?: ResourceLimits): RoleWorker {
  const worker = new Worker(script, { workerData: { role }, ...(resourceLimits && { resourceLimits }) });
  worker.unref();
  const failures: ((reason: string) => void)[] = [];
  const fail = (reason: string): void => {
    for (const listener of failures.splice(0)) listener(reason);
  };
  worker.on('error', (error) => {
    fail(error.message);
  });
  worker.on('exit', (code) => {
    fail(`the worker stopped (${String(code)})`);
  });
  worker.on('messageerror', (error) => {
    fail(error.message);
  });
  return {
    postMessage: (message, transfer) => {
      worker.postMessage(message, transfer);
    },
    onMessage: (listener) => worker.on('message', listener),
    onFailure: (listener) => failures.push(listener),
    keepAlive: (on) => {
      if (on) worker.ref();
      else worker.unref();
    },
    close: () => {
      worker.removeAllListeners();
      // An error while it stops is of no interest any more (and must not go unhandled).
      worker.on('error', () => undefined);
      void worker.terminate();
    },
  };
}

/** What the main thread sends a {@link WorkerThread}'s thread for each role: the role and its port. */
export interface RoleRequest {
  role: WorkerRole;
  port: MessagePort;
}

/**
 * One worker thread that runs the command line's roles in turn (`workerData.role` `roles`): the CSV's
 * second half while the first is read, the value model's fit beside the analysis, then its part of the JSON
 * report. Each role talks over a port of its own; the thread starts with the first role asked of it, so
 * that a run pays one thread's start (some 40 ms of a core: Node's own modules and the roles' bundle) and not
 * one per role. A thread that fails fails every role it holds; each then does without it.
 */
export class WorkerThread {
  private worker: Worker | null = null;
  private failure: string | null = null;

  /** @param script The roles' bundle (`dist/cliWorker.js`, else the command line's own). */
  constructor(private readonly script: string) {}

  /**
   * The role's line to this thread, which is started now if it has not been (throws if it cannot be). The
   * thread is asked for the role with the role's first message, so that it takes the roles in the order they
   * are used (and frees what the role before left, see `runWorkerRole`).
   */
  serve(role: WorkerRole): RoleWorker {
    const worker = this.start();
    const { port1: port, port2 } = new MessageChannel();
    let asked = false;
    // Listening keeps a port's process alive: only while an answer is awaited (`keepAlive`).
    port.unref();
    let failures: ((reason: string) => void)[] = [];
    const fail = (reason: string): void => {
      for (const listener of failures.splice(0)) listener(reason);
    };
    const onError = (error: Error): void => {
      fail(error.message);
    };
    const onExit = (code: number): void => {
      fail(`the worker stopped (${String(code)})`);
    };
    worker.on('error', onError);
    worker.on('exit', onExit);
    port.on('messageerror', (error) => {
      fail(error.message);
    });
    // A role closes its port after its last answer, which comes first: closed before, it will not answer.
    port.on('close', () => {
      fail('the worker closed the role');
    });
    let closed = false;
    return {
      postMessage: (message, transfer) => {
        if (this.failure !== null) throw new Error(this.failure);
        if (!asked) {
          const request: RoleRequest = { role, port: port2 };
          worker.postMessage(request, [port2]);
          asked = true;
        }
        port.postMessage(message, transfer);
      },
      onMessage: (listener) => {
        port.on('message', listener);
        port.unref();
      },
      onFailure: (listener) => {
        if (this.failure !== null)
          queueMicrotask(() => {
            listener(this.failure ?? '');
          });
        else failures.push(listener);
      },
      keepAlive: (on) => {
        if (on) port.ref();
        else port.unref();
      },
      close: () => {
        if (closed) return;
        closed = true;
        failures = [];
        worker.off('error', onError);
        worker.off('exit', onExit);
        port.removeAllListeners();
        port.close();
        if (!asked) port2.close();
      },
    };
  }

  /** Whether the thread has been started (by an earlier role) and not closed: a role's start costs it little. */
  get running(): boolean {
    return this.worker !== null && this.failure === null;
  }

  /** Stops the thread (whatever role it is in); later roles are refused. */
  close(): void {
    this.failure ??= 'the worker thread was closed';
    const worker = this.worker;
    if (worker === null) return;
    // An error while it stops is of no interest any more (and must not go unhandled).
    worker.on('error', () => undefined);
    void worker.terminate();
  }

  private start(): Worker {
    if (this.failure !== null) throw new Error(this.failure);
    if (this.worker !== null) return this.worker;
    // The thread frees what each role leaves once it has answered (`runWorkerRole`): V8 gives a context the
    // function for it when this flag is set as the context is made (this thread's own is made already).
    setFlagsFromString('--expose-gc');
    const worker = new Worker(this.script, { workerData: { role: 'roles' } });
    worker.unref();
    const failed = (reason: string): void => {
      this.failure ??= reason;
    };
    worker.on('error', (error) => {
      failed(error.message);
    });
    worker.on('exit', (code) => {
      failed(`the worker stopped (${String(code)})`);
    });
    this.worker = worker;
    return worker;
  }
}

/**
 * Where roles run: a script, whose thread runs one role (started per role), or a {@link WorkerThread}
 * that runs them in turn.
 */
export type WorkerSource = string | WorkerThread;

/**
 * The line to `role` on `source`: a new thread of the script, or a turn of the shared thread
 * (`resourceLimits` apply to a script's own thread only). Throws when no thread can be started.
 */
export function roleWorker(
  role: WorkerRole,
  source: WorkerSource,
  resourceLimits?: ResourceLimits,
): RoleWorker {
  return typeof source === 'string' ? ownThread(role, source, resourceLimits) : source.serve(role);
}
