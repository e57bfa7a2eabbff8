import { FakeOfficeError } from './FakeOfficeError';
import { jsonBytes } from './jsonBytes';
import type { FakeRequestContext } from './FakeRequestContext';

/** Splits a load spec (`'a,b'`, `['a','b']`, `{ select: 'a,b' }`) into property paths. */
export function loadPaths(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === 'string') {
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec === 'object' && 'select' in spec) return loadPaths(spec.select);
  throw new TypeError('Unsupported load option');
}

/**
 * Base of every fake proxy: properties are readable only after `load()` and `sync()` (else the error
 * `PropertyNotLoaded`, as in Office.js); setters and methods queue commands that run at `sync()`.
 */
export abstract class FakeClientObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(readonly context: FakeRequestContext) {}

  /** Reads a property from the model while a batch runs. */
  protected abstract readProperty(name: string): unknown;

  /** Queues a load of the named properties. */
  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    this.context.enqueue({
      bytes: jsonBytes({ load: paths }),
      apply: () => {
        this.fill(paths);
      },
    });
    return this;
  }

  /**
   * For a proxy that may be a null object (`…OrNullObject`): whether it is one. Loading anything on such
   * a proxy also loads `isNullObject`, as in Office.js; a null object loads nothing else.
   */
  protected nullState(): boolean | undefined {
    return undefined;
  }

  /** Loads properties right now (a batch is running). */
  fill(paths: readonly string[]): void {
    const isNull = this.nullState();
    if (isNull !== undefined) this.loadedValues.set('isNullObject', isNull);
    if (isNull === true) return;
    for (const path of paths) {
      const value = this.readProperty(path);
      this.loadedValues.set(path, value);
      this.context.addResponse(value instanceof FakeClientObject ? null : value);
    }
  }

  /** Marks a property loaded with a value computed by a subclass while a batch runs. */
  protected setLoaded(name: string, value: unknown): void {
    this.loadedValues.set(name, value);
  }

  // The getter that calls this declares the type; readProperty computed the value for that very name.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(name) as T;
  }

  /** Queues a command carrying `payload` (counted in the request size); `apply` returns the cells it set. */
  command(payload: unknown, apply: () => unknown): void {
    this.context.enqueue({ bytes: jsonBytes(payload) + 32, apply });
  }
}
