// `npm run demo`: writes the sample workbooks (English and Chinese) and analyses them with the command
// line. Everything goes to out/demo/; the summary table is printed for each.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const dir = 'out/demo';
mkdirSync(dir, { recursive: true });
const cli = (args) => {
  const result = spawnSync(process.execPath, ['bin/customer-pyramid.js', ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

cli(['sample', '--lang', 'both', '--out', dir]);
console.log('');
cli([
  'analyze',
  `${dir}/sample-workbook.xlsx`,
  '--out',
  `${dir}/sample-workbook.analysis.xlsx`,
  '--json',
  `${dir}/sample-report.json`,
]);
console.log('');
cli([
  'analyze',
  `${dir}/sample-workbook.zh-CN.xlsx`,
  '--lang',
  'zh-CN',
  '--out',
  `${dir}/sample-workbook.zh-CN.analysis.xlsx`,
  '--json',
  `${dir}/sample-report.zh-CN.json`,
]);
console.log(
  `\nDemo output is in ${dir}/: open sample-workbook.analysis.xlsx (English) or sample-workbook.zh-CN.analysis.xlsx (中文).`,
);
