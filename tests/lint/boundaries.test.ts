import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The folder boundaries of eslint.config.mjs bite: each rule reports an error on a snippet that crosses
// it, placed where it would live, and none on the same folder's clean snippet. Snippets are linted with
// the project's own config (tests/lint/lintSnippets.mjs), at paths that do not exist but for one kernel.

interface Snippet {
  name: string;
  filePath: string;
  code: string;
  /** The boundary rule that must report an error; null for a clean snippet. */
  rule: BoundaryRule | null;
}

type BoundaryRule =
  'no-restricted-imports' | 'no-restricted-globals' | '@typescript-eslint/no-non-null-assertion';

const boundaryRules: readonly string[] = [
  'no-restricted-imports',
  'no-restricted-globals',
  '@typescript-eslint/no-non-null-assertion',
];

const engine = 'src/engine/lintProbe.ts';
const engineDeeper = 'src/engine/summary/lintProbe.ts';
const excel = 'src/host/excel/lintProbe.ts';
const file = 'src/host/file/lintProbe.ts';
const fileNode = 'src/host/file/node/lintProbe.ts';
const taskpane = 'src/taskpane/lintProbe.ts';
const kernel = 'src/engine/SalesTotals.ts';

const typeFrom = (from: string): string => `import type { X } from '${from}';\nexport type Y = X;\n`;
const valueFrom = (from: string): string => `import * as m from '${from}';\nexport const y = m;\n`;

const snippets: Snippet[] = [
  // src/engine: nothing from host, taskpane or cli; no Node, React or Office; no DOM globals.
  {
    name: 'engine ← host',
    filePath: engine,
    code: typeFrom('../host/WorkbookHost'),
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine ← taskpane',
    filePath: engine,
    code: typeFrom('../taskpane/PaneHost'),
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine ← cli',
    filePath: engine,
    code: typeFrom('../cli/parseArgs'),
    rule: 'no-restricted-imports',
  },
  {
    name: 'engine/summary ← host/excel',
    filePath: engineDeeper,
    code: typeFrom('../../host/excel/ExcelRun'),
    rule: 'no-restricted-imports',
  },
  { name: 'engine ← node:fs', filePath: engine, code: valueFrom('node:fs'), rule: 'no-restricted-imports' },
  { name: 'engine ← path', filePath: engine, code: valueFrom('path'), rule: 'no-restricted-imports' },
  { name: 'engine ← react', filePath: engine, code: valueFrom('react'), rule: 'no-restricted-imports' },
  {
    name: 'engine uses Excel',
    filePath: engine,
    code: 'export const run = (): unknown => Excel.run;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'engine uses document',
    filePath: engine,
    code: 'export const title = (): string => document.title;\n',
    rule: 'no-restricted-globals',
  },
  { name: 'engine ← engine (clean)', filePath: engine, code: typeFrom('./types'), rule: null },
  {
    name: 'engine/summary ← engine (clean)',
    filePath: engineDeeper,
    code: typeFrom('../sheetSpec'),
    rule: null,
  },
  // src/host/excel and src/host/file never import each other; both may import src/host/.
  {
    name: 'host/excel ← host/file',
    filePath: excel,
    code: typeFrom('../file/CsvColumn'),
    rule: 'no-restricted-imports',
  },
  {
    name: 'host/file ← host/excel',
    filePath: file,
    code: typeFrom('../excel/ExcelRun'),
    rule: 'no-restricted-imports',
  },
  {
    name: 'host/file/node ← host/excel',
    filePath: fileNode,
    code: typeFrom('../../excel/ExcelRun'),
    rule: 'no-restricted-imports',
  },
  { name: 'host/excel ← host (clean)', filePath: excel, code: typeFrom('../excelGrid'), rule: null },
  { name: 'host/file ← host (clean)', filePath: file, code: typeFrom('../excelGrid'), rule: null },
  // src/host/file: Node only under node/.
  { name: 'host/file ← node:fs', filePath: file, code: valueFrom('node:fs'), rule: 'no-restricted-imports' },
  { name: 'host/file ← zlib', filePath: file, code: valueFrom('zlib'), rule: 'no-restricted-imports' },
  { name: 'host/file/node ← node:fs (clean)', filePath: fileNode, code: valueFrom('node:fs'), rule: null },
  // src/taskpane: no Excel global (Office calls go through the host).
  {
    name: 'taskpane uses Excel',
    filePath: taskpane,
    code: 'export const run = (): unknown => Excel.run;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'taskpane uses Office (clean)',
    filePath: taskpane,
    code: 'export const ready = (): unknown => Office.onReady;\n',
    rule: null,
  },
  // Non-null assertions: an error but in the listed kernels.
  {
    name: 'non-null assertion outside a kernel',
    filePath: taskpane,
    code: 'export const first = (a: Int32Array): number => a[0]!;\n',
    rule: '@typescript-eslint/no-non-null-assertion',
  },
  {
    name: 'non-null assertion in a kernel (clean)',
    filePath: kernel,
    code: 'export const first = (a: Int32Array): number => a[0]!;\n',
    rule: null,
  },
  {
    name: 'checked read outside a kernel (clean)',
    filePath: taskpane,
    code: 'export const first = (a: Int32Array): number => a[0] ?? 0;\n',
    rule: null,
  },
];

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal: boolean }[];
}

function lintSnippets(list: readonly Snippet[]): LintResult[] {
  const root = path.resolve(__dirname, '../..');
  const run = spawnSync(process.execPath, [path.join(__dirname, 'lintSnippets.mjs')], {
    cwd: root,
    input: JSON.stringify(list.map(({ filePath, code }) => ({ filePath, code }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 ** 2,
  });
  if (run.status !== 0) throw new Error(`lintSnippets failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintResult[];
}

describe('folder boundaries in eslint.config.mjs', () => {
  let results: LintResult[] = [];
  beforeAll(() => {
    results = lintSnippets(snippets);
  });

  it.each(snippets.map((snippet, k) => [snippet.name, snippet, k] as const))('%s', (_name, snippet, k) => {
    const messages = results[k]?.messages ?? [];
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const reported = messages
      .map((m) => m.ruleId)
      .filter((rule) => rule !== null && boundaryRules.includes(rule));
    expect(reported).toEqual(snippet.rule === null ? [] : [snippet.rule]);
  });
});
