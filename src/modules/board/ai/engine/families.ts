import type { PersonaFamily } from '../../../../shared/board-kinds.js';
import type { Feature } from './features.js';

/**
 * How each discipline weighs a decision: the features of an option it cares about (a positive weight prefers more
 * of the feature), the words that make a fact its business, and the figure it needs and looks for in the problem —
 * named as unknown when the problem does not give it.
 */
export type FamilyProfile = {
  /** "From a finance view". */
  view: string;
  /** What this discipline protects, as a noun phrase: "the company’s cash". */
  concern: string;
  weights: Partial<Record<Feature, number>>;
  topics: RegExp;
  /**
   * The figure this discipline needs; `present` finds it in the problem. `assumes` is what must then hold, as a plain
   * statement ({option} is the option argued for).
   */
  needs: { present: RegExp; missing: string; assumes: string; question?: string };
};

export const FAMILIES: Record<PersonaFamily, FamilyProfile> = {
  strategy: {
    view: 'strategy',
    concern: 'the long-term position',
    weights: { upside: 0.8, control: 0.5, speed: 0.3, reversibility: 0.2 },
    topics: /\b(?:market|compet\w*|position\w*|growth|long[- ]term|strateg\w*|partner\w*|moat|differentiat\w*|expan\w*|enter|vision)\b/i,
    needs: { present: /\b(?:compet\w*|rival|market share|incumbent)\b/i, missing: 'the problem says nothing about competitors, so I cannot tell how long the window stays open', assumes: 'No competitor closes the window before {option} shows results; the problem names none.' },
  },
  finance: {
    view: 'finance',
    concern: 'the company’s cash',
    weights: { cost: -1, reversibility: 0.6, upside: 0.5, risk: -0.5 },
    topics: /(?:[$€£]\s?\d|\b\d+\s?(?:k|m|usd|eur|gbp)\b|\b(?:cost\w*|budget\w*|cash|runway|price\w*|pricing|revenue|margin\w*|burn|invest\w*|fund\w*|profit\w*|spend\w*|fee\w*|salar\w*|payback|roi|churn)\b)/i,
    needs: {
      present: /(?:[$€£]\s?\d|\b\d+\s?(?:k|m|usd|eur|gbp)\b|\b(?:budget|runway|cash|funding|salary|salaries|cost)\b)/i,
      missing: 'the problem gives no budget, cost or runway figure, so I judge the direction of the spend, not its size', assumes: 'The spend on {option} fits the money available; the problem gives no budget or runway.',
      question: 'What budget or runway is available for this decision?',
    },
  },
  product: {
    view: 'product',
    concern: 'what users get',
    weights: { upside: 0.5, reversibility: 0.7, speed: 0.4 },
    topics: /\b(?:user\w*|customer\w*|feature\w*|roadmap|adoption|onboard\w*|retention|churn|activation|release|mvp|beta|tier|plan)\b/i,
    needs: { present: /\b(?:users? (?:say|ask|want|told)|feedback|interview\w*|survey\w*|request\w*|waitlist|waiting list|sign[- ]?ups?)\b/i, missing: 'the problem does not say what users have asked for, so the user value is my inference', assumes: 'Users want what {option} gives them; the problem does not say what they have asked for.' },
  },
  engineering: {
    view: 'engineering',
    concern: 'the team’s build capacity',
    weights: { control: 0.4, cost: -0.5, reversibility: 0.6, risk: -0.4 },
    topics: /\b(?:build\w*|code\w*|system\w*|platform\w*|migrat\w*|tech\w*|architect\w*|engineer\w*|api\w*|infrastructure|rewrite|debt|stack|server\w*|cloud|database|integrat\w*|app|backend|frontend|mobile)\b/i,
    needs: { present: /\b(?:engineers?|developers?|devs?|sprints?|estimate\w*|story points|weeks? of work)\b/i, missing: 'the problem gives no estimate of the engineering effort, so I reason from the kind of work, not its size', assumes: 'The engineering effort of {option} is small enough for the team; it was not estimated.' },
  },
  data: {
    view: 'data',
    concern: 'what we can measure',
    weights: { reversibility: 0.8, scale: -0.4, upside: 0.2 },
    topics: /(?:\d+\s?%|\b(?:metric\w*|data|measur\w*|analytic\w*|conversion|retention|churn|rate\w*|baseline|dashboard|cohort\w*|experiment\w*|a\/b)\b)/i,
    needs: { present: /(?:\d+\s?%|\b(?:baseline|conversion|rate|metric|measured)\b)/i, missing: 'the problem gives no baseline figure, so nobody could yet tell whether either option worked', assumes: 'A baseline can be measured before {option} starts, so its effect can be seen; none is given.' },
  },
  security: {
    view: 'security',
    concern: 'the data we hold',
    weights: { risk: -1, control: 0.6, speed: -0.3 },
    topics: /\b(?:secur\w*|breach\w*|incident\w*|attack\w*|vulnerab\w*|encrypt\w*|access|password\w*|credential\w*|privacy|personal data|data|threat\w*|forensic\w*|audit\w*)\b/i,
    needs: { present: /\b(?:data|access|encrypt\w*|breach|incident|vendor|third[- ]party|personal)\b/i, missing: 'the problem does not say what data or access each option touches, so I cannot size the exposure', assumes: '{option} exposes no data or access the team cannot protect; the exposure was not described.' },
  },
  legal: {
    view: 'legal',
    concern: 'our obligations',
    weights: { risk: -0.9, reversibility: 0.6, control: 0.3 },
    topics: /\b(?:legal\w*|complian\w*|contract\w*|regulat\w*|licen[cs]\w*|gdpr|liabilit\w*|terms|law\w*|privacy|notify|notification|obligation\w*|jurisdiction\w*|permit\w*|eu|consent)\b/i,
    needs: { present: /\b(?:contract|regulat\w*|gdpr|law|licen[cs]e|compliance|permit|terms)\b/i, missing: 'the problem names no contract or regulation, so I flag what usually applies rather than what does', assumes: 'No contract or regulation rules out {option}; none is named.' },
  },
  operations: {
    view: 'operations',
    concern: 'the team’s capacity to run it',
    weights: { scale: -0.7, risk: -0.5, reversibility: 0.4 },
    topics: /\b(?:capacit\w*|staff\w*|support|team\w*|logistic\w*|supply|process\w*|ops|operat\w*|deliver\w*|hours|shift\w*|warehouse|office\w*|city|cities|location\w*|site\w*|vendor\w*|volunteer\w*)\b/i,
    needs: { present: /\b(?:team of|staff|people|headcount|capacity|volunteers?|engineers?|agents?|\d+ (?:people|staff|agents|engineers))\b/i, missing: 'the problem does not say how many people would run this, so capacity is the open question', assumes: 'The people who would run {option} have the capacity for it; their number is not given.' },
  },
  marketing: {
    view: 'marketing',
    concern: 'demand and the brand',
    weights: { scale: 0.7, speed: 0.6, upside: 0.8 },
    topics: /\b(?:demand|market\w*|brand\w*|awareness|channel\w*|audience|segment\w*|launch\w*|campaign\w*|city|cities|region\w*|countr\w*|waitlist|sign[- ]?ups?|customers?)\b/i,
    needs: { present: /\b(?:demand|waitlist|waiting list|sign[- ]?ups?|survey|pre-?orders?|leads|traffic|interest)\b/i, missing: 'the problem gives no evidence of demand, so the size of the opportunity is an assumption', assumes: 'Demand is strong enough to justify {option} from the start.', question: 'What evidence of demand do you have so far, such as sign-ups, sales or a waiting list?' },
  },
  sales: {
    view: 'sales',
    concern: 'the pipeline',
    weights: { upside: 0.9, speed: 0.7, scale: 0.4 },
    topics: /\b(?:sales|sell\w*|deal\w*|pipeline|customer\w*|client\w*|enterprise|contract\w*|revenue|quota|prospect\w*|account\w*|pric\w*|partner\w*)\b/i,
    needs: { present: /\b(?:pipeline|deals?|prospects?|customers? (?:asked|want)|leads|accounts?)\b/i, missing: 'the problem says nothing about the pipeline, so I cannot say which option customers would pay for first', assumes: 'Customers will pay for {option} soon enough; the problem says nothing about the pipeline.' },
  },
  people: {
    view: 'people',
    concern: 'the team',
    weights: { cost: -0.3, scale: -0.5, risk: -0.4, control: 0.3 },
    topics: /\b(?:hir\w*|team\w*|morale|staff\w*|culture|people|burnout|recruit\w*|junior\w*|senior\w*|engineers?|contractor\w*|layoff\w*|lay off|onboard\w*|volunteer\w*)\b/i,
    needs: { present: /\b(?:team|people|staff|headcount|engineers?|volunteers?)\b/i, missing: 'the problem does not describe the team that would carry this, so its load is my inference', assumes: 'The team can carry the load {option} adds; the problem does not describe the team.' },
  },
  design: {
    view: 'design',
    concern: 'the user’s experience',
    weights: { reversibility: 0.6, upside: 0.3, speed: -0.1 },
    topics: /\b(?:experience|users?|onboard\w*|usabilit\w*|design\w*|journey\w*|interface|screens?|accessib\w*|mobile|app)\b/i,
    needs: { present: /\b(?:research|usability|tested|interviews?|feedback)\b/i, missing: 'the problem reports no user research, so how people will experience each option is untested', assumes: 'People will find {option} easy to use; no user research is reported.' },
  },
  research: {
    view: 'research',
    concern: 'what we actually know',
    weights: { reversibility: 0.9, speed: -0.4, scale: -0.4 },
    topics: /\b(?:evidence|interview\w*|users?|test\w*|experiment\w*|learn\w*|validat\w*|survey\w*|pilot|hypothes\w*|assum\w*)\b/i,
    needs: { present: /\b(?:interviews?|survey\w*|pilot|experiment\w*|tested|evidence|data)\b/i, missing: 'the problem cites no evidence either way, so every option rests on belief until something is tested', assumes: 'The panel’s beliefs about {option} would survive a test; no evidence is cited either way.' },
  },
  domain: {
    view: 'domain',
    concern: 'how this field really works',
    weights: { risk: -0.5, upside: 0.3, reversibility: 0.3 },
    topics: /\b(?:rule\w*|regulat\w*|season\w*|industr\w*|practice\w*|field|local\w*|communit\w*|patient\w*|member\w*)\b/i,
    needs: { present: /\b(?:rule|regulation|practice|season|local)\b/i, missing: 'the problem says little about how this field works in practice, so I rely on its usual patterns', assumes: 'The field works here as it usually does; the problem says little about its practice.' },
  },
};

/** Why an option wins on a feature, said of the option that has more (+) or less (−) of it. */
export const REASONS: Record<Feature, { more: string; less: string }> = {
  scale: { more: 'it reaches more at once', less: 'it keeps the first commitment small enough to learn from' },
  speed: { more: 'it acts sooner, while the window is open', less: 'it leaves time to learn before committing' },
  reversibility: { more: 'it is easier to undo if the first results disappoint', less: 'it commits fully, so the organisation has to make it work' },
  cost: { more: 'it invests where the larger return is', less: 'it commits less money before the evidence is in' },
  upside: { more: 'it has the larger upside if the demand is there', less: 'it protects what already works' },
  control: { more: 'it keeps control of something the organisation depends on', less: 'it frees the team to focus on what only it can do' },
  risk: { more: 'it accepts more risk for a larger prize', less: 'it puts less at stake if it goes wrong' },
};

/** One option against another on a feature: "“A” is easier to undo than “B”." (A has more of it when `more`.) */
export function compareOn(feature: Feature, a: string, b: string, more: boolean): string {
  const [hi, lo] = more ? [a, b] : [b, a];
  switch (feature) {
    case 'scale':
      return `${lo} is the smaller commitment, while ${hi} spreads the same people and money over more at once`;
    case 'speed':
      return `${hi} acts sooner than ${lo}, which buys time at the price of learning less first`;
    case 'reversibility':
      return `${hi} is easier to undo than ${lo}, so a wrong call costs less to correct`;
    case 'cost':
      return `${lo} asks for less money up front than ${hi}`;
    case 'upside':
      return `${hi} has more to gain than ${lo} if the demand is real`;
    case 'control':
      return `${hi} keeps more under our own control than ${lo}, which also means we carry more of the work`;
    case 'risk':
      return `${lo} puts less at stake than ${hi} if it goes wrong`;
  }
}

/**
 * The strength of one option against another on a feature, said of the first: "“A” reaches further at once than
 * “B”". `more` is whether `a` has more of the feature. Unlike compareOn, which states a difference from whichever
 * side reads naturally, this always argues for `a`.
 */
export function advantageOf(feature: Feature, a: string, b: string, more: boolean): string {
  const table: Record<Feature, [string, string]> = {
    scale: [`${a} reaches further at once than ${b}`, `${a} keeps the first commitment smaller than ${b}, so there is more to learn before the rest is spent`],
    speed: [`${a} acts sooner than ${b}, while the window is open`, `${a} leaves more time than ${b} to learn before committing`],
    reversibility: [`${a} is easier to undo than ${b}, so a wrong call costs less to correct`, `${a} commits fully where ${b} hedges, so the organisation has to make it work`],
    cost: [`${a} puts more money where the larger return is than ${b} does`, `${a} asks for less money up front than ${b}`],
    upside: [`${a} has more to gain than ${b} if the demand is real`, `${a} protects what already works, where ${b} puts it at stake`],
    control: [`${a} keeps more under the organisation's own control than ${b}`, `${a} frees the team for what only it can do, where ${b} adds work`],
    risk: [`${a} plays for a larger prize than ${b}`, `${a} puts less at stake than ${b} if it goes wrong`],
  };
  return table[feature][more ? 0 : 1];
}

/** How strongly an advantage argues for an option: reach, speed and upside are strengths; spending more is not. */
export function advantageWeight(feature: Feature, more: boolean): number {
  const table: Record<Feature, [number, number]> = {
    scale: [1, 0.9],
    speed: [1.1, 0.6],
    reversibility: [0.9, 0.3],
    cost: [0.3, 1],
    upside: [1.2, 0.6],
    control: [0.8, 0.8],
    risk: [0.5, 1],
  };
  return table[feature][more ? 0 : 1];
}

/**
 * The features a persona's check is about, from its words, most specific first; empty when the words name none.
 * Stricter than featureOf: a check labels a comparison only when the comparison is about what the check names.
 */
export function checkFeatures(check: string): Feature[] {
  const t = check.toLowerCase();
  const found: Feature[] = [];
  const add = (feature: Feature, pattern: RegExp) => {
    if (pattern.test(t) && !found.includes(feature)) found.push(feature);
  };
  add('cost', /\b(?:costs?|cash|budget\w*|runway|margins?|pric\w*|spend\w*|burn|money|economics|roi|payback|fund\w*|ownership|capital)\b/);
  add('reversibility', /\b(?:revers\w*|rollback|roll back|undo|exit|lock-in|lock in|option value|escape|cannot undo)\b/);
  add('risk', /\b(?:risks?|failure|fail\w*|downside|breach\w*|threats?|exposure|liabilit\w*|safety|blast radius)\b/);
  add('speed', /\b(?:speed|deadlines?|timing|window|time to|how long|lead time|launch date|schedule|critical path|sooner|delay\w*)\b/);
  add('scale', /\b(?:scale|scaling|capacity|load|staff\w*|headcount|hiring|workload|throughput|team size|footprint|coverage)\b/);
  add('upside', /\b(?:demand|market size|growth|revenue|upside|reach|addressable)\b/);
  add('control', /\b(?:vendors?|dependenc\w*|in-house|build versus buy|build vs\.? buy|ownership|control)\b/);
  return found;
}

/** Which feature a check or a lens is about, from its words. */
export function featureOf(text: string): Feature | undefined {
  const t = text.toLowerCase();
  if (/\b(?:cost|cash|budget|runway|margin|price|spend|burn|money|econom|roi|payback|fund)/.test(t)) return 'cost';
  if (/\b(?:risk|failure|fail|downside|breach|secur|threat|exposure|liabil|complian|legal|safety)/.test(t)) return 'risk';
  if (/\b(?:time|speed|deadline|timing|window|fast|soon|launch date|schedule)/.test(t)) return 'speed';
  if (/\b(?:scale|capacity|load|staff|team|workload|throughput|headcount|size)/.test(t)) return 'scale';
  if (/\b(?:revers|rollback|roll back|undo|exit|lock-in|lock in|option value|escape)/.test(t)) return 'reversibility';
  if (/\b(?:user|customer|demand|market|growth|revenue|adoption|value|upside|retention)/.test(t)) return 'upside';
  if (/\b(?:owner|control|vendor|depend|in-house|build|maintain|integrat)/.test(t)) return 'control';
  return undefined;
}
