import { wordSet } from './word-set.js';

/** Abbreviations after which a period never ends a sentence ("e.g. the", "Dr. Smith", "No. 5"). */
const INNER_ABBREVIATIONS = wordSet(`e.g i.e vs cf approx ca fig Mr Mrs Ms Dr Prof St Jr Sr No`);
/** Abbreviations that end a sentence only when a capital letter follows ("… and so on etc. The next …"). */
const FINAL_ABBREVIATIONS = wordSet(`etc inc ltd co al dept`);
const BULLET = /^\s*(?:[-*•·▪◦+–—>]+|\(?\d{1,3}[.)]|#{1,6})\s+/u;
const SENTENCE_END = /[.!?…]+["'’”)\]]*(?=\s|$)/gu;

/** Splits text into sentences: at terminal punctuation, at line breaks that do not continue a sentence, at bullets. */
export function splitSentences(text: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const rawLine of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    const isBullet = BULLET.test(rawLine);
    const line = cleanLine(rawLine);
    const continues = current !== '' && !isBullet && /^[\p{Ll}]/u.test(line) && !/[.!?:;…]$/.test(current);
    if (continues) current += ` ${line}`;
    else {
      if (current) paragraphs.push(current);
      current = line;
    }
  }
  if (current) paragraphs.push(current);

  const sentences: string[] = [];
  for (const paragraph of paragraphs) {
    let start = 0;
    for (const match of paragraph.matchAll(SENTENCE_END)) {
      const end = match.index + match[0].length;
      const capitalFollows = /^\s+["'“‘([]?\p{Lu}/u.test(paragraph.slice(end));
      if (match[0].startsWith('.') && endsWithAbbreviation(paragraph.slice(start, match.index), capitalFollows)) continue;
      pushSentence(sentences, paragraph.slice(start, end));
      start = end;
    }
    pushSentence(sentences, paragraph.slice(start));
  }
  return sentences;
}

function cleanLine(line: string): string {
  return line
    .replace(BULLET, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function endsWithAbbreviation(before: string, capitalFollows: boolean): boolean {
  const last = /([\p{L}.]+)$/u.exec(before)?.[1]?.replace(/\.$/, '');
  if (!last) return false;
  if (/^\p{Lu}$/u.test(last)) return true; // an initial: "J. Smith"
  if (INNER_ABBREVIATIONS.has(last)) return true;
  return FINAL_ABBREVIATIONS.has(last.toLowerCase()) && !capitalFollows;
}

function pushSentence(sentences: string[], candidate: string): void {
  const sentence = candidate.trim();
  if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
}
