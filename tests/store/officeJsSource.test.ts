/**
 * Where the add-in page loads Office.js from. The release (`webpack --mode production`, dist/web) must use
 * Microsoft's CDN (Office store validation policy 1120.1) and ship no copy of its own; the development
 * server, the tests and the offline playground use the copy from the @microsoft/office-js package
 * (dist/web-local, `--env officeJs=packaged`), so nothing there needs the internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureWebBuild, repo } from '../e2e/webBuild';

const cdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

jest.setTimeout(1_200_000);

/** The src of every script element of an HTML page. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gu)].map((match) => match[1]!);
}

interface HtmlPluginLike {
  userOptions?: { filename?: string; officeJsSrc?: string };
}

/** The Office.js address webpack.config.js gives the add-in page for a mode and --env. */
async function configuredOfficeJs(
  mode: string,
  env: Record<string, string> = {},
): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(repo, 'webpack.config.js')) as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => Promise<{ plugins: HtmlPluginLike[] }>;
  const { plugins } = await config(env, { mode });
  const page = plugins.find((plugin) => plugin.userOptions?.filename === 'taskpane.html');
  expect(page).toBeDefined();
  return page?.userOptions?.officeJsSrc;
}

describe('Office.js source', () => {
  it('the release add-in page loads Office.js from Microsoft’s CDN, and the release ships no copy', () => {
    const root = ensureWebBuild('release');
    const html = readFileSync(path.join(root, 'taskpane.html'), 'utf8');
    const scripts = scriptSources(html);
    expect(scripts[0]).toBe(cdn);
    expect(scripts.filter((src) => /office/iu.test(src))).toEqual([cdn]);
    expect(existsSync(path.join(root, 'office-js'))).toBe(false);
    // The playground page of the release has no Office.js at all.
    expect(
      scriptSources(readFileSync(path.join(root, 'index.html'), 'utf8')).filter((s) => /office/iu.test(s)),
    ).toEqual([]);
  });

  it('the pane built for tests and the offline playground loads the packaged copy, which it ships', () => {
    const root = ensureWebBuild('local');
    const html = readFileSync(path.join(root, 'taskpane.html'), 'utf8');
    expect(scriptSources(html)[0]).toBe('office-js/office.js');
    expect(html).not.toContain('appsforoffice.microsoft.com');
    const packaged = readFileSync(path.join(repo, 'node_modules/@microsoft/office-js/dist/office.js'));
    expect(readFileSync(path.join(root, 'office-js', 'office.js')).equals(packaged)).toBe(true);
    expect(existsSync(path.join(root, 'office-js', 'en-us', 'office_strings.js'))).toBe(true);
  });

  it('webpack.config.js: development (webpack serve) uses the packaged copy, production the CDN', async () => {
    expect(await configuredOfficeJs('development')).toBe('office-js/office.js');
    expect(await configuredOfficeJs('production')).toBe(cdn);
    expect(await configuredOfficeJs('production', { officeJs: 'packaged' })).toBe('office-js/office.js');
    await expect(configuredOfficeJs('production', { officeJs: 'unpkg' })).rejects.toThrow(/cdn or packaged/u);
  });
});
