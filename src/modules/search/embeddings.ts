import { FNV_OFFSET_BASIS, fnv1a, isStopWord, stem, tokenize } from '../../core/text/index.js';

/**
 * The builtin embedding, `atelier-hash-256`: a local, deterministic vector for a piece of text that needs no model
 * and no network. Features are the stems of the text's content words, its word bigrams and the concepts its words
 * and phrases belong to (a small table of related terms, so "log in" meets "authenticate" and "remove" meets
 * "delete"); each is hashed into one of 256 dimensions with a sign (feature hashing), weighted by sublinear term
 * frequency, and the vector is scaled to unit length, so the dot product of two embeddings is their cosine.
 *
 * Search uses the stored embeddings to preselect sections in SQL and then scores those few exactly on the features
 * before hashing (featureSimilarity), so a chance collision of two unrelated features in one of the 256 dimensions
 * never makes a match.
 */
export const EMBEDDING_MODEL = 'atelier-hash-256';
export const EMBEDDING_DIMENSIONS = 256;

/** Weights of the feature kinds: a shared concept says as much as a shared word; a bigram adds word order. */
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.5;
const CONCEPT_WEIGHT = 1.25;

/**
 * Related terms by concept. Single words are matched by stem (so every inflection counts), phrases by the stems of
 * their words in sequence. A term may belong to several concepts.
 */
const CONCEPTS: Record<string, string[]> = {
  authentication: [
    'sign in', 'signin', 'log in', 'login', 'logon', 'log on', 'sign on', 'authenticate', 'authentication', 'credential',
    'password', 'passwordless', 'passkey', 'sso', 'single sign-on', 'two-factor', '2fa', 'mfa', 'otp', 'identity', 'session',
  ],
  registration: ['sign up', 'signup', 'register', 'registration', 'enroll', 'enrol', 'enrollment', 'onboard', 'onboarding', 'create account'],
  logout: ['log out', 'logout', 'sign out', 'signout', 'log off'],
  payment: [
    'pay', 'paid', 'payment', 'billing', 'bill', 'checkout', 'check out', 'invoice', 'charge', 'purchase', 'card', 'credit card',
    'refund', 'transaction', 'wallet', 'stripe', 'paypal',
  ],
  pricing: ['price', 'pricing', 'cost', 'fee', 'subscription', 'tier', 'discount', 'quote'],
  removal: ['remove', 'delete', 'deletion', 'erase', 'purge', 'discard', 'destroy', 'wipe'],
  change: ['edit', 'update', 'modify', 'change', 'amend', 'revise'],
  creation: ['create', 'add', 'insert', 'compose'],
  person: [
    'user', 'customer', 'client', 'account holder', 'member', 'end user', 'shopper', 'buyer', 'consumer', 'subscriber',
    'visitor', 'patron',
  ],
  administration: ['admin', 'administrator', 'operator', 'moderator', 'back office', 'staff'],
  performance: [
    'fast', 'faster', 'performance', 'latency', 'speed', 'quick', 'quickly', 'slow', 'response time', 'throughput',
    'responsive', 'millisecond', 'ms', 'lag',
  ],
  scalability: ['scale', 'scalability', 'scalable', 'concurrent', 'load', 'capacity', 'peak'],
  availability: ['uptime', 'availability', 'available', 'downtime', 'outage', 'reliability', 'reliable', 'failover', 'redundancy'],
  security: [
    'secure', 'security', 'encrypt', 'encryption', 'encrypted', 'tls', 'ssl', 'https', 'protect', 'protection',
    'vulnerability', 'attack', 'breach', 'hash', 'owasp',
  ],
  privacy: ['privacy', 'private', 'gdpr', 'ccpa', 'consent', 'personal data', 'anonymize', 'pii', 'retention'],
  authorization: ['permission', 'role', 'access control', 'authorize', 'authorization', 'privilege', 'rbac', 'grant'],
  search: ['search', 'find', 'lookup', 'look up', 'query', 'filter', 'browse', 'discover'],
  notification: ['notify', 'notification', 'alert', 'reminder', 'push', 'email', 'sms', 'message', 'inform'],
  reporting: ['report', 'reporting', 'dashboard', 'analytics', 'chart', 'metric', 'statistic', 'insight', 'kpi'],
  export: ['export', 'download', 'csv', 'pdf'],
  import: ['import', 'upload', 'ingest', 'attach', 'attachment'],
  failure: ['error', 'failure', 'fail', 'bug', 'crash', 'exception', 'fault', 'incident'],
  backup: ['backup', 'back up', 'restore', 'recovery', 'recover', 'snapshot', 'disaster recovery'],
  scheduling: ['schedule', 'calendar', 'booking', 'book', 'appointment', 'reservation', 'reserve', 'slot'],
  delivery: ['shipping', 'ship', 'delivery', 'deliver', 'courier', 'shipment', 'fulfilment', 'fulfillment', 'dispatch'],
  mobile: ['mobile', 'phone', 'smartphone', 'ios', 'android', 'tablet', 'app store'],
  accessibility: ['accessibility', 'accessible', 'wcag', 'screen reader', 'a11y', 'contrast', 'keyboard navigation'],
  localization: ['localization', 'localisation', 'translation', 'translate', 'language', 'i18n', 'locale', 'multilingual'],
  compliance: ['compliance', 'compliant', 'regulation', 'regulatory', 'legal', 'audit', 'hipaa', 'pci', 'sox'],
  cart: ['cart', 'basket', 'order', 'checkout'],
  inventory: ['inventory', 'stock', 'warehouse', 'sku'],
  communication: ['chat', 'messaging', 'comment', 'conversation', 'discussion', 'inbox'],
  integration: ['integration', 'integrate', 'api', 'webhook', 'third-party', 'connector', 'sync', 'synchronize'],
  cost_saving: ['budget', 'cheap', 'expensive', 'affordable', 'saving', 'spend'],
};

/** Words too common in product documents to tell sections apart. */
const FILLER = new Set(['shall', 'system', 'able', 'allow', 'allows', 'provide', 'provides', 'support', 'supports', 'use', 'uses', 'using', 'etc', 'also']);

type ConceptIndex = { words: Map<string, string[]>; phrases: Map<string, string[]>; phraseStarts: Set<string>; longestPhrase: number };

const conceptIndex: ConceptIndex = buildConceptIndex(CONCEPTS);

function stems(text: string): string[] {
  return tokenize(text).map(stem);
}

function buildConceptIndex(table: Record<string, string[]>): ConceptIndex {
  const words = new Map<string, string[]>();
  const phrases = new Map<string, string[]>();
  const phraseStarts = new Set<string>();
  let longestPhrase = 1;
  const add = (map: Map<string, string[]>, key: string, concept: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(concept)) list.push(concept);
    map.set(key, list);
  };
  for (const [concept, terms] of Object.entries(table)) {
    for (const term of terms) {
      const termStems = stems(term);
      if (termStems.length === 0) continue;
      if (termStems.length === 1) add(words, termStems[0]!, concept);
      else {
        add(phrases, termStems.join(' '), concept);
        phraseStarts.add(termStems[0]!);
        longestPhrase = Math.max(longestPhrase, termStems.length);
      }
    }
  }
  return { words, phrases, phraseStarts, longestPhrase };
}

/**
 * The concepts of one word: by its stem, else by a plainer cut of its ending, which also reaches the short words the
 * stemmer leaves whole ("paying" → pay, "shipped" → ship).
 */
function conceptsOfWord(word: string, wordStem: string): string[] {
  const byStem = conceptIndex.words.get(wordStem) ?? conceptIndex.words.get(word);
  if (byStem) return byStem;
  const cut = /^(.{2,}?)(?:ing|ed|es|s)$/.exec(word)?.[1];
  if (!cut) return [];
  return conceptIndex.words.get(cut) ?? conceptIndex.words.get(cut.replace(/([^aeiou])\1$/, '$1')) ?? [];
}

/**
 * The features of a text with their counts: `w:` stems, `b:` bigrams, `c:` concepts. `times` counts every
 * occurrence that many times (a heading counts double).
 */
function textFeatures(text: string, times = 1, into = new Map<string, number>()): Map<string, number> {
  const tokens = tokenize(text);
  const tokenStems = tokens.map(stem);
  const bump = (feature: string) => into.set(feature, (into.get(feature) ?? 0) + times);

  let previous: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const wordStem = tokenStems[i]!;
    // Phrases first: "sign in" holds a stop word, so it is matched on every token.
    if (conceptIndex.phraseStarts.has(wordStem)) {
      let phrase = wordStem;
      for (let n = 2; n <= conceptIndex.longestPhrase && i + n <= tokens.length; n++) {
        phrase += ` ${tokenStems[i + n - 1]!}`;
        for (const concept of conceptIndex.phrases.get(phrase) ?? []) bump(`c:${concept}`);
      }
    }
    if (isStopWord(word) || FILLER.has(word) || !/\p{L}/u.test(word) || wordStem.length < 2) {
      // A stop word does not break a bigram of the words around it ("sign in to checkout" → sign·checkout).
      continue;
    }
    bump(`w:${wordStem}`);
    for (const concept of conceptsOfWord(word, wordStem)) bump(`c:${concept}`);
    if (previous !== undefined) bump(`b:${previous} ${wordStem}`);
    previous = wordStem;
  }
  return into;
}

/** Each feature lands in this many dimensions, so one chance collision moves a similarity by half as much. */
const HASH_SEEDS = [FNV_OFFSET_BASIS, 0x2f6b3a1d];

/** Sparse vector: feature → weight, of unit length. */
export type FeatureVector = Map<string, number>;

/**
 * Weighs counted features and scales them to unit length. A feature weighs its kind's weight times 1 + ln(count),
 * so a word repeated ten times weighs about three times one mention, not ten.
 */
function weigh(counts: Map<string, number>): FeatureVector {
  const weighted: FeatureVector = new Map();
  let squares = 0;
  for (const [feature, count] of counts) {
    const kindWeight = feature.startsWith('b:') ? BIGRAM_WEIGHT : feature.startsWith('c:') ? CONCEPT_WEIGHT : WORD_WEIGHT;
    const weight = kindWeight * (1 + Math.log(count));
    weighted.set(feature, weight);
    squares += weight * weight;
  }
  const norm = Math.sqrt(squares);
  if (norm > 0) for (const [feature, weight] of weighted) weighted.set(feature, weight / norm);
  return weighted;
}

/** The features of a search query (or any single text), weighted, of unit length. */
export function queryFeatures(text: string): FeatureVector {
  return weigh(textFeatures(text));
}

/** The features of a document section, weighted, of unit length: its heading counts twice as much as a body line. */
export function sectionFeatures(heading: string | null, bodyMd: string): FeatureVector {
  const counts = textFeatures(bodyMd);
  if (heading) textFeatures(heading, 2, counts);
  return weigh(counts);
}

/**
 * The cosine of two feature vectors before hashing: what the embeddings approximate, without chance collisions.
 * Zero unless the texts share a word, a bigram or a concept.
 */
export function featureSimilarity(a: FeatureVector, b: FeatureVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [feature, weight] of small) sum += weight * (large.get(feature) ?? 0);
  return sum;
}

/** Hashes a feature vector into the 256 dimensions, each feature into two with a sign, and rescales to unit length. */
export function hashFeatures(features: FeatureVector): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const [feature, weight] of features) {
    for (const seed of HASH_SEEDS) {
      const hash = fnv1a(feature, seed);
      // Another bit of the hash picks the sign, so colliding features cancel out on average instead of adding up.
      const sign = (hash >>> 16) & 1 ? -1 : 1;
      vector[hash % EMBEDDING_DIMENSIONS]! += sign * weight;
    }
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  if (norm === 0) return vector;
  // Six decimals are more than a real (float4) keeps and keep the stored text short.
  return vector.map((value) => Math.round((value / norm) * 1e6) / 1e6);
}

/** The embedding of a search query (or any single text). All zeros when the text has no content words. */
export function embedText(text: string): number[] {
  return hashFeatures(queryFeatures(text));
}

/** The embedding of a document section: its heading counts twice as much as a line of its body. */
export function embedSection(heading: string | null, bodyMd: string): number[] {
  return hashFeatures(sectionFeatures(heading, bodyMd));
}

/** The dot product of two embeddings of the same model, which is their cosine similarity (both have unit length). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += a[i]! * b[i]!;
  return sum;
}

/** The non-zero dimensions of an embedding (1-based, as PostgreSQL arrays count) with their values. */
export function nonZeroDimensions(vector: readonly number[]): Array<{ index: number; value: number }> {
  const result: Array<{ index: number; value: number }> = [];
  vector.forEach((value, i) => {
    if (value !== 0) result.push({ index: i + 1, value });
  });
  return result;
}
