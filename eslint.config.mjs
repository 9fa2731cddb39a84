import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Modules the renderer must never import: Electron, every Node built-in (with and without the
// node: prefix) and native addons. The renderer talks to main only through window.vitrine.
const nodeBuiltins = builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`]);
const forbiddenInRenderer = [
  'electron',
  'electron/*',
  'better-sqlite3',
  '@napi-rs/keyring',
  '@napi-rs/keyring/*',
  'electron-log',
  'electron-log/*',
  ...nodeBuiltins,
];

// Layers point one way (README, Architecture): handlers → features → db/tables. A relative import
// climbing out of the file's folder into one of these features is refused where it would point up.
const features = [
  'accounts',
  'amazon',
  'app',
  'background',
  'brazil',
  'catalog',
  'catalog-match',
  'cli',
  'core',
  'dashboard',
  'ean',
  'files',
  'ipc',
  'linking',
  'listings',
  'mapping',
  'orders',
  'restrictions',
  'rules',
  'secrets',
  'selection',
  'spreadsheet',
  'sync',
];
const intoFeature = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='sendSync']", message: 'No synchronous IPC.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenInRenderer
            .filter((m) => !m.endsWith('/*'))
            .map((name) => ({
              name,
              message: 'The renderer runs sandboxed: reach main through window.vitrine (renderer/app/api.ts).',
            })),
          patterns: [
            { group: forbiddenInRenderer.filter((m) => m.endsWith('/*')), message: 'The renderer runs sandboxed: no Electron, Node or native modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)] }],
    },
  },
  {
    files: ['preload/index.ts'],
    rules: {
      // Only the preload may touch ipcRenderer, and it must never hand it to the page.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']", message: 'Never expose ipcRenderer.' },
      ],
    },
  },
  {
    // No function a newcomer cannot hold in their head. Migrations are frozen DDL text.
    files: ['main/**/*.ts'],
    ignores: ['main/db/migrations/**'],
    rules: { 'max-lines-per-function': ['error', { max: 80, IIFEs: true }] },
  },
  {
    files: ['main/ipc/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)db/', message: 'IPC handlers call feature modules; queries live behind the feature (e.g. main/linking/views.ts).' }] },
      ],
    },
  },
  {
    files: ['main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: intoFeature(features), message: 'The data layer imports no feature: take shared types from preload/contract or main/db.' }] },
      ],
    },
  },
  {
    // The "Incluir produtos" selection and its readiness build on the send engine: they live in main/selection/.
    files: ['main/mapping/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: intoFeature(['sync', 'selection']), message: 'The send engine (sync/) builds on mapping/, not the other way round.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
