/**
 * What jsdom lacks and Fluent UI uses: ResizeObserver (MessageBar reflow), and object URLs (downloads).
 * Import first in a jsdom test file.
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as { ResizeObserver?: unknown };
g.ResizeObserver ??= NoopResizeObserver;

/** Blobs handed to `URL.createObjectURL`, for download tests. */
export const createdObjectUrls: Blob[] = [];

if (typeof URL.createObjectURL !== 'function') {
  URL.createObjectURL = (blob: Blob) => {
    createdObjectUrls.push(blob);
    return `blob:test/${String(createdObjectUrls.length)}`;
  };
  URL.revokeObjectURL = () => undefined;
}
