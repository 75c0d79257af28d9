import { capitalize } from '../../../../../core/text/index.js';
import type { ModelConstraint, ModelEntity, ModelMetric, ModelRule } from '../../../project-model.contract.js';
import { knows, type TaggedToken } from '../../../../../core/text/nlp/index.js';
import type { IdPool } from './ids.js';
import { isNumberAt, quantityOf } from './numbers.js';
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
/**
 * The words around the number at `i` that may govern it: three before ("costs us £12", "max 8"), four after ("25
 * people a day max"). "Each" and "every" count right before the number ("every 12 months"), alone after it ("£35
 * each") or after "for", "of" and "per" ("€310 for each metre"), never as the determiner of a phrase ("in 3 divisions,
 * each crew …"). "After" and "before" count unless they end a phrasal verb ("we look after 40 moorings").
 */
function ruleWindow(tokens: TaggedToken[], i: number): string {
  const words: string[] = [];
  for (let k = Math.max(0, i - 3); k <= i + 4 && k < tokens.length; k += 1) {
    const token = tokens[k] as TaggedToken;
    const rate = k === i - 1 || !/^(?:NOUN|ADJ|PROPN)$/.test(tokens[k + 1]?.pos ?? '') || /^(?:for|of|per)$/.test(tokens[k - 1]?.normal ?? '');
    if (/^(?:each|every)$/.test(token.normal) && !rate) continue;
    const before = tokens[k - 1];
    if (/^(?:before|after)$/.test(token.normal) && before?.pos === 'VERB' && knows(`${before.lemma} ${token.normal}`, 'verb')) continue;
    words.push(token.normal);
  }
  return words.join(' ');
}

/** Words that make a sentence with a number a rule wherever they stand: "we must keep records for six years". */
const RULE_WORDS = /\b(?:at most|at least|maximum|minimum|max|min|no more than|no longer than|lasts?|must|mustn't|has to|have to|only|cannot|can't|can only|limit|expires?|deadline)\b/;
/**
 * Words that say what a number is a limit, a price or a period of only when they stand by it ("up to 2 weeks", "£12
 * per hour", "every 12 months"); elsewhere they describe ("from a couple of swings up to the big park", "every week").
 */
const NEAR_RULE_WORDS = /\b(?:up to|between|less than|more than|over|under|within|before|after|every|each|per|cost|costs|fee|close|closes|due|older than)\b/;

function governs(window: string): boolean {
  return RULE_WORDS.test(window) || NEAR_RULE_WORDS.test(window);
}

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
    const { tokens } = sentence.tagged;
    // "max 8 people", "within 14 days", "£45 a pair": a number a rule word stands right by is the rule's; a number
    // elsewhere in the sentence is not ("we look after 64 play areas, from a couple of swings up to the big park").
    const governed = tokens.findIndex((_, i) => isNumberAt(tokens, i) && governs(ruleWindow(tokens, i)));
    const ruled = governed !== -1 || RULE_WORDS.test(text);
    // "Plots are lost if not tended for six weeks", "accounts are closed when unused for two years": what happens to a
    // record under a condition or after a span is a rule too.
    const conditional = /\b(?:if|unless|until|when|once)\b/.test(text) || sentence.clauses.some((clause) => clause.passive);
    const quantity = quantityOf(tokens, Math.max(0, governed));
    if (!quantity || !(ruled || conditional)) continue;
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

/** Words that open a sentence saying how the work is done today: "At the moment everything lives in a spreadsheet". */
export const TODAY_OPENERS = ['at the moment', 'at the minute', 'at present', 'right now', 'currently', 'these days', 'nowadays'];

/** "At the moment everything lives in a spreadsheet": how the work is done today, the problem, never a constraint. */
const TODAY = new RegExp(`^\\s*(?:${TODAY_OPENERS.join('|')})\\b`, 'i');

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
