import type { Feature, Features } from './feature-names.js';
import { kindShifts } from './kinds.js';

/**
 * What an option's label says about it, read from its words: how big a commitment it is, how soon it acts, how
 * easily it is undone, what it costs, how much it could gain and how much stays under the organisation's control.
 * Features are relative: each is centred on the mean of the options named, so "Launch in one city" is small and
 * reversible next to "Launch in three cities", and not on an absolute scale no label could support.
 */
export { features, type Feature, type Features } from './feature-names.js';

type Cue = { pattern: RegExp; weight: number };
const cue = (pattern: RegExp, weight: number): Cue => ({ pattern, weight });

const CUES: Record<Exclude<Feature, 'risk'>, Cue[]> = {
  scale: [
    cue(/\b(?:all|every|global|globally|nationwide|national|worldwide|international|multiple|several|many|full|entire|whole|everyone|expand|scale|enterprise|three|four|five|six|seven|eight|nine|ten|both|more)\b/, 1),
    cue(/\b(?:one|single|pilot|small|smaller|trial|test|limited|minimal|only|mvp|beta|narrow|niche|few|two juniors)\b/, -1),
    cue(/^do not\b/, -1),
  ],
  speed: [
    cue(/\b(?:now|immediately|today|this (?:week|month|quarter)|asap|fast|quick|quickly|right away|first)\b/, 1),
    cue(/\b(?:wait|later|defer|delay|postpone|until|next (?:year|quarter|month)|yet|hold|pause|after)\b/, -1),
  ],
  reversibility: [
    cue(/\b(?:pilot|trial|test|experiment|temporary|keep|stay|continue|wait|defer|pause|rent|lease|month-to-month|phase|phased|small|one|single|limited)\b|^do not\b/, 1),
    cue(/\b(?:rewrite|migrate|shut|close|sell|acquire|sign|commit|exclusive|long-term|lay off|fire|replace|sunset|discontinue|all|every|expand|build|merge|exit|stop|drop|remove)\b/, -1),
  ],
  cost: [
    cue(/\b(?:hire|build|rewrite|migrate|expand|acquire|open|launch|in-house|develop|invest|multiple|enterprise|new|senior|raise funding|three|four|five|both|all|every)\b/, 1),
    cue(/\b(?:outsource|partner|wait|keep|cut|reduce|shut|close|pause|free|defer|stop|drop|junior|juniors|cheaper)\b|^do not\b/, -1),
  ],
  upside: [
    cue(/\b(?:launch|expand|enter|grow|raise|freemium|three|four|five|more|partner|sell|new|all|every|global|enterprise|premium|ship)\b/, 1),
    cue(/\b(?:wait|keep|shut|cut|stop|pause|defer|drop|close)\b|^do not\b/, -1),
  ],
  control: [
    cue(/\b(?:build|in-house|own|hire|ourselves|internal|internally|keep|native|self-host(?:ed)?)\b/, 1),
    cue(/\b(?:buy|outsource|partner|vendor|third-party|agency|contractor|license|licence|saas|external|existing product)\b/, -1),
  ],
};

const NUMBER_WORDS: Record<string, number> = { one: 1, single: 1, two: 2, both: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, dozen: 12 };

/** The largest quantity a label names: "three cities" → 3, "$15" → 15. */
function quantity(label: string): number | undefined {
  const values: number[] = [];
  for (const match of label.toLowerCase().matchAll(/\b(\d+(?:[.,]\d+)?)\s*(k|m)?\b|\b(one|single|two|both|three|four|five|six|seven|eight|nine|ten|dozen)\b/g)) {
    if (match[1]) values.push(Number(match[1].replace(',', '')) * (match[2] === 'k' ? 1000 : match[2] === 'm' ? 1_000_000 : 1));
    else if (match[3]) values.push(NUMBER_WORDS[match[3]] ?? 1);
  }
  return values.length ? Math.max(...values) : undefined;
}

/** A middle path ("Buy X now, keeping the option of building X later"): its first step, and the option it keeps. */
const MIDDLE_PATH = /,\s*(?:keeping the option|with a set date)|\s+before deciding\b/;

function raw(label: string): Features {
  const [step = '', kept] = label.toLowerCase().split(MIDDLE_PATH);
  // What a middle path does now is its first step; the later step is only an option it keeps, which makes it easier to undo.
  const text = step;
  const result: Features = { scale: 0, speed: 0, reversibility: 0, cost: 0, upside: 0, control: 0, risk: 0 };
  for (const feature of Object.keys(CUES) as Array<keyof typeof CUES>) {
    for (const { pattern, weight } of CUES[feature]) if (pattern.test(text)) result[feature] += weight;
  }
  // What the option is, not only how big: a subscription, a price per use, a build, a purchase.
  for (const [feature, value] of Object.entries(kindShifts(label)) as Array<[Feature, number]>) result[feature] += value;
  if (kept !== undefined) result.reversibility += 1;
  return result;
}

/** Features of every option, centred on their mean and scaled to [-1, 1]; risk follows from size, cost and finality. */
export function optionFeatures(labels: readonly string[]): Features[] {
  const rows = labels.map(raw);
  // A middle path is as large as its first step: "one city, with a set date to decide on three" is one city.
  const quantities = labels.map((label) => quantity(label.split(MIDDLE_PATH)[0]!));
  const known = quantities.filter((q): q is number => q !== undefined);
  // Where the labels differ by a number only ("one city" and "three cities"), the number sets their size.
  if (known.length >= 2 && new Set(known).size > 1) {
    const min = Math.min(...known);
    const max = Math.max(...known);
    quantities.forEach((q, i) => {
      if (q === undefined) return;
      const share = (q - min) / (max - min) - 0.5;
      rows[i]!.scale += share * 2;
      rows[i]!.cost += share * 1.5;
      rows[i]!.reversibility -= share;
      rows[i]!.upside += share;
    });
  }
  for (const [i, row] of rows.entries()) row.risk = 0.5 * row.scale - 0.6 * row.reversibility + 0.4 * row.cost + (kindShifts(labels[i]!).risk ?? 0);
  const result = rows.map((row) => ({ ...row }));
  for (const feature of Object.keys(result[0] ?? {}) as Feature[]) {
    const mean = rows.reduce((sum, row) => sum + row[feature], 0) / Math.max(rows.length, 1);
    const spread = Math.max(...rows.map((row) => Math.abs(row[feature] - mean)), 1);
    result.forEach((row, i) => (row[feature] = (rows[i]![feature] - mean) / spread));
  }
  return result;
}
