import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'artifacts/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fs', 'path', 'node:*', 'exceljs', '../excel/*', '../xlsx/*', '../cli/*', '../taskpane/*'] },
      ],
    },
  },
  {
    // What the task pane and the ribbon commands run: Internet Explorer 11 (volume-licensed Office
    // 2016/2019) and the old Edge webview run it too. Babel and core-js supply the language; these
    // DOM calls and elements they lack have no polyfill in the bundle (test/browser/legacy-webview.test.ts).
    files: [
      'src/taskpane/**/*.ts',
      'src/commands/**/*.ts',
      'src/door/**/*.ts',
      'src/excel/*.ts',
      'src/core/**/*.ts',
      'src/webview/**/*.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(append|prepend|replaceChildren|replaceWith|before|after|closest|toggleAttribute|scrollIntoViewIfNeeded)$/]',
          message:
            'IE11 and the old Edge webview lack this DOM call: use appendChild, insertBefore, removeChild, parentNode (src/taskpane/dom.ts).',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(remove|text|arrayBuffer|stream)$/][arguments.length=0]',
          message: 'IE11 lacks Element.remove() and Blob.text()/arrayBuffer(): use parentNode.removeChild, or FileReader.',
        },
        {
          selector: 'NewExpression[callee.name=/^(Event|CustomEvent|InputEvent|KeyboardEvent)$/]',
          message: 'IE11 cannot construct events: call the handler, or use document.createEvent.',
        },
        {
          selector:
            'CallExpression[arguments.1.type="Literal"][arguments.1.value=/^(details|summary|dialog)$/], CallExpression[callee.property.name="createElement"][arguments.0.value=/^(details|summary|dialog)$/]',
          message: 'IE11 and the old Edge webview lack <details>/<dialog>: use disclosure() in src/taskpane/dom.ts.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'structuredClone', message: 'IE11 and the old Edge webview lack structuredClone.' },
        { name: 'queueMicrotask', message: 'IE11 lacks queueMicrotask: use Promise.resolve().then.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
