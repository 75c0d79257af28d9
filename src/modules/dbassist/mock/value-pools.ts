import { allLocales, Faker } from '@faker-js/faker';
import type { MockLocale } from '../../../shared/dbassist-kinds.js';
import type { TextMeaning } from './column-meaning.js';

/**
 * Faker is the source of realistic text, but one faker call per value is far too slow for 50k rows a second. Each
 * column instead gets a pool of faker values made once with a seed of its own, and rows draw from the pool with the
 * fast generator; a unique column that runs out of distinct pool values gets numbered variants.
 */
export const POOL_SIZE = 1000;

const fakers = new Map<MockLocale, Faker>();

function fakerFor(locale: MockLocale): Faker {
  let faker = fakers.get(locale);
  if (!faker) {
    const chain = [allLocales[locale], ...(locale === 'en' ? [] : [allLocales.en]), allLocales.base];
    faker = new Faker({ locale: chain });
    fakers.set(locale, faker);
  }
  return faker;
}

function producer(faker: Faker, meaning: TextMeaning, tableName: string): () => string {
  const table = tableName.toLowerCase();
  switch (meaning) {
    case 'email':
      // Addresses stay ASCII whatever the locale: a local part in kana is valid but not what mock users expect.
      return () => faker.internet.email({ provider: faker.helpers.arrayElement(['example.com', 'example.org', 'example.net']) }).toLowerCase();
    case 'firstName':
      return () => faker.person.firstName();
    case 'lastName':
      return () => faker.person.lastName();
    case 'fullName':
      return () => faker.person.fullName();
    case 'username':
      return () => faker.internet.username().toLowerCase();
    case 'password':
      return () => faker.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' });
    case 'phone':
      return () => faker.phone.number();
    case 'street':
      return () => faker.location.streetAddress();
    case 'secondaryAddress':
      return () => faker.location.secondaryAddress();
    case 'city':
      return () => faker.location.city();
    case 'state':
      return () => faker.location.state();
    case 'postalCode':
      return () => faker.location.zipCode();
    case 'country':
      return () => faker.location.country();
    case 'countryCode':
      return () => faker.location.countryCode();
    case 'company':
      return () => faker.company.name();
    case 'jobTitle':
      return () => faker.person.jobTitle();
    case 'url':
      return () => faker.internet.url();
    case 'ip':
      return () => faker.internet.ipv4();
    case 'language':
      return () => faker.location.language().name;
    case 'currency':
      return () => faker.finance.currencyCode();
    case 'color':
      return () => faker.color.human();
    case 'code':
      return () => faker.string.alphanumeric({ length: 8, casing: 'upper' });
    case 'sentence':
      return () => faker.lorem.sentence();
    case 'word': {
      const word = () => faker.word.noun();
      return () => {
        const w = word();
        return w.charAt(0).toUpperCase() + w.slice(1);
      };
    }
    case 'title':
      if (/product|item|goods/.test(table)) return () => faker.commerce.productName();
      if (/track|song/.test(table)) return () => faker.music.songName();
      if (/album/.test(table)) return () => faker.music.album();
      return () => faker.book.title();
    case 'text':
      return () => faker.lorem.words({ min: 1, max: 3 });
  }
}

/** POOL_SIZE values for a column, the same for the same seed, locale and meaning. */
export function textPool(meaning: TextMeaning, locale: MockLocale, seed: number, tableName: string): string[] {
  const faker = fakerFor(locale);
  faker.seed(seed);
  const make = producer(faker, meaning, tableName);
  const pool: string[] = [];
  for (let i = 0; i < POOL_SIZE; i++) pool.push(make());
  return pool;
}

/** Words for tsvector columns and array columns of text. */
export function wordPool(locale: MockLocale, seed: number): string[] {
  const faker = fakerFor(locale);
  faker.seed(seed);
  return Array.from({ length: 200 }, () => faker.word.noun());
}

/**
 * The n-th variant of a value that must be unique: a number goes before an email's @ and after anything else, and
 * the base is cut so the whole still fits in `maxLength`.
 */
export function numberedVariant(value: string, n: number, maxLength: number | null): string {
  const suffix = String(n);
  const at = value.indexOf('@');
  if (at > 0) {
    const local = value.slice(0, at);
    const domain = value.slice(at);
    const room = maxLength === null ? Infinity : maxLength - domain.length - suffix.length - 1;
    if (room >= 1) return `${local.slice(0, room)}.${suffix}${domain}`;
  }
  const room = maxLength === null ? Infinity : maxLength - suffix.length - 1;
  if (room < 1) return suffix.slice(-(maxLength ?? suffix.length));
  return `${value.slice(0, room)} ${suffix}`;
}
