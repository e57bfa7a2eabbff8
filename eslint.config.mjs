// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const enginePurity = {
  patterns: [
    {
      group: ['react', 'react-dom', '@fluentui/*', '@microsoft/office-js', 'exceljs', 'jszip', 'node:*'],
      message: 'src/engine stays pure: no UI, Office, file or Node imports.',
    },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'stream', 'zlib', 'crypto', 'util'].map((name) => ({
    name,
    message: 'src/engine stays pure: no Node APIs.',
  })),
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'samples/**',
      'coverage/**',
      'test-output/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'react-hooks': reactHooks, 'office-addins': officeAddins },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess every typed-array read in a hot loop is `T | undefined`; a checked
      // bound plus `!` is clearer and faster than a branch per element.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', enginePurity],
      'no-restricted-globals': [
        'error',
        'Office',
        'Excel',
        'window',
        'document',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', 'Excel'] },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
