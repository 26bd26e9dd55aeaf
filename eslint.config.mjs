// Lint: typescript-eslint recommended, and the pure-core rule: nothing under src/core imports vscode or touches the DOM.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The core is pure: pass data in from src/extension instead.' }],
        patterns: [{ group: ['**/extension/**', '**/webview/**'], message: 'The core and CLI must not depend on editor or webview code.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'document', message: 'The core never touches the DOM.' },
        { name: 'window', message: 'The core never touches the DOM.' },
        { name: 'navigator', message: 'The core never touches the DOM.' }],
    },
  },
);
