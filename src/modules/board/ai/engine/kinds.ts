import type { Feature } from './feature-names.js';

/**
 * Kinds of option that differ in what they are, not in how big they are: a subscription against a price per use,
 * building against buying, a native app against the web. Their labels carry no number and few size words, so the
 * features engine would read no difference between them; each kind here carries the trade-offs it is known for,
 * mapped onto the engine's features, and the sentence that names each trade-off. `figure` is the number that would
 * price the kind — what a decision between two kinds turns on when the problem does not give it.
 */
export type OptionKind = {
  key: string;
  pattern: RegExp;
  /** How the kind moves each feature, before the options are centred on their mean. */
  shifts: Partial<Record<Feature, number>>;
  /** What the kind does on a feature, said of an option of this kind ("it brings …"). */
  traits: Partial<Record<Feature, string>>;
  /** The features whose trait is a drawback of the kind: never given as a reason to choose it. */
  cons: Feature[];
  /** The figure that prices this kind; `{unit}` is the unit the label charges by. */
  figure: string;
  /** Whether the problem already gives that figure. */
  given?: RegExp;
  /** Whether choosing this kind changes what comes in (a price model) or what goes out (a way of getting it done). */
  money: 'revenue' | 'cost';
};

const MONEY = String.raw`(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:euros?|eur|dollars?|usd|pounds?|gbp|[$€£]))`;

export const KINDS: OptionKind[] = [
  {
    key: 'recurring',
    cons: ['speed', 'reversibility'],
    money: 'revenue',
    pattern: /\b(?:subscriptions?|subscribe|memberships?|recurring|retainer|monthly (?:fee|plan|price|charge|box)|annual (?:fee|plan|contract)|flat fee)\b/,
    shifts: { risk: -0.8, speed: -0.6, reversibility: -0.5, upside: 0.4 },
    traits: {
      risk: 'it brings predictable revenue every month',
      speed: 'a recurring commitment raises the barrier for a customer trying it for the first time',
      reversibility: 'it ties customers in, so every cancellation is churn that has to be won back',
      upside: 'it earns more over a customer’s lifetime as long as they stay',
    },
    figure: 'the monthly fee',
    given: new RegExp(String.raw`${MONEY}\s*(?:a|per|\/)\s*month|\b(?:subscription|monthly fee|membership)\b[^.\n]{0,20}${MONEY}`, 'i'),
  },
  {
    key: 'usage',
    cons: ['risk'],
    money: 'revenue',
    pattern: /\b(?:per[- ](?!(?:month|year|week|annum|quarter)\b)[a-z]+|pay[- ]as[- ]you[- ]go|usage[- ]based|commissions?|metered|transaction fees?|à la carte|a la carte|one[- ]off (?:price|fee|payment))\b/,
    shifts: { speed: 0.7, reversibility: 0.6, risk: 0.6 },
    traits: {
      speed: 'customers can start with a single purchase and no commitment',
      reversibility: 'nobody is locked in, so the price can be adjusted from one order to the next',
      risk: 'its revenue rises and falls with how often customers buy',
      upside: 'it charges in step with the value each customer gets',
    },
    figure: 'the price {unit} and how often a typical customer buys',
    given: new RegExp(String.raw`\b(?:price|charge|sell|commission)\w*\b[^.\n]{0,30}${MONEY}|${MONEY}[^.\n]{0,20}\b(?:price|commission)\b`, 'i'),
  },
  {
    key: 'build',
    cons: ['speed', 'cost'],
    money: 'cost',
    pattern: /\b(?:build|develop|write|our own|in[- ]house|ourselves|self[- ]host(?:ed)?)\b/,
    shifts: { speed: -0.6, control: 0.6, cost: 0.5, upside: 0.3 },
    traits: {
      control: 'it gives full control and a fit to how the organisation works',
      speed: 'it takes longer before the first version is in use',
      cost: 'it costs more up front and keeps costing in upkeep',
      upside: 'it can become something competitors cannot simply buy',
    },
    figure: 'the cost to build and maintain it',
    given: /\b(?:estimate\w*|weeks? of work|months? of work|sprints?)\b/i,
  },
  {
    key: 'buy',
    cons: ['control', 'reversibility'],
    money: 'cost',
    pattern: /\b(?:buy|purchase|licen[cs]e|saas|vendor|off[- ]the[- ]shelf|existing (?:product|tool|solution))\b/,
    shifts: { speed: 0.7, control: -0.6, cost: -0.4, reversibility: -0.3 },
    traits: {
      speed: 'it can be in use within weeks rather than months',
      control: 'it leaves the product’s roadmap to the vendor',
      cost: 'it trades the build cost for a vendor fee every year',
      reversibility: 'it ties the organisation to a vendor whose price and roadmap it does not set',
    },
    figure: 'the vendor’s yearly price',
    given: new RegExp(String.raw`\b(?:vendor|licen[cs]e|saas|quote)\b[^.\n]{0,30}${MONEY}`, 'i'),
  },
  {
    key: 'outsource',
    cons: ['control'],
    money: 'cost',
    pattern: /\b(?:outsourc\w*|agency|agencies|contractors?|freelanc\w*|third[- ]party provider)\b/,
    shifts: { speed: 0.5, control: -0.7, cost: -0.3, scale: 0.3, reversibility: 0.3 },
    traits: {
      speed: 'a supplier can start without a hiring round',
      control: 'it hands the quality of the work to someone managed only by contract',
      cost: 'it turns a fixed payroll into a fee that follows the volume of work',
      scale: 'the supplier can absorb peaks the team could not',
      reversibility: 'a contract can be ended more easily than a team can be unwound',
    },
    figure: 'the supplier’s price for the volume of work against the cost of the people in-house',
  },
  {
    key: 'in-house',
    cons: ['cost', 'speed', 'reversibility'],
    money: 'cost',
    pattern: /\b(?:in[- ]house|hire|hiring|internal(?:ly)?|our own team|keep (?:it|them|\w+) in[- ]house)\b/,
    shifts: { control: 0.6, cost: 0.4, speed: -0.4, reversibility: -0.4 },
    traits: {
      control: 'it keeps the knowledge and the quality of the work inside the team',
      cost: 'it adds fixed salaries that do not shrink when the work does',
      speed: 'it needs people hired and trained before it runs at full speed',
      reversibility: 'a team is harder to unwind than a contract',
    },
    figure: 'the cost of the people it needs against the supplier’s price',
  },
  {
    key: 'native',
    cons: ['cost', 'speed', 'reversibility'],
    money: 'cost',
    pattern: /\b(?:native|ios|android|app stores?|mobile apps?)\b/,
    shifts: { upside: 0.4, cost: 0.6, speed: -0.4, reversibility: -0.3 },
    traits: {
      upside: 'it sits on the home screen and can use the phone’s notifications and hardware',
      cost: 'it means building and maintaining a version for each platform',
      speed: 'every release waits for store review',
      reversibility: 'a faulty release stays on users’ devices until they update',
    },
    figure: 'the cost of building for each platform against how many users need what only a native app does',
  },
  {
    key: 'web',
    cons: ['upside'],
    money: 'cost',
    pattern: /\b(?:web(?:site|[- ]?app)?|browser|pwa|progressive web)\b/,
    shifts: { speed: 0.5, cost: -0.5, reversibility: 0.4, upside: -0.2 },
    traits: {
      speed: 'a change reaches every user the moment it ships',
      cost: 'one codebase serves every device',
      reversibility: 'a mistake can be corrected for everyone at once',
      upside: 'it has no place on the home screen and only limited reach into the device',
    },
    figure: 'how many users need what only a native app does',
  },
  {
    key: 'free-tier',
    cons: ['cost', 'risk'],
    money: 'revenue',
    pattern: /\b(?:free(?:mium)?(?: tier| plan| trial| version)?|freemium)\b/,
    shifts: { scale: 0.6, upside: 0.4, cost: 0.4, risk: 0.3 },
    traits: {
      scale: 'it lets many more people try the product before paying',
      upside: 'it can turn reach into paying customers later',
      cost: 'it means serving users who pay nothing',
      risk: 'its revenue depends on a conversion rate nobody has measured yet',
    },
    figure: 'the share of free users who would convert to paying',
    given: /\bconver\w*\b[^.\n]{0,30}\d+\s?%/i,
  },
  {
    key: 'paid-only',
    cons: ['scale'],
    money: 'revenue',
    pattern: /\b(?:paid[- ]only|paid plans? only|only paid|no free)\b/,
    shifts: { scale: -0.5, risk: -0.4, cost: -0.3 },
    traits: {
      scale: 'it reaches fewer people, each of whom has already decided to pay',
      risk: 'every user it serves brings revenue',
      cost: 'it serves no one who pays nothing',
    },
    figure: 'how many people would pay without trying it first',
  },
  {
    key: 'partner',
    cons: ['control', 'upside'],
    money: 'revenue',
    pattern: /\b(?:partner(?:ing|ship)?s?|alliance|joint venture|resellers?|distributors?)\b/,
    shifts: { speed: 0.5, scale: 0.4, control: -0.6, upside: -0.2 },
    traits: {
      speed: 'it borrows a reach that would take years to build alone',
      scale: 'it puts the offer in front of the partner’s customers at once',
      control: 'it shares the customer relationship and key decisions with the partner',
      upside: 'it gives the partner a share of every sale',
    },
    figure: 'the partner’s share of revenue against the cost of reaching the same customers directly',
  },
  {
    key: 'alone',
    cons: ['speed', 'cost'],
    money: 'revenue',
    pattern: /\b(?:go(?:ing)? (?:it )?alone|on our own|by ourselves|direct(?:ly)? to (?:customers|consumers)|direct sales)\b/,
    shifts: { control: 0.6, speed: -0.4, cost: 0.3, upside: 0.2 },
    traits: {
      control: 'it keeps the customer relationship and the margin in the organisation’s own hands',
      speed: 'it has to build its reach one customer at a time',
      cost: 'it pays for every customer it acquires itself',
      upside: 'it keeps the whole margin of every sale',
    },
    figure: 'the cost of reaching a customer directly against the partner’s share',
  },
];

/** The kinds a label names; a label that declines a proposal ("Do not …") is of no kind. */
export function kindsOf(label: string): OptionKind[] {
  // A middle path ("Buy X now, keeping the option of building X later") is of the kind of its first step.
  const text = label.toLowerCase().split(/,\s*(?:keeping the option|with a set date)|\s+before deciding\b/)[0]!;
  if (/^do not\b/.test(text)) return [];
  const found = KINDS.filter((kind) => kind.pattern.test(text));
  // "Keep support in-house" is in-house work, not a build; "build in-house" is a build.
  return found.some((k) => k.key === 'build') && found.some((k) => k.key === 'in-house') && !/\b(?:build|develop|write)\b/.test(text) ? found.filter((k) => k.key !== 'build') : found;
}

/** The feature shifts of a label's kinds, summed. */
export function kindShifts(label: string): Partial<Record<Feature, number>> {
  const total: Partial<Record<Feature, number>> = {};
  for (const kind of kindsOf(label)) for (const [feature, value] of Object.entries(kind.shifts) as Array<[Feature, number]>) total[feature] = (total[feature] ?? 0) + value;
  return total;
}

/**
 * What the label's kind does on a feature ("it brings predictable revenue every month"), when the kind moves the
 * feature in the given direction (+1: more of it) and the other label is not of the same kind.
 */
export function traitOf(label: string, feature: Feature, direction: 1 | -1, other = '', side?: 'pro' | 'con'): string | undefined {
  const shared = new Set(kindsOf(other).map((k) => k.key));
  for (const kind of kindsOf(label)) {
    const shift = kind.shifts[feature] ?? 0;
    if (side && kind.cons.includes(feature) !== (side === 'con')) continue;
    if (!shared.has(kind.key) && kind.traits[feature] && Math.sign(shift) === direction) return kind.traits[feature];
  }
  return undefined;
}

function unitOf(label: string): string {
  return /\b(per [a-z]+)\b/i.exec(label)?.[1]?.toLowerCase() ?? 'per use';
}

/**
 * The figures that would settle a choice between options of different kinds, and whether the problem gives them:
 * "the monthly fee against the price per meal and how often a typical customer buys". Undefined when the options are
 * not of different kinds, or when every such figure is already given.
 */
export function settlingFigure(labels: readonly string[], problemText: string): { figure: string; figures: string[]; missing: boolean; money: 'revenue' | 'cost' } | undefined {
  const figures: string[] = [];
  let missing = false;
  let money: 'revenue' | 'cost' = 'cost';
  const seen = new Set<string>();
  for (const label of labels) {
    const kind = kindsOf(label)[0];
    if (!kind || seen.has(kind.key)) continue;
    seen.add(kind.key);
    if (kind.money === 'revenue') money = 'revenue';
    const figure = kind.figure.replace('{unit}', unitOf(label));
    if (!figures.some((f) => f.includes(figure) || figure.includes(f))) figures.push(figure);
    if (!kind.given || !kind.given.test(problemText)) missing = true;
  }
  if (seen.size < 2 || figures.length === 0) return undefined;
  return { figure: figures.slice(0, 2).join(' against '), figures: figures.slice(0, 2), missing, money };
}
