import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'out/', '.build/', 'node_modules/', 'release/', '.scratch*/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Corpus text must never become markup.
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Insert text with textContent; corpus text is never HTML.' },
        { property: 'outerHTML', message: 'Insert text with textContent; corpus text is never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Insert text with textContent; corpus text is never HTML.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
