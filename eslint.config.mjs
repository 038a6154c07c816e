// @ts-check
// Flat config. Non-type-checked rules only, so `npm run lint` stays fast; `npm run typecheck`
// (tsc) does the type checking. eslint-config-prettier comes last: formatting is prettier's job.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'web/dist/', 'web/node_modules/'] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // The service logs through pino (nestjs-pino); console output bypasses the JSON logs.
      'no-console': 'error',
    },
  },
  {
    // CommonJS tool configs at the root (jest.config.js): `module`, `require` and a few Node globals.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { process: 'readonly', __dirname: 'readonly', __filename: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Command-line scripts and benchmarks talk to a terminal.
    files: ['scripts/**', 'bench/**', '**/*.cli.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
