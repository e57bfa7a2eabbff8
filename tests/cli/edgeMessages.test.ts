/**
 * What a person sees at the edges: files that are not what they should be, mistakes on the command line,
 * Chinese files and Chinese messages, re-runs on a result, progress. Each case is run as the command line
 * runs, its stderr line and exit code checked in English and in Chinese.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Report } from '../../src/engine/buildReport';
import { displayWidth } from '../../src/cli/displayWidth';
import { helpText } from '../../src/cli/parseArgs';
import { buildCliBundle, cliEnvironment } from '../security/buildCliBundle';
import { temporaryFolder } from '../reliability/analyzeWorkbookFile';
import { runCli } from './runCli';

const folder = temporaryFolder('edges');
const file = (name: string, contents: string | Uint8Array): string => {
  const at = path.join(folder, name);
  writeFileSync(at, contents);
  return at;
};
const salesCsv = 'Customer ID,Date,Amount\nC1,2024-01-05,10\nC2,2024-02-05,20\nC1,2024-03-01,5\n';
const chineseCsv =
  '客户编号,客户名称,销售日期,金额,利润\r\n甲001,北京贸易,2024-01-05,1200.5,300\r\n乙002,上海商行,2024-02-01,35,-5\r\n甲001,北京贸易,2024-03-01,800,100\r\n丙003,广州,2024-03-02,50,10\r\n';
const iconv = (text: string, to: string): Uint8Array =>
  Uint8Array.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
/** The error line without its prefix, after checking there is exactly one. */
const oneLine = (stderr: string): string => {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^customer-pyramid: /u);
  return lines[0]!.replace(/^customer-pyramid: /u, '');
};
const zipWords = /zip|central directory|jszip|corrupted|EISDIR|ENOENT|illegal operation/iu;

// A real workbook of 300 sales rows, for the cut-short copy and the progress tests.
beforeAll(async () => {
  const workbook = new Workbook();
  workbook
    .addWorksheet('Sales')
    .addRows([
      ['Customer ID', 'Date', 'Amount'],
      ...Array.from({ length: 300 }, (_, i) => [`C${i}`, new Date(Date.UTC(2024, 0, 1 + (i % 28))), i]),
    ]);
  await workbook.xlsx.writeFile(path.join(folder, 'whole.xlsx'));
});

describe('files that are not what they should be: plain words, no library text, their own exit code', () => {
  const sales = file('sales.csv', salesCsv);
  const cases: [string, () => string, number, RegExp, RegExp][] = [
    [
      'a folder',
      () => {
        const dir = path.join(folder, 'exports.xlsx');
        mkdirSync(dir, { recursive: true });
        return dir;
      },
      3,
      /^".*exports\.xlsx" is a folder, not a file: give the \.xlsx or \.csv file inside it\.$/u,
      /^“.*exports\.xlsx”是一个文件夹，不是文件/u,
    ],
    [
      'a missing file',
      () => path.join(folder, 'nowhere.csv'),
      3,
      /^The file ".*nowhere\.csv" does not exist\.$/u,
      /^文件“.*nowhere\.csv”不存在。$/u,
    ],
    [
      'a text file renamed to .xlsx',
      () => file('renamed.xlsx', salesCsv),
      4,
      /^"renamed\.xlsx" is not an \.xlsx workbook: it is damaged, cut short, or another kind of file renamed to \.xlsx\./u,
      /^“renamed\.xlsx”不是 \.xlsx 工作簿/u,
    ],
    [
      'an .xlsx cut short (a download that stopped)',
      () => file('cut.xlsx', readFileSync(path.join(folder, 'whole.xlsx')).subarray(0, 3000)),
      4,
      /^"cut\.xlsx" is a damaged \.xlsx workbook: its parts cannot be read\. Open it in Excel/u,
      /^“cut\.xlsx”是损坏的 \.xlsx 工作簿/u,
    ],
    [
      'a password-protected .xlsx (an OLE compound file)',
      () =>
        file('locked.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
      4,
      /^"locked\.xlsx" is protected with a password: open it in Excel, remove the password/u,
      /^“locked\.xlsx”设有密码保护/u,
    ],
    [
      'an empty .xlsx',
      () => file('zero.xlsx', ''),
      4,
      /^"zero\.xlsx" is empty \(0 bytes\)\.$/u,
      /^“zero\.xlsx”是空文件（0 字节）。$/u,
    ],
    [
      'an empty CSV',
      () => file('empty.csv', ''),
      4,
      /^"empty\.csv" is empty \(no text\)\.$/u,
      /^“empty\.csv”是空文件（没有任何文字）。$/u,
    ],
    [
      'an old .xls',
      () => file('old.xls', 'x'),
      4,
      /^"old\.xls" is an old-format \.xls workbook: open it in Excel and save it as \.xlsx first\.$/u,
      /^“old\.xls”是旧格式的 \.xls 工作簿/u,
    ],
    [
      'a headers-only CSV',
      () => file('headers.csv', 'Customer ID,Date,Amount\r\n'),
      5,
      /^The sales table on sheet "headers\.csv" has no usable row: it has no data rows, only headers\.$/u,
      /^工作表“headers\.csv”上的销售表没有可用的行：只有表头，没有数据行。$/u,
    ],
    [
      'a CSV without a customer column',
      () => file('nocustomer.csv', 'Date,Amount\n2024-01-05,10\n'),
      5,
      /^The sales data in sheet "nocustomer\.csv" \(headers: "Date", "Amount"\) has no customer column\./u,
      /^工作表“nocustomer\.csv”（表头："Date"、"Amount"）中的销售数据没有客户列。/u,
    ],
  ];

  test.each(cases)('%s', async (_name, make, code, english, chinese) => {
    const input = make();
    const out = path.join(folder, 'never.xlsx');
    for (const [lang, pattern] of [
      ['en', english],
      ['zh-CN', chinese],
    ] as const) {
      // English with --out (the whole-workbook reader), Chinese with --json alone (the streaming reader).
      const target = lang === 'en' ? ['--out', out] : ['--json', path.join(folder, 'never.json')];
      const result = await runCli(['analyze', input, ...target, '--lang', lang]);
      const line = oneLine(result.stderr);
      expect([lang, result.code, line]).toEqual([lang, code, expect.stringMatching(pattern)]);
      expect(line).not.toMatch(zipWords);
      expect(result.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(path.join(folder, 'never.json'))).toBe(false);
    }
  });

  test('the as-of date before every sale names the earliest sale date (exit 5)', async () => {
    const en = await runCli([
      'analyze',
      sales,
      '--as-of',
      '2023-06-30',
      '--json',
      path.join(folder, 'x.json'),
    ]);
    expect([en.code, oneLine(en.stderr)]).toEqual([
      5,
      'No sale is dated on or before the as-of date 2023-06-30: the earliest sale is on 2024-01-05. Choose an as-of date on or after 2024-01-05.',
    ]);
    const zh = await runCli([
      'analyze',
      sales,
      '--as-of',
      '2023-06-30',
      '--lang',
      'zh-CN',
      '--json',
      path.join(folder, 'x.json'),
    ]);
    expect([zh.code, oneLine(zh.stderr)]).toEqual([
      5,
      '截止日期 2023-06-30 当天及之前没有销售：最早的销售在 2024-01-05。请选择 2024-01-05 或之后的截止日期。',
    ]);
    expect(existsSync(path.join(folder, 'x.json'))).toBe(false);
  });

  test('--out x.csv is refused with the reason and the name to use instead (exit 2, nothing written)', async () => {
    const out = path.join(folder, 'result.csv');
    const result = await runCli(['analyze', sales, '--out', out]);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(
      `--out writes an .xlsx workbook, so "${out}" is refused: name it "${out.replace(/\.csv$/u, '')}.xlsx". For the results as data, use --json REPORT.json.`,
    );
    expect(existsSync(out)).toBe(false);
  });

  test('usage mistakes are said in Chinese with --lang zh-CN (or a Chinese locale), in English with --lang en', async () => {
    const zh = await runCli(['analyze', sales, '--lang', 'zh-CN', '--out', 'x.csv']);
    expect([zh.code, oneLine(zh.stderr)]).toEqual([
      2,
      '--out 写出的是 .xlsx 工作簿，所以不接受“x.csv”：请命名为“x.xlsx”。要以数据形式得到结果，请用 --json REPORT.json。',
    ]);
    const months = await runCli(['analyze', sales, '--months', '0', '--lang', 'zh-CN']);
    expect([months.code, oneLine(months.stderr)]).toEqual([2, '--months 需要至少为 1 的整数。']);
    const saved = process.env.LC_ALL;
    try {
      process.env.LC_ALL = 'zh_CN.UTF-8';
      const unknown = await runCli(['analyze', sales, '--colour']);
      expect([unknown.code, oneLine(unknown.stderr)]).toEqual([2, '未知选项“--colour”（见 --help）。']);
      const english = await runCli(['analyze', sales, '--colour', '--lang', 'en']);
      expect(oneLine(english.stderr)).toBe('Unknown option "--colour" (see --help).');
    } finally {
      if (saved === undefined) delete process.env.LC_ALL;
      else process.env.LC_ALL = saved;
    }
  });

  test('an output that cannot be written: its own exit code and the reason in plain words', async () => {
    const result = await runCli(['analyze', sales, '--out', path.join(folder, 'no-such-folder', 'r.xlsx')]);
    expect(result.code).toBe(7);
    expect(oneLine(result.stderr)).toMatch(/^Could not write ".*r\.xlsx": its folder does not exist\.$/u);
    // Said before the input is read: even a missing input is not reached.
    const early = await runCli(['analyze', 'missing.csv', '--json', path.join(folder, 'none', 'r.json')]);
    expect([early.code, oneLine(early.stderr)]).toEqual([
      7,
      expect.stringMatching(/r\.json": its folder does not exist/u),
    ]);
  });

  test('one exit code per kind of mistake, each listed in --help and in the README', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    for (const code of [0, 1, 2, 3, 4, 5, 6, 7]) {
      expect([code, helpText]).toEqual([code, expect.stringMatching(new RegExp(`^  ${code}  \\S`, 'mu'))]);
      expect([code, readme]).toEqual([
        code,
        expect.stringMatching(new RegExp(`^\\| ${code} +\\| \\S`, 'mu')),
      ]);
    }
  });
});

describe('Chinese files and Chinese results', () => {
  test('a GB18030 CSV (as Chinese Excel saves it) with Chinese headers: read, and results in Chinese without --lang', () => {
    const dir = temporaryFolder('zh-default');
    writeFileSync(path.join(dir, '销售.csv'), iconv(chineseCsv, 'GB18030'));
    const child = spawnSync(process.execPath, [buildCliBundle(), 'analyze', '销售.csv'], {
      cwd: dir,
      env: cliEnvironment(),
      encoding: 'utf8',
    });
    expect([child.status, child.stderr]).toEqual([0, '']);
    const lines = child.stdout.split('\n');
    expect(lines[0]).toBe('客户金字塔 — 销售.csv');
    expect(lines[1]).toBe('截止日期 2024-03-02，时间窗口 2024-01-05 – 2024-03-02（1.91 个月），按利润排名');
    // The table: header, five tiers and the total, every line ending at the same terminal column.
    const table = lines.slice(3, 10);
    expect(table[0]).toMatch(/^层级 +客户数 +收入占比 +利润占比 +亏损客户$/u);
    // One customer lost money (tier 5's share of profit is negative).
    expect(table[6]).toMatch(/^合计 +3 +100\.0% +100\.0% +1$/u);
    expect(new Set(table.map(displayWidth)).size).toBe(1);
    // Numbers line up under their headers: each column's right edge is the same on every line.
    const rightEdges = (line: string): number[] =>
      [...line.matchAll(/\S+(?= |$)/gu)]
        .map((m) => displayWidth(line.slice(0, m.index + m[0].length)))
        .slice(-3);
    expect(new Set(table.map((line) => rightEdges(line).join(','))).size).toBe(1);
    expect(child.stdout).toContain('销售行：读取 4 行，使用 4 行，跳过 0 行。');
    expect(child.stdout).toContain('已写入 销售.分析结果.xlsx。');
    expect(existsSync(path.join(dir, '销售.分析结果.xlsx'))).toBe(true);
  });

  test('GB18030 and UTF-16 CSVs give the same customers as the UTF-8 one', async () => {
    const reports: Report[] = [];
    for (const [name, bytes] of [
      ['utf8.csv', new TextEncoder().encode(chineseCsv)],
      ['gbk.csv', iconv(chineseCsv, 'GB18030')],
      ['utf16.csv', iconv(chineseCsv, 'UTF-16')],
      ['utf16be.csv', Uint8Array.from([0xfe, 0xff, ...iconv(chineseCsv, 'UTF-16BE')])],
    ] as const) {
      const json = path.join(folder, `${name}.json`);
      const result = await runCli(['analyze', file(name, bytes), '--json', json, '--quiet']);
      expect([name, result.code, result.stderr]).toEqual([name, 0, '']);
      reports.push(JSON.parse(readFileSync(json, 'utf8')) as Report);
    }
    const customers = reports.map((r) => r.customers.map((c) => [c.id, c.name, c.revenue, c.profit]));
    expect([...customers[0]!].sort()).toEqual([
      ['丙003', '广州', 50, 10],
      ['乙002', '上海商行', 35, -5],
      ['甲001', '北京贸易', 2000.5, 400],
    ]);
    for (const other of customers.slice(1)) expect(other).toEqual(customers[0]);
  });

  test('--lang en overrides the Chinese default; --lang zh-CN turns English headers Chinese', async () => {
    const zhFile = file('zh.csv', chineseCsv);
    const en = await runCli(['analyze', zhFile, '--lang', 'en', '--json', path.join(folder, 'zh-en.json')]);
    expect(en.stdout.split('\n')[0]).toBe('Customer pyramid — zh.csv');
    const zh = await runCli([
      'analyze',
      file('en.csv', salesCsv),
      '--lang',
      'zh-CN',
      '--json',
      path.join(folder, 'en-zh.json'),
    ]);
    expect(zh.stdout.split('\n')[0]).toBe('客户金字塔 — en.csv');
    expect(zh.stdout).toContain('按收入（没有利润或成本列）排名');
  });

  test('with Chinese headers and no --lang, the engine errors are in Chinese too', async () => {
    const result = await runCli([
      'analyze',
      file('表头.csv', '客户编号,销售日期,金额\n'),
      '--json',
      path.join(folder, 'h.json'),
    ]);
    expect([result.code, oneLine(result.stderr)]).toEqual([
      5,
      '工作表“表头.csv”上的销售表没有可用的行：只有表头，没有数据行。',
    ]);
  });
});

describe('re-running on a result made from a CSV updates it in place', () => {
  const sheetsOf = async (xlsx: string): Promise<{ names: string[]; revenue: unknown[] }> => {
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx);
    const customers = workbook.getWorksheet('Customers (analysis)')!;
    const header = customers.getRow(1).values as unknown[];
    return {
      names: workbook.worksheets.map((s) => `${s.name}${s.state === 'visible' ? '' : ` (${s.state})`}`),
      revenue: (customers.getColumn(header.indexOf('Revenue')).values as unknown[]).slice(2),
    };
  };

  test('the sales travel with the result; a second and third run replace our sheets, never add copies', async () => {
    const input = file('shop.csv', salesCsv);
    const first = path.join(folder, 'shop.r1.xlsx');
    const second = path.join(folder, 'shop.r2.xlsx');
    const third = path.join(folder, 'shop.r3.xlsx');
    expect((await runCli(['analyze', input, '--out', first, '--quiet'])).code).toBe(0);
    const one = await sheetsOf(first);
    expect(one.names).toEqual([
      'shop',
      'Customers (analysis)',
      'Pyramid',
      'SVCD matrix',
      'ABC Pareto',
      'RFM',
      'Movement',
      'Loyalty',
      'Visit plan',
      'Value outlook',
      'Data issues',
      'Calls 2024-03-01',
      'CustomerPyramid.state (veryHidden)',
    ]);
    expect(one.revenue).toEqual([15, 20]);
    // The sales as written: ids and dates as text, a column of plain numbers as numbers.
    const copy = new Workbook();
    await copy.xlsx.readFile(first);
    const sales = copy.getWorksheet('shop')!;
    expect([1, 2, 3, 4].map((row) => (sales.getRow(row).values as unknown[]).slice(1))).toEqual([
      ['Customer ID', 'Date', 'Amount'],
      ['C1', '2024-01-05', 10],
      ['C2', '2024-02-05', 20],
      ['C1', '2024-03-01', 5],
    ]);
    const rerun = await runCli(['analyze', first, '--out', second, '--quiet']);
    expect([rerun.code, rerun.stderr]).toEqual([0, '']);
    expect(await sheetsOf(second)).toEqual(one);
    // A changed setting updates the figures in the same places.
    expect((await runCli(['analyze', second, '--out', third, '--as-of', '2024-02-29', '--quiet'])).code).toBe(
      0,
    );
    const three = await sheetsOf(third);
    // One Calls sheet per as-of date: the earlier one stays as the reps left it, the new one is added.
    expect(three.names).toEqual([...one.names.slice(0, -1), 'Calls 2024-02-29', one.names.at(-1)]);
    expect(three.revenue).toEqual([10, 20]);
  });
});

describe('progress on stderr', () => {
  test('in a terminal, even a small .xlsx shows reading, analysing, writing and the time taken', async () => {
    const out = path.join(folder, 'progress.xlsx');
    const result = await runCli(['analyze', path.join(folder, 'whole.xlsx'), '--out', out], {
      tty: true,
    });
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^Reading whole\.xlsx \(\d+ KB\)…$/u);
    for (const stage of ['reading', 'analysing', 'writing'])
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^ {2}${stage} 100% \\(\\d+\\.\\d s\\)$`, 'u')),
      );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}saving .*progress\.xlsx \(\d+\.\d s\)$/u));
    expect(lines[lines.length - 1]).toMatch(/^ {2}done in \d+\.\d s$/u);
  });

  test('in Chinese when the results are: after the headers are read, and from the first line in a Chinese locale', async () => {
    const input = file('进度.csv', chineseCsv);
    const json = path.join(folder, 'p.json');
    const english = await runCli(['analyze', input, '--json', json], { tty: true });
    expect(english.stderr).toMatch(/^Reading 进度\.csv \(1 KB\)…\n/u);
    expect(english.stderr).toMatch(/\n {2}分析 100%（\d+\.\d 秒）\n/u);
    expect(english.stderr).toMatch(/ {2}用时 \d+\.\d 秒\n$/u);
    const saved = { LC_ALL: process.env.LC_ALL };
    try {
      process.env.LC_ALL = 'zh_CN.UTF-8';
      const chinese = await runCli(['analyze', input, '--json', json], { tty: true });
      expect(chinese.stderr).toMatch(/^正在读取 进度\.csv（1 KB）…\n/u);
      const folderError = await runCli(['analyze', folder]);
      expect([folderError.code, oneLine(folderError.stderr)]).toEqual([
        3,
        expect.stringMatching(/是一个文件夹，不是文件/u),
      ]);
    } finally {
      if (saved.LC_ALL === undefined) delete process.env.LC_ALL;
      else process.env.LC_ALL = saved.LC_ALL;
    }
  });

  test('not in a pipe for a small input: stderr stays empty', async () => {
    const result = await runCli([
      'analyze',
      path.join(folder, 'whole.xlsx'),
      '--out',
      path.join(folder, 'quiet.xlsx'),
      '--quiet',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});
