// ESLint flat config. Besides style, it enforces the architecture's layers (VS Code-style layer
// rules): engine ⟂ electron ⟂ renderer. tests/lint/layering.test.ts proves a violation fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const uiPackages = [
  'react',
  'react-dom',
  'react-dom/*',
  'antd',
  'antd/*',
  '@ant-design/*',
  'react-i18next',
  'i18next',
  '@tanstack/*',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Named exports only (config files below are the exception the tools require).
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
    },
  },
  {
    files: [
      '*.config.ts',
      '*.config.js',
      'eslint.config.js',
      'vite.config.ts',
      'playwright.config.ts',
      'vitest.config.ts',
      'tests/setup/playwright-*.ts',
    ],
    rules: { 'no-restricted-exports': 'off' },
  },
  // Layer: the engine is plain Node — no Electron, no UI, no DOM.
  {
    files: ['native/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'native/ is plain Node: the engine must not import electron.' },
          ],
          patterns: [
            { group: uiPackages, message: 'native/ must not import UI libraries (React, antd, i18n).' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'native/ must not import from electron/ or renderer/.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage'],
    },
  },
  // Layer: the UI talks to the engine only through the contract, and only as types.
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/ imports electron.' },
            { name: 'better-sqlite3', message: 'The renderer has no database access; use the API contract.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'renderer/ must not import Node built-ins.' },
            {
              group: ['**/native/**', '**/electron/**'],
              allowTypeImports: true,
              message: 'renderer/ may import only types from native/ (the contract).',
            },
          ],
        },
      ],
    },
  },
  // Only electron/ imports electron (tests/e2e may locate its binary).
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ignores: ['electron/**', 'renderer/**', 'native/**', 'tests/e2e/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/ imports electron.' }] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              allowTypeImports: true,
              message: 'electron/ must not import renderer code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
