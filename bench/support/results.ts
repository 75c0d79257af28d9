import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * One figure of the benchmark suite: a ratio (deep page / first page, PGlite / PostgreSQL, API / pgbench …) or a
 * throughput, by a name that stays the same from run to run so the next run can compare against it.
 */
export type Ratio = {
  name: string;
  value: number;
  /** What the value counts, e.g. 'ratio', 'contributions/s', 's'. Default: 'ratio'. */
  unit?: string;
  /** Whether a bigger value is better ('higher') or worse ('lower'); shown next to the change. */
  better?: 'higher' | 'lower';
  /** The figures the value came from, printed after it. */
  detail?: string;
};

export type Results = { startedAt: string; finishedAt: string; uptime: string; environment: Record<string, string>; ratios: Ratio[] };

/** True when the module at `moduleUrl` is the script node (or tsx) was started with, not an import of it. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  const scriptUrl = pathToFileURL(path.resolve(script)).href;
  return scriptUrl === moduleUrl || scriptUrl.replace(/\.[cm]?[jt]s$/, '') === moduleUrl.replace(/\.[cm]?[jt]s$/, '');
}

export function readResults(file: string): Results | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  } catch {
    return undefined;
  }
}

export function writeResults(file: string, results: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

const formatValue = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));

/** The table the suite prints: every figure, the previous run's, and the change as a ratio (now / before). */
export function comparisonTable(current: Ratio[], previous: Ratio[] | undefined): string {
  const before = new Map((previous ?? []).map((ratio) => [ratio.name, ratio]));
  const width = Math.max(20, ...current.map((ratio) => ratio.name.length));
  const lines = [`${'figure'.padEnd(width)}  ${'now'.padStart(10)}  ${'previous'.padStart(10)}  change`];
  for (const ratio of current) {
    const unit = ratio.unit && ratio.unit !== 'ratio' ? ` ${ratio.unit}` : '';
    const old = before.get(ratio.name);
    let change = 'no previous figure';
    if (old && Number.isFinite(old.value) && Number.isFinite(ratio.value) && old.value !== 0) {
      const factor = ratio.value / old.value;
      const worse = ratio.better === 'higher' ? factor < 0.9 : ratio.better === 'lower' ? factor > 1.1 : false;
      const better = ratio.better === 'higher' ? factor > 1.1 : ratio.better === 'lower' ? factor < 0.9 : false;
      change = `×${factor.toFixed(2)}${worse ? '  (worse)' : better ? '  (better)' : ''}`;
    } else if (!Number.isFinite(ratio.value)) change = 'not available';
    lines.push(
      `${ratio.name.padEnd(width)}  ${(Number.isFinite(ratio.value) ? formatValue(ratio.value) : 'n/a').padStart(10)}  ${(old && Number.isFinite(old.value) ? formatValue(old.value) : '—').padStart(10)}  ${change}${unit ? `   [${unit.trim()}]` : ''}`,
    );
  }
  return lines.join('\n');
}
