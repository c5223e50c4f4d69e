// ESLint flat config: typescript-eslint with type information (projectService), no formatting
// rules (Prettier owns formatting), and Temporal's determinism rules for workflow files.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Files bundled into the Temporal workflow sandbox: no I/O, no Node built-ins. */
const WORKFLOW_FILES = [
  'workflows/src/workflows.ts',
  'workflows/src/**/workflows.ts',
  'workflows/src/**/workflows/*.ts',
  'workflows/src/**/workflow.ts',
];

const NODE_BUILTINS = ['fs', 'path', 'crypto', 'http', 'https', 'child_process', 'os', 'net', 'stream', 'util'];
const workflowBan = 'Workflow code must be deterministic: do I/O in activities, not in workflow files.';

export default defineConfig(
  {
    ignores: ['**/node_modules/**', '.tools/**', '.data/**', 'test/artifacts/**', '**/dist/**', 'coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: WORKFLOW_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...NODE_BUILTINS.map((name) => ({ name, message: workflowBan })),
            { name: 'mongoose', message: workflowBan },
            { name: 'pdfkit', message: workflowBan },
            { name: 'express', message: workflowBan },
          ],
          patterns: [
            { group: ['node:*'], message: workflowBan },
            {
              group: [...NODE_BUILTINS.map((n) => `${n}/*`), 'mongoose/*', 'pdfkit/*', 'express/*'],
              message: workflowBan,
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JS config files are not part of a tsconfig: lint them without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
