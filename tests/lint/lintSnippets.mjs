// Lints in-memory snippets with the project's ESLint config, as if they were files at the given paths:
// reads `[{ filePath, code }]` as JSON on stdin, prints `[{ filePath, messages: [{ ruleId, message }] }]`.
// Run in its own process because ESLint loads eslint.config.mjs as an ES module, which Jest's CommonJS
// runtime cannot. Paths that do not exist are linted in a default project built from tsconfig.json.
import { existsSync } from 'node:fs';
import { ESLint } from 'eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const snippets = JSON.parse(input);
const missing = [...new Set(snippets.map((s) => s.filePath))].filter((file) => !existsSync(file));
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: missing, defaultProject: 'tsconfig.json' } },
    },
  },
});
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push({
    filePath,
    messages: result.messages.map(({ ruleId, message, fatal }) => ({
      ruleId,
      message,
      fatal: fatal === true,
    })),
  });
}
process.stdout.write(JSON.stringify(results));
