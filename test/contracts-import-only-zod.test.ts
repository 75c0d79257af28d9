import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A module's contract (src/modules/<module>/<module>.contract.ts) is imported by the server and by the web page, so
 * it may import only zod and src/shared: nothing of Drizzle, Node, the DOM, src/core or another module file. Response
 * dates are ISO strings (z.string()), never z.date(), so the types the web infers match what JSON carries. The web
 * imports contracts with `import type` only, so zod stays out of its bundle.
 */

const root = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(root, 'src/modules');
const sharedDir = path.join(root, 'src/shared');
const webDir = path.join(root, 'src/web');

const contractFiles = fs
  .readdirSync(modulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    fs
      .readdirSync(path.join(modulesDir, entry.name))
      .filter((name) => name.endsWith('.contract.ts'))
      .map((name) => path.join(modulesDir, entry.name, name)),
  );

/** Every specifier of an import, export-from or dynamic import in the source. */
function importsOf(source: string): string[] {
  const pattern = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** The files a src/shared file imports, followed to the end, so shared code cannot bring in what a contract may not. */
function sharedClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
    if (!specifier.startsWith('.')) continue;
    sharedClosure(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

function disallowedImports(file: string): string[] {
  return importsOf(fs.readFileSync(file, 'utf8')).filter((specifier) => {
    if (specifier === 'zod') return false;
    if (!specifier.startsWith('.')) return true;
    const target = path.resolve(path.dirname(file), specifier);
    return !target.startsWith(sharedDir + path.sep);
  });
}

describe('module contracts', () => {
  it('are found', () => {
    expect(contractFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(contractFiles.map((file) => [path.relative(root, file), file]))('%s imports only zod and src/shared', (_name, file) => {
    expect(disallowedImports(file)).toEqual([]);
    const sharedFiles = [...sharedClosure(file)].filter((f) => f !== file);
    for (const shared of sharedFiles) {
      expect(shared.startsWith(sharedDir + path.sep), `${path.relative(root, shared)} is outside src/shared`).toBe(true);
      expect(disallowedImports(shared), path.relative(root, shared)).toEqual([]);
    }
  });

  it.each(contractFiles.map((file) => [path.relative(root, file), file]))('%s declares dates as strings, never z.date()', (_name, file) => {
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/z\s*\.\s*(?:coerce\s*\.\s*)?date\s*\(/);
  });
});

describe('the web app', () => {
  const webFiles = (fs.readdirSync(webDir, { recursive: true }) as string[])
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(webDir, name));

  it('imports module contracts as types only', () => {
    const valueImports = webFiles.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s*'([^']+\.contract)'/gms)].map(
        (match) => `${path.relative(root, file)}: ${match[1]}`,
      ),
    );
    expect(valueImports).toEqual([]);
  });
});
