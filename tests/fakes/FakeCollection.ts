import { FakeClientObject, loadPaths } from './FakeClientObject';
import { jsonBytes } from './jsonBytes';

/**
 * Base of fake collections: `load('items/name')` (or `load('name')`) loads `items`, each item with the
 * named properties; `load('count')` loads `count`.
 */
export abstract class FakeCollection<TModel, TItem extends FakeClientObject> extends FakeClientObject {
  protected abstract models(): TModel[];
  protected abstract itemFor(model: TModel): TItem;

  get items(): TItem[] {
    return this.loaded<TItem[]>('items');
  }

  get count(): number {
    return this.loaded<number>('count');
  }

  override load(spec?: unknown): this {
    const paths = loadPaths(spec);
    const itemPaths = paths
      .filter((p) => p !== 'count' && p !== 'items')
      .map((p) => p.replace(/^items\//, ''));
    const wantsCount = paths.includes('count');
    const wantsItems = paths.length === 0 || itemPaths.length > 0 || paths.includes('items');
    this.context.enqueue({
      bytes: jsonBytes({ load: paths }),
      apply: () => {
        if (wantsCount) this.fill(['count']);
        if (wantsItems) {
          const items = this.models().map((m) => this.itemFor(m));
          for (const item of items) item.fill(itemPaths);
          this.fillItems(items);
        }
      },
    });
    return this;
  }

  private fillItems(items: TItem[]): void {
    this.setLoaded('items', items);
  }

  protected readProperty(name: string): unknown {
    if (name === 'count') return this.models().length;
    throw new Error(`Unsupported collection property ${name}`);
  }
}
