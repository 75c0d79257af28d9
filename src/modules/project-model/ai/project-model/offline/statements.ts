import { capitalize } from '../../../../../core/text/index.js';
import type { ModelConstraint, ModelEntity, ModelMetric, ModelRule } from '../../../project-model.contract.js';
import type { IdPool } from './ids.js';
import { quantityOf } from './numbers.js';
import type { Sentence } from './read.js';
import { lemmaOf, termOf } from './words.js';

/**
 * Sentences that are statements rather than actions: success measures (a target, a change by an amount, a deadline
 * for an outcome — never a feature), business rules (a limit, a duration, a price, a deadline on a record) and
 * constraints (platform, privacy, security, scale, integration, compliance, budget, schedule, accessibility).
 */
const SUCCESS_QUESTION = /success|goal|measure|metric|target|kpi|outcome|look like/;
const SUCCESS_WORDS = /\b(?:success|goal|target|aim|kpi|hope|we'?d like to (?:double|raise|cut|reduce|increase|halve))\b/;
const CHANGE = /\b(?:cut|cuts|drop|drops|reduce|reduces|raise|raises|increase|increases|double|doubles|halve|halves|grow|grows|improve|improves|fall|falls|rise|rises)\b/;
const TARGET = /(?:\b\d+(?:\.\d+)?\s*%|\bby (?:half|a third|a quarter)\b|\bwithin (?:\w+ )?(?:hours?|days?|weeks?|months?|years?|quarters?)\b|\bby the end of\b|\bin the first \w+\b|\bunder \w+ (?:days?|hours?|minutes?)\b|\bthis year\b|\bper ?cent\b)/;
const RULE_WORDS = /\b(?:at most|at least|up to|maximum|minimum|max|min|no more than|less than|more than|over|under|within|before|after|every|each|per|lasts?|must|only|cannot|can't|can only|limit|expires?|cost|costs|fee|deadline|close|closes|due|older than)\b/;

export function isSuccessStatement(sentence: Sentence): boolean {
  const text = sentence.text.toLowerCase();
  if (sentence.question && SUCCESS_QUESTION.test(sentence.question)) return true;
  if (/\bmust\b/.test(text)) return false;
  // "cut no-shows by half"; never "we take a 30% deposit before we cut anything", where the change comes after the
  // number it does not measure.
  const change = CHANGE.exec(text);
  const changed = change !== null && TARGET.test(text.slice(change.index));
  return (SUCCESS_WORDS.test(text) && TARGET.test(text)) || changed;
}

function sentenceText(text: string): string {
  const trimmed = capitalize(text.trim().replace(/^[-*•]\s*/, ''));
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function findMetrics(sentences: Sentence[], ids: IdPool): ModelMetric[] {
  return sentences.filter(isSuccessStatement).slice(0, 20).map((sentence) => {
    const text = sentence.text.replace(/^(?:goal|success|target)\s*:\s*/i, '');
    const target = TARGET.exec(text.toLowerCase());
    const subject = sentence.clauses.find((clause) => clause.subject)?.subject ?? sentence.phrases[0];
    const measured = sentence.clauses.find((clause) => CHANGE.test(clause.verb))?.objects[0] ?? subject;
    const name = measured ? capitalize(measured.text) : capitalize(text.split(/\s+/).slice(0, 6).join(' '));
    return {
      id: ids.take(name),
      name: name.slice(0, 120),
      target: target ? text.slice(target.index).replace(/[.!]$/, '').trim() : '',
      sources: [sentence.source],
    };
  });
}

export function findRules(sentences: Sentence[], entities: ModelEntity[], ids: IdPool): ModelRule[] {
  const rules: ModelRule[] = [];
  for (const sentence of sentences) {
    if (isSuccessStatement(sentence)) continue;
    const text = sentence.text.toLowerCase();
    const quantity = quantityOf(sentence.tagged.tokens);
    // "Plots are lost if not tended for six weeks", "accounts are closed when unused for two years": what happens to a
    // record under a condition or after a span is a rule too.
    const conditional = /\b(?:if|unless|until|when|once)\b/.test(text) || sentence.clauses.some((clause) => clause.passive);
    if (!quantity || !(RULE_WORDS.test(text) || conditional)) continue;
    // "About 500 shipments a day" is the scale, not a rule.
    if (/^(?:about|around|roughly|approximately)\b/.test(text) && !/\bmust\b/.test(text)) continue;
    const entity = sentence.phrases.map((phrase) => entities.find((e) => e.name.toLowerCase() === termOf(phrase) || e.name.toLowerCase() === lemmaOf(phrase))).find(Boolean);
    const ruleText = sentenceText(sentence.text);
    rules.push({
      id: ids.take(ruleText.split(/\s+/).slice(0, 6).join(' ')),
      text: ruleText,
      ...(entity ? { entity: entity.id } : {}),
      quantity,
      confirmed: false,
      sources: [sentence.source],
    });
  }
  return rules.slice(0, 40);
}

type Category = ModelConstraint['category'];
const CONSTRAINT_PATTERNS: [Category, RegExp][] = [
  ['privacy', /\b(?:gdpr|personal data|privacy|confidential|consent|only (?:be )?visible|only \w+ may see|deleted? after|retain|keep records for)\b/],
  ['security', /\b(?:sign[- ]?in|single sign-on|sso|log ?in|password|encrypt\w*|two-factor|2fa|secure)\b/],
  ['compliance', /\b(?:act|regulation|law|legal requirement|compliance|hipaa|pci|hmrc|audit trail|safeguarding)\b/],
  ['integration', /\b(?:integrat\w*|sync\w*|import|export|api|connect to|calendar)\b/],
  // A count of people or things, never an amount of money ("a fee of £150") or a measure ("2,000 kg").
  ['scale', /\b(?:about|around|roughly|up to|over)\s+[\d,]+\s+\w+\s+(?:a|per|each)\s+(?:day|week|month|year)\b|(?<![£$€\d,.])\b\d[\d,]{2,}\s+(?!(?:and|or|to|kg|km|g|m|mb|gb|ml|l|per|a|an|the)\b)[a-z]+|^(?:about|around|roughly|over)\s+\d[\d,]{2,}\b|\bstaff of\b/],
  ['budget', /\b(?:cheap|budget|afford|cost-effective|free tier|low cost)\b/],
  ['schedule', /\b(?:first version|launch|by (?:january|february|march|april|may|june|july|august|september|october|november|december)|eventually|later|not in the first)\b/],
  ['accessibility', /\b(?:accessib\w*|screen reader|wcag|languages|welsh|english and)\b/],
];

/** What the platform answer means: a browser on phones is a responsive web app, never a native app. */
function platformOf(text: string): string | undefined {
  const lower = text.toLowerCase();
  const web = /\b(?:mobile web|web app|website|browser|web site|no app store|no native|not native|rather than an app|better than an app)\b/.test(lower);
  if (web) return 'The product is a responsive web app that works in a mobile browser; there is no native app.';
  if (/\b(?:offline)\b/.test(lower)) return 'The product must work offline and synchronise when a connection returns.';
  if (/\btablet\b/.test(lower)) return 'The product is used on tablets.';
  if (/\bnative app|app store|ios|android\b/.test(lower)) return 'The product is a native mobile app.';
  if (/\bphones?\b|\bmobile\b/.test(lower) && /\b(?:use|work|from|on)\b/.test(lower)) return 'The product must work well on phones.';
  return undefined;
}

/** "At the moment everything lives in a spreadsheet": how the work is done today, the problem, never a constraint. */
const TODAY = /^\s*(?:at the moment|at the minute|at present|right now|currently|these days|nowadays)\b/i;

export function findConstraints(sentences: Sentence[], ids: IdPool): ModelConstraint[] {
  const constraints: ModelConstraint[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences) {
    if (isSuccessStatement(sentence) || TODAY.test(sentence.text)) continue;
    const platform = platformOf(sentence.text);
    if (platform && !seen.has(platform)) {
      seen.add(platform);
      constraints.push({ id: ids.take(`platform ${constraints.length + 1}`), category: 'platform', text: platform, sources: [sentence.source] });
    }
    const lower = sentence.text.toLowerCase();
    // A fragment ("com eventually") states nothing.
    if (sentence.tagged.tokens.filter((token) => /^[a-z]/i.test(token.text)).length < 3) continue;
    for (const [category, pattern] of CONSTRAINT_PATTERNS) {
      if (!pattern.test(lower)) continue;
      const text = sentenceText(sentence.text);
      if (seen.has(text)) continue;
      seen.add(text);
      constraints.push({ id: ids.take(`${category} ${constraints.length + 1}`), category, text, sources: [sentence.source] });
      break;
    }
  }
  return constraints.slice(0, 30);
}
