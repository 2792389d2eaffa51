import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '*.vsix', 'docs/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain Node scripts (test drivers, launchers) are CommonJS on purpose.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Layering: only src/host and src/extension.ts may talk to VS Code.
    files: ['src/**/*.ts'],
    ignores: ['src/host/**', 'src/extension.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/host and src/extension.ts may import vscode (see DESIGN.md layering).' }] }],
    },
  },
  {
    // The form panels' browser side (and the protocol it shares with the host): DOM only. No vscode, no Node, no
    // engine; from core only types (erased from the bundle).
    files: ['src/webview/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'Webview scripts run in a browser: no vscode API (talk to the host through src/protocol).' },
          { name: 'dockerode', message: 'Webview scripts run in a browser: no engine access.' },
        ],
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https'], message: 'Webview scripts run in a browser: no Node modules.' },
          { group: ['**/host/**', '**/docker/**'], message: 'Webview scripts run in a browser: no host or engine code.' },
          { group: ['**/core/**'], allowTypeImports: true, message: 'Webview scripts may import only types from src/core.' },
        ],
      }],
    },
  },
  {
    // Host imports go one way: commands may use the panels, the tree and the inspect documents; those never import a
    // command (what both need lives below them: src/host/commandIds.ts, src/core).
    files: ['src/host/panels/**/*.ts', 'src/host/tree/**/*.ts', 'src/host/inspect/**/*.ts', 'src/host/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/commands/**', './commands/*', '../commands/*'], message: 'Panels, the tree and inspect never import commands (see DESIGN.md: the map); move what they share down (src/host/commandIds.ts, src/core).' },
      ] }],
    },
  },
  {
    // core/ is pure: no engine, no vscode, no node I/O beyond what it is handed.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is pure logic.' },
          { name: 'dockerode', message: 'src/core is pure logic: engine access lives in src/docker.' },
        ],
        patterns: [{ group: ['**/docker/**', '**/protocol/**', '**/host/**', '**/webview/**'], message: 'src/core imports nothing above it (DESIGN.md: layering).' }],
      }],
    },
  },
  {
    // docker/ talks to the engine for the host; it knows nothing of the panels' protocol or of VS Code.
    files: ['src/docker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/host and src/extension.ts may import vscode (see DESIGN.md layering).' }],
        patterns: [{ group: ['**/protocol/**', '**/host/**', '**/webview/**'], message: 'src/docker imports only src/core (DESIGN.md: layering).' }],
      }],
    },
  },
);
