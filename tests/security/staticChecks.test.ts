/**
 * Static security checks: no `eval` or `new Function` in our sources or built bundles (webpack's devtool
 * must not wrap modules in eval), and a Content-Security-Policy on the task pane and the playground page
 * that allows only our own origin (plus Office's, to frame the pane) and never `unsafe-eval`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureWebBuild } from '../e2e/webBuild';
import { buildCliBundle } from './buildCliBundle';

const repo = path.resolve(__dirname, '../..');

// Both web builds are checked: the release (dist/web) and the one with the packaged Office.js
// (dist/web-local). They are built here when missing or older than the sources (`npm test` builds them
// first), so these checks never pass on a folder that is not there.
jest.setTimeout(1_200_000);
const webBuilds: string[] = [];
beforeAll(() => {
  webBuilds.push(ensureWebBuild('release'), ensureWebBuild('local'));
});

function filesUnder(dir: string, extensions: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'office-js' ? [] : filesUnder(full, extensions);
    return extensions.test(name) ? [full] : [];
  });
}

/**
 * A call of `eval` or `Function` however written: `eval(`, `window.eval(`, `(0, eval)(`, `new Function(`,
 * `globalThis.Function(` (not `isFunction(` or `Function.prototype`).
 */
const dynamicCode = /(?<![\w$])(eval|Function)\s*\)?\s*\(/gu;

/**
 * Uses of `Function(` inside third-party code that ships in the web bundles, each unreachable in a browser
 * page or worker (or guarded by try/catch), so the strict CSP never meets them:
 * - `Function("return this")()` after `globalThis`/`self`/`window` checks (lodash, webpack's runtime, core-js);
 * - `Function("r","regeneratorRuntime = r")(n)` in regenerator-runtime, in the catch of a plain assignment;
 * - `new Function(""+e)` in the setImmediate polyfill, only when handed a string (exceljs never does).
 */
const allowedThirdParty = [
  /\|\|\s*Function\("return this"\)\(\)/u,
  /return this\|\|new Function\("return this"\)\(\)\}catch/u,
  /Function\("r","regeneratorRuntime = r"\)\(n\)/u,
  /"function"!=typeof e&&\(e=new Function\(""\+e\)\)/u,
];

function occurrences(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(dynamicCode)) {
    const at = match.index;
    found.push(text.slice(Math.max(0, at - 60), at + 60));
  }
  return found;
}

describe('no eval or new Function', () => {
  it('in any of our sources (src/)', () => {
    const sources = filesUnder(path.join(repo, 'src'), /\.(ts|tsx|js|mjs|cjs|html)$/u);
    expect(sources.length).toBeGreaterThan(50);
    const found = sources.flatMap((file) =>
      occurrences(file).map((snippet) => `${path.relative(repo, file)}: ${snippet}`),
    );
    expect(found).toEqual([]);
  });

  it('in the built command line (dist/cli.js, dist/cliWorker.js of its workers, and a fresh build of the current sources)', () => {
    for (const name of ['cli.js', 'cliWorker.js']) {
      const bundle = path.join(repo, 'dist', name);
      expect(existsSync(bundle)).toBe(true);
      expect(occurrences(bundle)).toEqual([]);
    }
    expect(occurrences(buildCliBundle())).toEqual([]);
  });

  it('in the built web bundles (dist/web, dist/web-local), apart from the listed unreachable third-party fallbacks', () => {
    const bundles = webBuilds.flatMap((root) => filesUnder(root, /\.js$/u));
    for (const root of webBuilds) {
      expect(bundles).toEqual(
        expect.arrayContaining([path.join(root, 'taskpane.js'), path.join(root, 'analysisWorker.js')]),
      );
    }
    const unexpected = bundles.flatMap((file) =>
      occurrences(file)
        .filter((snippet) => !allowedThirdParty.some((allowed) => allowed.test(snippet)))
        .map((snippet) => `${path.relative(repo, file)}: ${snippet}`),
    );
    expect(unexpected).toEqual([]);
    // webpack's eval devtools wrap every module in eval("…"): the bundles would need unsafe-eval.
    for (const file of bundles) expect(readFileSync(file, 'utf8')).not.toMatch(/\beval\(/u);
  });

  it('webpack is configured with a devtool that does not use eval, in every mode', () => {
    const config = readFileSync(path.join(repo, 'webpack.config.js'), 'utf8');
    const devtools = [...config.matchAll(/devtool\s*:\s*([^,\n]+)/gu)].map((m) => m[1]!.trim());
    expect(devtools.length).toBeGreaterThan(0);
    for (const devtool of devtools) expect(devtool).not.toMatch(/eval/u);
  });
});

/**
 * The policy of an HTML page as directive → sources. In the template, the `<% … %>` expression that adds
 * Office.js's CDN origin for the release is left out: the template's own policy is the strict one.
 */
function policyOf(html: string): Map<string, string[]> {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(
    html.replace(/<%[\s\S]*?%>/gu, ''),
  );
  if (match === null) throw new Error('No Content-Security-Policy meta tag');
  const policy = new Map<string, string[]>();
  for (const directive of match[1]!.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/u);
    if (name !== undefined && name !== '') policy.set(name, sources);
  }
  return policy;
}

/** Origins of Office that may frame the pane inside Excel (desktop, web, SharePoint/OneDrive). */
const officeOrigins = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.microsoft.com',
  'https://*.sharepoint.com',
  'https://*.office365.com',
  'https://*.live.com',
];

/** Where the release's add-in page loads Office.js from (store policy 1120.1). */
const officeJsCdnOrigin = 'https://appsforoffice.microsoft.com';

/** Each page, and whether it may load scripts from Office.js's CDN (only the release's add-in page). */
const pages = [
  ['src/taskpane/taskpane.html (template)', 'src/taskpane/taskpane.html', false],
  ['dist/web/taskpane.html (release add-in page)', 'dist/web/taskpane.html', true],
  ['dist/web/index.html (release playground page)', 'dist/web/index.html', false],
  ['dist/web-local/taskpane.html (add-in page, packaged Office.js)', 'dist/web-local/taskpane.html', false],
  ['dist/web-local/index.html (offline playground page)', 'dist/web-local/index.html', false],
] as const;

describe('Content-Security-Policy', () => {
  it.each(pages)('%s allows only our origin and Office’s, and no eval', (_name, file, cdn) => {
    const policy = policyOf(readFileSync(path.join(repo, file), 'utf8'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    // Scripts, workers and requests: our own origin only (no eval, no inline script), and Office.js's CDN
    // for the release's add-in page.
    expect(policy.get('script-src')).toEqual(cdn ? ["'self'", officeJsCdnOrigin] : ["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        const allowed =
          source === "'self'" ||
          source === "'none'" ||
          (['img-src', 'font-src', 'worker-src'].includes(directive) &&
            ['data:', 'blob:'].includes(source)) ||
          (directive === 'style-src' && source === "'unsafe-inline'") ||
          (cdn && directive === 'script-src' && source === officeJsCdnOrigin) ||
          (['frame-src', 'frame-ancestors', 'child-src'].includes(directive) &&
            officeOrigins.includes(source));
        expect([directive, source, allowed]).toEqual([directive, source, true]);
      }
    }
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
  });
});
