// ESLint over the server (src/), the web app (src/web), the tests (test/, src/**/*.test.ts) and the benchmarks (bench/):
// the rules that read syntax alone, the module boundaries and the rules of hooks. The type-aware rules (no floating
// promises, no unsafe any, …) run in Oxlint with the native TypeScript compiler (.oxlintrc.json; decision 021).
// `npm run lint` runs both and allows no warnings.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEST_FILES = ['test/**/*.ts', 'bench/**/*.ts', 'src/**/*.test.ts'];

// ---------------------------------------------------------------------------------------------------------------
// Module boundaries. A module's public surface is its index.ts: from inside src/modules/<a>/, another module <b> is
// reached as `../<b>/index.js` (`../../<b>/index.js` one folder deeper, and so on), and the registry
// (src/modules/index.ts) reaches it as `./<b>/index.js`. Any other path into <b> is a deep import. src/core uses no
// module at all. Tests may reach in, and so may the web app (it imports the server's contracts as types).

const DEEP_IMPORT_MESSAGE =
  'Import another module through its index.js (its public surface), not a file inside it: export what you need there.';

/**
 * A no-restricted-imports pattern for paths that start with `prefix` (a regex source) and then name a folder and a
 * file in it other than index.js.
 */
function deepImportPattern(prefix) {
  return { regex: `^${prefix}[^./][^/]*/(?!index\\.js$).+`, message: DEEP_IMPORT_MESSAGE };
}

/** Any relative path that walks into src/modules/<b>/ by name must end at its index.js. */
const NAMED_MODULE_PATH = {
  regex: '^\\.{1,2}/(?:.*/)?modules/[^./][^/]*/(?!index\\.js$).+',
  message: DEEP_IMPORT_MESSAGE,
};

const CORE_TO_MODULE = {
  regex: '^\\.{1,2}/(?:.*/)?modules/',
  message: 'src/core knows no module: move what both need into core, or let the module hand it to core.',
};

/** The rule for files matching `files`, `depth` folders below src/modules/<a>/ (-1 for the registry). */
function moduleBoundary(files, depth) {
  // `../` repeated depth + 1 times climbs exactly out of <a>: one more would leave src/modules, one fewer stays in <a>.
  const prefix = depth < 0 ? '\\./' : '\\.\\./'.repeat(depth + 1);
  return {
    files,
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImportPattern(prefix), NAMED_MODULE_PATH] }] },
  };
}

function moduleBoundaries() {
  const configs = [
    // The rest of the server (app, server, cli, shared) reaches a module only through src/modules/<b>/index.js too.
    {
      files: ['src/**/*.ts'],
      ignores: ['src/modules/**', 'src/web/**', ...TEST_FILES],
      rules: { 'no-restricted-imports': ['error', { patterns: [NAMED_MODULE_PATH] }] },
    },
    {
      files: ['src/core/**/*.ts'],
      ignores: TEST_FILES,
      rules: { 'no-restricted-imports': ['error', { patterns: [CORE_TO_MODULE] }] },
    },
    moduleBoundary(['src/modules/index.ts'], -1),
    moduleBoundary(['src/modules/*/*.ts'], 0),
    moduleBoundary(['src/modules/*/*/*.ts'], 1),
    moduleBoundary(['src/modules/*/*/*/*.ts'], 2),
    moduleBoundary(['src/modules/*/*/*/*/*.ts'], 3),
  ];
  return configs;
}

// ---------------------------------------------------------------------------------------------------------------

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', '.test-tmp/', '.scratch/', 'data/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // Type-only imports are marked: `import type { A }` when every name is a type, `import { a, type B }` when mixed.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: true },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // Node-side code: the server, the CLI, the tests, the benchmarks and the tool configs.
  {
    files: ['**/*.ts', '**/*.js'],
    ignores: ['src/web/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/web/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },

  // The web app: browser globals and the rules of hooks. Only the two classic rules: the plugin's React Compiler rules
  // run the compiler's analysis over every component (a third of the whole lint's time) to guard compiled output,
  // which this app does not produce; its hooks keep the latest callback in a ref during render and reset state in
  // effects when a key changes, both of which those rules refuse.
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  ...moduleBoundaries(),
);
