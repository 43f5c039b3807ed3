// @ts-check
// Lint rules for the whole project: TypeScript, Astro components, scripts
// and tests. Formatting is Prettier's (eslint-config-prettier turns the
// overlapping rules off). `npm run lint` runs it at zero warnings.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', '.cache/', 'packages/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A name starting with « _ » says "deliberately unused" (a destructured key left out, an ignored parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // A variable a closure reads before it is set (a timer cleared by its own callback) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // French typography puts no-break spaces in texts: « : », « guillemets ».
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipJSXText: true, skipRegExps: true },
      ],
      'no-console': 'off',
    },
  },
  prettier,
);
