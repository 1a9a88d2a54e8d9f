// Lint: typescript-eslint's recommended rules, sorted imports, and a warning for long functions.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.data/**',
      '**/.turbo/**',
      'coverage/**',
      '**/migrations/Migration*.ts',
      'client/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // type-graphql and MikroORM declare types for decorators; empty classes and `Function` types are theirs.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  { files: ['client/web/public/sw.js'], languageOptions: { globals: { ...globals.serviceworker } } },
  {
    files: ['client/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    // A screen's markup is long without being complex; the logic lives in domain/ and api/.
    rules: { 'max-lines-per-function': ['warn', { max: 140, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'packages/testing/**/*.ts'],
    // Tests read loosely typed GraphQL answers; a type per answer would say nothing the assertions do not.
    rules: { 'max-lines-per-function': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
