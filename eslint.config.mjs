// ESLint for the three runtimes this repository holds: Apps Script V8 (src/core, src/workspace, src/addon),
// the browser (src/ui, local/playground/ui) and Node (local/, test/, bench/, build.mjs). Formatting is Prettier's job.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    rules: {
      'no-restricted-globals': [
        'error',
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
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'local/playground/ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['local/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
