/**
 * What jsdom lacks and the pane uses: ResizeObserver (Fluent MessageBar reflow), object URLs (downloads),
 * Blob.text and Blob.arrayBuffer (opening files), TextDecoder (CSV bytes), scrollIntoView (results after Analyse).
 * Import first in a jsdom test file.
 */
import { TextDecoder as NodeTextDecoder } from 'node:util';
import { configure } from '@testing-library/react';

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

/** Elements the pane scrolled into view (jsdom has no layout, so no `scrollIntoView`). */
export const scrolledIntoView: Element[] = [];

if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
    scrolledIntoView.push(this);
  };
}

// jsdom has no TextDecoder; the page decodes CSV bytes with it (UTF-8, UTF-16, GB18030).
const withDecoder = globalThis as unknown as { TextDecoder?: unknown };
withDecoder.TextDecoder ??= NodeTextDecoder;

// findBy*/waitFor give up after 1 s by default: a shared, busy test runner can take longer to render a
// Fluent pane, and a wrong screen still fails — only later.
configure({ asyncUtilTimeout: 10_000 });
