/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `root` on `host` (default 127.0.0.1) and `port` (default: a free one); `/` is index.html;
 * `overrides` replaces the body served for a URL path.
 */
export function serveStatic(options: {
  root: string;
  port?: number;
  host?: string;
  overrides?: Record<string, () => string | Buffer>;
}): Promise<StaticServer>;
