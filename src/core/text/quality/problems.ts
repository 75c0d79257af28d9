import { knows, parseText, tagText } from '../nlp/index.js';
import { splitSentences } from '../sentences.js';
import { wordSet } from '../word-set.js';
import { MODALS } from '../compose/verbs.js';

/**
 * Detectors of broken text, each naming what it found: the faults spliced or templated writing leaves behind and a
 * reader notices at once. They look at one piece of text (a sentence, a title, a table cell); markdown.ts decides
 * which pieces of a document are looked at.
 */
export type ProblemCode = 'doubled-word' | 'template-token' | 'table-syntax' | 'title-metadata' | 'no-verb' | 'verb-form' | 'empty-heading';

export type TextProblem = { code: ProblemCode; message: string; excerpt: string };

/** Words English legitimately doubles ("that that", "had had"). */
const MAY_DOUBLE = wordSet('that had');
const DOUBLED = /(?<![\p{L}\p{N}'-])([\p{L}][\p{L}\p{N}'-]*)((?:\s+\1)+)(?![\p{L}\p{N}'-])/giu;

/**
 * Whether a doubling is in fact a name's last word followed by the same word in lower case: "Put Drop In in front of
 * its users", "the Mile End end of the line". The first is capitalised though no sentence starts there.
 */
function endsName(text: string, at: number, doubled: string): boolean {
  const [first = '', second = ''] = doubled.split(/\s+/);
  if (!/^\p{Lu}/u.test(first) || !/^\p{Ll}/u.test(second)) return false;
  // Mid-sentence: a word, a number, a comma or a closing bracket comes before it.
  return /[\p{L}\p{N},;)]$/u.test(text.slice(0, at).trimEnd());
}

function isDoubling(text: string, doubled: string, word: string, at: number): boolean {
  return !MAY_DOUBLE.has(word.toLowerCase()) && !endsName(text, at, doubled);
}

export function doubledWords(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const match of text.matchAll(DOUBLED)) {
    if (isDoubling(text, match[0], match[1] ?? '', match.index ?? 0)) problems.push({ code: 'doubled-word', message: `doubled word “${match[0]}”`, excerpt: match[0] });
  }
  return problems;
}

export function collapseDoubledWords(text: string): string {
  return text.replace(DOUBLED, (doubled: string, word: string, _rest: string, at: number) => (isDoubling(text, doubled, word, at) ? word : doubled));
}

const HTML_TAGS = wordSet('a b i u s p br hr em strong sub sup code kbd pre small mark del ins span div details summary abbr');
const TEMPLATE_TOKENS: RegExp[] = [
  /\{\{[^{}]*\}\}/g,
  /\$\{[^{}]*\}/g,
  /<\/?([a-z][a-z0-9_ -]{0,40})>/gi,
  /\[object \w+\]/g,
  /(?<![\p{L}\p{N}_`])(?:undefined|null|NaN)(?![\p{L}\p{N}_`])/gu,
];

function templateMatches(text: string): string[] {
  const found: string[] = [];
  for (const pattern of TEMPLATE_TOKENS) {
    for (const match of text.matchAll(pattern)) {
      if (match[1] !== undefined && HTML_TAGS.has(match[1].trim().toLowerCase())) continue;
      found.push(match[0]);
    }
  }
  return found;
}

export function templateTokens(text: string): TextProblem[] {
  return templateMatches(text).map((token) => ({ code: 'template-token', message: `template token “${token}”`, excerpt: token }));
}

/** Drops template tokens and tidies the space and punctuation they leave. */
export function dropTemplateTokens(text: string): string {
  let result = text;
  for (const token of templateMatches(text)) result = result.split(token).join('');
  if (result === text) return text;
  return result
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?])/g, '$1')
    .replace(/([,;:])(?=[,;:.])/g, '')
    .replace(/^[ \t]+|[ \t]+$/gm, '');
}

/** A pipe or a table separator in running text: a table pasted into a sentence. */
export function tableSyntax(text: string): TextProblem[] {
  const match = /(?<!\\)\|.*|^\s*:?-{3,}:?\s*$/m.exec(text);
  return match ? [{ code: 'table-syntax', message: `table syntax in prose “${match[0].slice(0, 60)}”`, excerpt: match[0] }] : [];
}

const METADATA = /\b(?:Priority|Sources?|Status|Basis|Owner|Estimate|Depends on|Origin)\s*:|\bP[0-3]\s*[·•|]|·/;

/** Labels and values of a record ("Priority:", "Source:", "P1 ·") where only a title belongs. */
export function titleMetadata(text: string): TextProblem[] {
  const match = METADATA.exec(text);
  return match ? [{ code: 'title-metadata', message: `metadata in a title “${match[0]}”`, excerpt: text.slice(0, 80) }] : [];
}

const SUBJECT_PRONOUNS = wordSet('i we you they he she');
const BEFORE_SUBJUNCTIVE = wordSet('that if lest whether');

/**
 * Verb forms that cannot be right: a modal or "to" followed by an inflected verb ("can exported", "must sees",
 * "to returns") and a subject pronoun with a bare "be" ("when they be exported"), except in a subjunctive ("that
 * they be told").
 */
export function verbForms(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const sentence of tagText(text)) {
    const tokens = sentence.tokens;
    tokens.forEach((token, i) => {
      const isModal = MODALS.has(token.normal) && token.pos === 'AUX';
      const isTo = token.normal === 'to' && token.pos === 'PART';
      if (isModal || isTo) {
        let j = i + 1;
        while (tokens[j] && (tokens[j]?.pos === 'ADV' || tokens[j]?.normal === 'not')) j++;
        const verb = tokens[j];
        const wrongEnding = isModal ? /(?:s|ed|en|ing)$/ : /(?:s|ed)$/;
        // "sell them on to shops and restaurants": after "to", a plural of a noun with no object after it is the noun.
        const after = verb ? tokens[j + 1] : undefined;
        const objectAfter = /^(?:DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(after?.pos ?? '');
        const plural = isTo && verb !== undefined && /[^s]s$/.test(verb.normal) && knows(verb.lemma, 'noun') && !objectAfter;
        // "members move up to advanced": after "to", an adjective in -ed with no object after it is the adjective.
        const adjective = isTo && verb !== undefined && verb.normal.endsWith('ed') && knows(verb.normal, 'adj') && !objectAfter;
        if (verb && !plural && !adjective && (verb.pos === 'VERB' || verb.pos === 'AUX') && verb.normal !== verb.lemma && !MODALS.has(verb.normal) && wrongEnding.test(verb.normal)) {
          const excerpt = tokens.slice(i, j + 1).map((t) => t.text).join(' ');
          problems.push({ code: 'verb-form', message: `wrong verb form “${excerpt}”`, excerpt });
        }
      }
      const next = tokens[i + 1];
      if (SUBJECT_PRONOUNS.has(token.normal) && next?.normal === 'be' && !BEFORE_SUBJUNCTIVE.has(tokens[i - 1]?.normal ?? '')) {
        const excerpt = `${token.text} ${next.text}`;
        problems.push({ code: 'verb-form', message: `wrong verb form “${excerpt}”`, excerpt });
      }
    });
  }
  return problems;
}

const MIN_WORDS_FOR_A_SENTENCE = 4;

/**
 * Sentences without a verb. The tagger sometimes reads a present-tense verb after its subject as a plural noun ("the
 * member returns the tool", "the data change the balance"), so a plural noun following a noun, or a noun between a
 * noun and a determiner, counts as a possible verb: only text with no reading
 * as a clause is refused; so is a noun at the start, the verb of an imperative the tagger may misread ("Use …").
 */
export function verblessSentences(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  for (const sentence of splitSentences(text)) {
    // Read as the model's readers read it: the tagger's known slips corrected ("any variation over £2,000 needs …").
    const tagged = parseText(sentence).flatMap((s) => s.tokens);
    const words = tagged.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM' && t.pos !== 'SPACE');
    if (words.length < MIN_WORDS_FOR_A_SENTENCE) continue;
    const hasVerb = tagged.some(
      (t, i) =>
        t.pos === 'VERB' ||
        t.pos === 'AUX' ||
        // An imperative's verb is often read as a noun at the start ("Use the form.").
        (i === 0 && (t.pos === 'NOUN' || t.pos === 'PROPN')) ||
        (i > 0 && (t.pos === 'NOUN' || t.pos === 'PROPN') && /s$/.test(t.normal) && ['NOUN', 'PROPN', 'PRON'].includes(tagged[i - 1]?.pos ?? '')) ||
        // A noun between a noun and a determiner is a plural subject's verb ("the waitlist data change the balance").
        (i > 0 && t.pos === 'NOUN' && ['NOUN', 'PROPN'].includes(tagged[i - 1]?.pos ?? '') && tagged[i + 1]?.pos === 'DET'),
    );
    if (!hasVerb) problems.push({ code: 'no-verb', message: `sentence without a verb “${sentence.slice(0, 80)}”`, excerpt: sentence });
  }
  return problems;
}
