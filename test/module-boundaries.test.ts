import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/seeds.js';

/**
 * The shape of the server's code (src/core/module.ts): a module uses another only through that module's index.ts,
 * core knows no module, only the composition root reads the module list, and nothing imports in a circle — neither
 * files (checked with madge, configured by .madgerc as on the command line) nor modules.
 */

const SRC = path.join(REPO_ROOT, 'src');
const MODULES = path.join(SRC, 'modules');
const MODULE_LIST = path.join(MODULES, 'index.ts');
/** The only files that may read the module list. */
const COMPOSITION_ROOTS = [path.join(SRC, 'app.ts')];

type Import = { from: string; specifier: string; target: string };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(SRC, 'web') ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `import … from`, `export … from`, `import '…'` and `import('…')` of relative paths, with `.js` read as `.ts`. */
function relativeImports(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const specifier = match[1]!;
    found.push({ from: file, specifier, target: path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts') });
  }
  return found;
}

/** The module a file belongs to (`documents` for src/modules/documents/…), or undefined outside the modules. */
function moduleOf(file: string): string | undefined {
  const relative = path.relative(MODULES, file);
  if (relative.startsWith('..') || !relative.includes(path.sep)) return undefined;
  return relative.split(path.sep)[0];
}

const rel = (file: string) => path.relative(REPO_ROOT, file);
const imports = sourceFiles(SRC).flatMap(relativeImports);

describe('module boundaries', () => {
  it('reaches into another module only through its index.ts', () => {
    const deep = imports.filter(({ from, target }) => {
      const own = moduleOf(from);
      const other = moduleOf(target);
      return own && other && own !== other && target !== path.join(MODULES, other, 'index.ts');
    });
    expect(deep.map(({ from, specifier, target }) => `${rel(from)} imports ${specifier}: use ../${moduleOf(target)}/index.js`)).toEqual([]);
  });

  it('keeps core free of modules and the module list for the composition root', () => {
    // A test may check core against a module (the built-in diagram writer against the diagrams' Mermaid validator).
    const coreToModules = imports.filter(
      ({ from, target }) => from.startsWith(path.join(SRC, 'core') + path.sep) && !from.endsWith('.test.ts') && target.startsWith(MODULES + path.sep),
    );
    expect(coreToModules.map(({ from, specifier }) => `${rel(from)} imports ${specifier}`)).toEqual([]);
    const listReaders = imports.filter(({ from, target }) => target === MODULE_LIST && !COMPOSITION_ROOTS.includes(from));
    expect(listReaders.map(({ from }) => `${rel(from)} imports the module list`)).toEqual([]);
  });

  it('has no cycle between modules', () => {
    const uses = new Map<string, Set<string>>();
    for (const { from, target } of imports) {
      const own = moduleOf(from);
      const other = moduleOf(target);
      if (own && other && own !== other) uses.set(own, (uses.get(own) ?? new Set()).add(other));
    }
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (module: string, trail: string[]) => {
      if (trail.includes(module)) {
        cycles.push([...trail.slice(trail.indexOf(module)), module].join(' → '));
        return;
      }
      if (done.has(module)) return;
      for (const next of uses.get(module) ?? []) visit(next, [...trail, module]);
      done.add(module);
    };
    for (const module of uses.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });
});

// madge ships no types: the two calls this test makes.
type MadgeResult = { circular(): string[][]; obj(): Record<string, string[]> };
const madge = createRequire(import.meta.url)('madge') as (paths: string, config: Record<string, unknown>) => Promise<MadgeResult>;
const madgerc = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.madgerc'), 'utf8')) as Record<string, unknown>;

describe('import cycles', () => {
  it('has none in the server', { timeout: 120_000 }, async () => {
    const graph = await madge(SRC, { ...madgerc, baseDir: SRC, tsConfig: path.join(REPO_ROOT, 'tsconfig.json') });
    // Resolution works (a misconfigured run finds no edges and so no cycle): app.ts reaches the module list.
    expect(graph.obj()['app.ts']).toContain('modules/index.ts');
    expect(graph.circular().map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has none in the web app', { timeout: 120_000 }, async () => {
    const web = path.join(SRC, 'web');
    const graph = await madge(web, { ...madgerc, baseDir: web, fileExtensions: ['ts', 'tsx'], tsConfig: path.join(web, 'tsconfig.json') });
    expect(graph.obj()['main.tsx']).toContain('app.tsx');
    expect(graph.circular().map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
