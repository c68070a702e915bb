// ESLint for the three runtimes this repository holds: Apps Script V8 (src/core, src/workspace, src/addon),
// the browser (src/ui, local/playground/ui) and Node (local/, test/, bench/, build.mjs). Formatting is Prettier's job.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals Apps Script V8 does not have. */
const V8_NOT_THERE = [
  'process',
  'require',
  'setTimeout',
  'setInterval',
  'URL',
  'TextEncoder',
  'TextDecoder',
  'Buffer',
  'window',
  'document',
];
/** Apps Script services: named only in src/workspace. */
const SERVICES = [
  'SpreadsheetApp',
  'FormApp',
  'MailApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
  'CacheService',
  'GmailApp',
  'UrlFetchApp',
  'DriveApp',
  'Charts',
];
/** Range, Sheet and Book calls that read or write cells. */
const SHEET_METHODS = [
  'getRange',
  'getRangeList',
  'getDataRange',
  'getValues?',
  'setValues?',
  'getDisplayValues?',
  'appendRow',
  'getSheetByName',
  'getSheets',
  'insertSheet',
  'createTextFinder',
  'clearContent',
  'setNumberFormat',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'insertRowsAfter',
  'getSheetId',
  'getSheet',
  'setActiveSheet',
  'getSpreadsheetTimeZone',
  'setFrozenRows',
  'protect',
  'newChart',
  'sheet',
  'rows',
];
/**
 * An import pattern for relative imports into other layers (and out of src): the first folder after the
 * leading ../ is the layer. A path-level approximation; test/harness/boundaries.ts resolves every import.
 */
const layers = (names, message) => ({ regex: `^(\\.\\.?/)+(${[...names, 'local', 'test'].join('|')})(/|$)`, message });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', '.playground/', 'bench/out/', 'test/boundary-fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Apps Script V8: no Node or browser globals; the services are declared by @types/google-apps-script.
    files: ['src/core/**/*.ts', 'src/workspace/**/*.ts', 'src/addon/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: { 'no-restricted-globals': ['error', ...V8_NOT_THERE] },
  },
  {
    files: ['src/ui/**/*.ts', 'local/playground/ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The layers (README "Where things live"; test/core/boundary.test.ts checks the same on every test run):
  // core <- workspace <- addon, and ui takes only types from addon. Nothing in src reaches local/ or test/.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layers(['workspace', 'addon', 'ui'], 'core imports only core')] }],
      'no-restricted-globals': ['error', ...V8_NOT_THERE, ...SERVICES],
    },
  },
  {
    files: ['src/workspace/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layers(['addon', 'ui'], 'workspace imports core and workspace')] }],
    },
  },
  {
    files: ['src/addon/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layers(['ui'], 'addon imports core, workspace and addon')] }],
      // addon composes use cases; only workspace calls Apps Script services and touches a Range or a Sheet.
      'no-restricted-globals': ['error', ...V8_NOT_THERE, ...SERVICES],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${SHEET_METHODS.join('|')})$/]`,
          message: 'addon never touches a Range or a Sheet: put the sheet I/O in src/workspace.',
        },
        { selector: "MemberExpression[property.name='ss']", message: 'addon never touches the Spreadsheet: use workspace.' },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...layers(['addon'], 'the client takes only types from addon (import type)'), allowTypeImports: true },
            layers(['workspace'], 'the client never imports workspace'),
          ],
        },
      ],
    },
  },
  {
    files: ['local/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
