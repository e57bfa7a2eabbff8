import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

function all(pattern: RegExp): RegExpExecArray[] {
  return [...manifest.matchAll(new RegExp(pattern.source, 'g'))];
}

describe('manifest.xml', () => {
  it('validates against the Office add-in manifest schemas (offline, xmllint)', () => {
    const result = spawnSync(
      'xmllint',
      ['--noout', '--schema', '../shared/manifest-schemas/OfficeAppManifestV1_1.xsd', 'manifest.xml'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.stderr.trim()).toBe('manifest.xml validates');
    expect(result.status).toBe(0);
  });

  it('is for Excel only, may read and write the document, and opens the task pane from a ribbon button', () => {
    expect(all(/<Host Name="([^"]+)"/).map((m) => m[1])).toEqual(['Workbook']);
    expect(all(/<Host xsi:type="([^"]+)"/).map((m) => m[1])).toEqual(['Workbook']);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html" />');
    expect(manifest).toMatch(
      /<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url" \/>/,
    );
  });

  it('has English display strings with a zh-CN override for each', () => {
    expect(manifest).toContain('<DefaultLocale>en-US</DefaultLocale>');
    for (const element of ['DisplayName', 'Description']) {
      expect(manifest).toMatch(
        new RegExp(`<${element} DefaultValue="[^"]+">\\s*<Override Locale="zh-CN" Value="[^"]+" />`),
      );
    }
    const strings = all(
      /<bt:String id="([^"]+)" DefaultValue="[^"]+">\s*<bt:Override Locale="zh-CN" Value="([^"]+)" \/>/,
    );
    expect(strings.length).toBe(all(/<bt:String id=/).length);
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const match of strings) expect(match[2]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('points at icons that exist in assets/ as PNGs of the sizes named', () => {
    const icons = all(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/);
    const ribbonSizes = [16, 20, 24, 32, 40, 48, 64, 80];
    expect(new Set(icons.map((m) => m[1]))).toEqual(new Set(ribbonSizes.map((size) => `icon-${size}.png`)));
    for (const size of [...ribbonSizes, 128, 300]) {
      const png = readFileSync(path.join(root, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
