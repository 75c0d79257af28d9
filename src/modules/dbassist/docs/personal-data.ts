import type { ColumnSample } from '../drivers/driver.js';
import type { ColumnStats } from '../dbassist.schema.js';
import { identifierWords } from '../ai/document-schema/names.js';

/**
 * Whether a column looks personal, from its name and its sampled values, and how its sampled values may be shown.
 * Documentation shows a few example values and the smallest and largest one; for a personal column those are masked
 * ("j***@e***.com") or left out, and for a column that looks like a secret nothing of its values is shown at all.
 */
export const personalKinds = ['email', 'phone', 'person_name', 'address', 'birth_date', 'national_id', 'ip_address', 'card_number', 'secret'] as const;
export type PersonalKind = (typeof personalKinds)[number];

/** How a reader is told what kind of personal data a column holds. */
export const personalKindLabel: Record<PersonalKind, string> = {
  email: 'email addresses',
  phone: 'phone numbers',
  person_name: "people's names",
  address: 'postal addresses',
  birth_date: 'birth dates',
  national_id: 'national identity numbers',
  ip_address: 'IP addresses',
  card_number: 'payment card numbers',
  secret: 'secrets (passwords, hashes or tokens)',
};

type NameRule = { kind: PersonalKind; test: (words: string[], joined: string) => boolean };

const has = (words: string[], ...candidates: string[]) => candidates.some((c) => words.includes(c));

/** Rules on the column name's words, most specific first: a secret wins over everything else. */
const NAME_RULES: NameRule[] = [
  {
    kind: 'secret',
    test: (w, j) =>
      has(w, 'password', 'passwd', 'pwd', 'pass', 'secret', 'token', 'hash', 'salt', 'otp', 'apikey', 'pin', 'totp', 'credential', 'credentials') ||
      /(?:password|passwd|secret|token|hash|apikey|api key|private key|salt)/.test(j),
  },
  { kind: 'card_number', test: (w, j) => /\b(?:card|cc|credit card)\b.*\b(?:number|no|num|nr|pan)\b/.test(j) || has(w, 'pan', 'iban', 'cvv', 'cvc') || j === 'cc' },
  { kind: 'national_id', test: (w, j) => has(w, 'ssn', 'sin', 'nino', 'passport') || /\b(?:social security|national id|national identity|tax id|tax number|vat number|personal number|id card)\b/.test(j) },
  { kind: 'email', test: (w) => has(w, 'email', 'emails', 'mail') },
  { kind: 'phone', test: (w) => has(w, 'phone', 'telephone', 'tel', 'mobile', 'cell', 'fax', 'msisdn', 'phonenumber', 'cellphone') },
  { kind: 'birth_date', test: (w, j) => has(w, 'dob', 'birthday', 'birthdate') || /\b(?:birth|born)\b/.test(j) },
  { kind: 'ip_address', test: (w, j) => has(w, 'ip', 'ipv4', 'ipv6') || /\bremote addr\b/.test(j) },
  {
    kind: 'person_name',
    test: (w, j) =>
      /\b(?:first|last|middle|given|family|full|maiden|nick|contact|sur|display|user|person|customer|employee)\s?name\b/.test(j) ||
      has(w, 'surname', 'firstname', 'lastname', 'fullname', 'username', 'login', 'forename', 'nickname'),
  },
  { kind: 'address', test: (w, j) => has(w, 'address', 'street', 'addr', 'zip', 'zipcode', 'postcode', 'postal', 'address1', 'address2') || /\bpost code\b/.test(j) },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A kind every sampled example shows, when the name said nothing (most values must match, not one). */
function kindFromValues(examples: readonly string[]): PersonalKind | null {
  const values = examples.map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) return null;
  const all = (test: (value: string) => boolean) => values.filter(test).length >= Math.max(1, Math.ceil(values.length * 0.8));
  if (all((v) => EMAIL.test(v))) return 'email';
  if (all((v) => IPV4.test(v) && v.split('.').every((part) => Number(part) <= 255))) return 'ip_address';
  if (all((v) => SSN.test(v))) return 'national_id';
  if (all((v) => /^[\d -]{13,23}$/.test(v) && /^\d{13,19}$/.test(v.replace(/[ -]/g, '')) && luhn(v.replace(/[ -]/g, '')))) return 'card_number';
  if (all((v) => PHONE.test(v) && !ISO_DATE.test(v) && /[\s().+-]/.test(v) && v.replace(/\D/g, '').length >= 7)) return 'phone';
  return null;
}

/** Types whose values are free text, where an email or a phone number can hide under any name. */
const TEXT_TYPE = /^(?:character|char|varchar|nvarchar|nchar|text|tinytext|mediumtext|longtext|citext|string|clob)\b/i;

/**
 * The personal kind of a column, or null. `examples` are raw sampled values (never shown by this function); they
 * are only read for text columns, since a date or a number can look like a phone number.
 */
export function personalKindOf(columnName: string, examples: readonly string[] = [], dataType = 'text'): PersonalKind | null {
  const words = identifierWords(columnName);
  const joined = words.join(' ');
  for (const rule of NAME_RULES) if (rule.test(words, joined)) return rule.kind;
  return TEXT_TYPE.test(dataType.trim()) ? kindFromValues(examples) : null;
}

/** Every letter and digit but the first of each word hidden: "Maria Anders" → "M*** A***". */
function maskWords(value: string): string {
  return value.replace(/[\p{L}\p{N}]+/gu, (word) => `${word[0]}***`);
}

/** "john.smith@example.com" → "j***@e***.com". */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 1) return maskWords(value);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${value[0]}***@${domain[0] ?? ''}***${tld}`;
}

/** Every digit but the last two hidden: "(503) 555-9931" → "(***) ***-**31". */
function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
}

/** A sampled value as documentation may show it; null when it must be left out. */
export function maskValue(kind: PersonalKind, value: string): string | null {
  switch (kind) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'person_name':
    case 'address':
      return maskWords(value);
    default:
      return null;
  }
}

/**
 * What is stored and shown of a sample: shares instead of counts, and for a personal column masked examples and no
 * minimum or maximum (the smallest name or the earliest birth date would be a real person's).
 */
export function columnStats(columnName: string, dataType: string, sample: ColumnSample): ColumnStats & { personal: PersonalKind | null } {
  const personal = personalKindOf(columnName, sample.examples, dataType);
  const nullShare = sample.sampledRows > 0 ? sample.nullCount / sample.sampledRows : null;
  const base = { sampledRows: sample.sampledRows, nullShare, distinctCount: sample.distinctCount };
  if (!personal) return { ...base, min: sample.min, max: sample.max, examples: sample.examples.slice(0, 5), masked: false, personal };
  const examples = personal === 'secret' ? [] : sample.examples.map((value) => maskValue(personal, value)).filter((value): value is string => value !== null);
  return { ...base, min: null, max: null, examples: [...new Set(examples)].slice(0, 5), masked: true, personal };
}
