/**
 * What the Office store's validation asks of the manifest beyond the schema (docs/store-checklist.md):
 * the version of the release, a support page that ships with the pane, IconUrl 32×32 and
 * HighResolutionIconUrl 64×64, ribbon icons for every scale, and a release manifest in which every address
 * is the add-in's https home (`webpack --mode production --env addinUrl=…`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const manifest = readFileSync(path.join(repo, 'manifest.xml'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };

/** The DefaultValue of a top-level element such as SupportUrl. */
function defaultValue(element: string): string {
  const match = new RegExp(`<${element} DefaultValue="([^"]+)"`, 'u').exec(manifest);
  if (match === null) throw new Error(`manifest.xml has no ${element}`);
  return match[1]!;
}

/** Width and height of a PNG under assets/. */
function pngSize(url: string): [number, number] {
  const png = readFileSync(path.join(repo, 'assets', path.basename(new URL(url).pathname)));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

interface CopyPattern {
  to?: string;
  transform?: (content: Buffer) => string;
}

/** The release manifest webpack.config.js writes for an --env addinUrl. */
async function releaseManifest(addinUrl: string): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(repo, 'webpack.config.js')) as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => Promise<{ plugins: { patterns?: CopyPattern[] }[] }>;
  const { plugins } = await config({ addinUrl }, { mode: 'production' });
  const pattern = plugins.flatMap((plugin) => plugin.patterns ?? []).find((p) => p.to === 'manifest.xml');
  if (pattern?.transform === undefined) throw new Error('the release build writes no manifest.xml');
  return pattern.transform(Buffer.from(manifest));
}

describe('manifest.xml for the store', () => {
  it('carries the release’s version (package.json x.y.z as x.y.z.0)', () => {
    expect(manifest).toContain(`<Version>${packageJson.version}.0</Version>`);
  });

  it('has a support URL, the help page the pane ships (webpack copies it to help.html)', () => {
    expect(defaultValue('SupportUrl')).toBe('https://localhost:3000/help.html');
    expect(readFileSync(path.join(repo, 'src/taskpane/help.html'), 'utf8')).toMatch(/<h1\b/u);
    expect(readFileSync(path.join(repo, 'webpack.config.js'), 'utf8')).toContain(
      "{ from: 'src/taskpane/help.html', to: 'help.html' }",
    );
  });

  it('has IconUrl 32×32 and HighResolutionIconUrl 64×64, and ribbon icons for 100 % to 250 % scaling', () => {
    expect(pngSize(defaultValue('IconUrl'))).toEqual([32, 32]);
    expect(pngSize(defaultValue('HighResolutionIconUrl'))).toEqual([64, 64]);
    const ribbon = [...manifest.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="([^"]+)"/gu)];
    expect(ribbon.map((m) => Number(m[1]))).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    for (const [, size, url] of ribbon) expect(pngSize(url!)).toEqual([Number(size), Number(size)]);
    // The listing's icon, uploaded with the submission.
    expect(existsSync(path.join(repo, 'assets/icon-300.png'))).toBe(true);
  });

  it('the release manifest (--env addinUrl) points every address at the add-in’s https home and still validates', async () => {
    const released = await releaseManifest('https://pyramid.example.com/addin/');
    expect(released).not.toContain('localhost');
    const addresses = [...released.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</gu)].map(
      (m) => m[1] ?? m[2]!,
    );
    expect(addresses.length).toBeGreaterThanOrEqual(12);
    for (const address of addresses) {
      if (address.startsWith('http://schemas.') || address.startsWith('http://www.w3.org/')) continue;
      expect(address).toMatch(/^https:\/\/pyramid\.example\.com(\/addin\/|$)/u);
    }
    expect(released).toContain('<AppDomain>https://pyramid.example.com</AppDomain>');
    expect(released).toContain(
      '<SourceLocation DefaultValue="https://pyramid.example.com/addin/taskpane.html" />',
    );
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cp-manifest-'));
    try {
      writeFileSync(path.join(folder, 'manifest.xml'), released);
      const schema = path.resolve(repo, '../shared/manifest-schemas/OfficeAppManifestV1_1.xsd');
      const result = spawnSync('xmllint', ['--noout', '--schema', schema, 'manifest.xml'], {
        cwd: folder,
        encoding: 'utf8',
      });
      expect(result.stderr.trim()).toBe('manifest.xml validates');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await expect(releaseManifest('http://pyramid.example.com')).rejects.toThrow(/https:\/\//u);
  });
});
