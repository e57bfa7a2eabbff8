/**
 * What jsdom lacks and the pane uses: ResizeObserver (Fluent MessageBar reflow), object URLs (downloads),
 * Blob.text and Blob.arrayBuffer (opening files).
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

function read<T>(how: (reader: FileReader) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(reader.result as T);
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('read failed'));
    };
    how(reader);
  });
}

// jsdom's Blob (and File) has no text() or arrayBuffer(); browsers do.
const blobPrototype = Blob.prototype as Partial<Pick<Blob, 'text' | 'arrayBuffer'>>;
blobPrototype.text ??= function (this: Blob) {
  return read<string>((reader) => {
    reader.readAsText(this);
  });
};
blobPrototype.arrayBuffer ??= function (this: Blob) {
  return read<ArrayBuffer>((reader) => {
    reader.readAsArrayBuffer(this);
  });
};

// jsdom cannot navigate: a click on a download link would log "Not implemented: navigation".
document.addEventListener('click', (event) => {
  if (event.target instanceof HTMLAnchorElement && event.target.download !== '') event.preventDefault();
});
