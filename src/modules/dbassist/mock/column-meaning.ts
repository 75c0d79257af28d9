/**
 * What a column holds, guessed from its name and its table's name, so that mock values look like the real thing:
 * an `email` column gets addresses, `customer.first_name` first names, `price` money, `country.country` countries.
 */
export type TextMeaning =
  | 'email'
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'username'
  | 'password'
  | 'phone'
  | 'street'
  | 'secondaryAddress'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'country'
  | 'countryCode'
  | 'company'
  | 'jobTitle'
  | 'url'
  | 'ip'
  | 'title'
  | 'sentence'
  | 'word'
  | 'language'
  | 'currency'
  | 'color'
  | 'code'
  | 'text';

export type NumberMeaning = 'money' | 'quantity' | 'age' | 'year' | 'rating' | 'percent' | 'duration' | 'latitude' | 'longitude' | 'count' | 'number';
export type DateMeaning = 'birth' | 'date';

export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "categories" → "category", "addresses" → "address", "people" → "person". */
function singular(word: string): string {
  if (word === 'people') return 'person';
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(word) || word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

const PERSON_TABLES = /^(?:customer|employee|user|person|staff|actor|artist|author|member|contact|client|student|teacher|patient|owner|driver|player|manager|account|profile|guest)$/;
const COMPANY_TABLES = /^(?:company|supplier|shipper|publisher|vendor|manufacturer|brand|organization|organisation|carrier|partner)$/;
const WORD_TABLES = /^(?:category|genre|tag|type|kind|media|status|role|group|department|label|class|segment|region|territory|topic)$/;
const TITLE_TABLES = /^(?:product|item|track|album|film|movie|book|playlist|song|course|project|event|article|post|game|show)$/;

export function textMeaning(columnName: string, tableName: string): TextMeaning {
  const tokens = nameTokens(columnName);
  const table = singular(nameTokens(tableName).at(-1) ?? '');
  const has = (...words: string[]) => words.some((w) => tokens.includes(w));
  const joined = tokens.join('_');
  if (has('email', 'mail') || joined === 'e_mail') return 'email';
  if (joined.includes('first_name') || has('firstname', 'forename', 'given')) return 'firstName';
  if (joined.includes('last_name') || has('lastname', 'surname', 'family')) return 'lastName';
  if (has('username', 'login', 'handle', 'nickname') || joined === 'user_name') return 'username';
  if (has('password', 'passwd', 'pwd', 'hash', 'secret', 'token')) return 'password';
  if (has('phone', 'fax', 'mobile', 'telephone', 'tel', 'cell')) return 'phone';
  if (has('address2', 'suite', 'apartment') || joined === 'address_2' || joined === 'address_line_2') return 'secondaryAddress';
  if (has('address', 'street', 'addr')) return 'street';
  if (has('city', 'town')) return 'city';
  if (has('state', 'province', 'district', 'county', 'region')) return 'state';
  if (has('zip', 'postal', 'postcode', 'zipcode')) return 'postalCode';
  if (has('country') && has('code', 'iso')) return 'countryCode';
  if (has('country', 'nation')) return 'country';
  if (has('company', 'employer', 'organization', 'organisation')) return 'company';
  if (has('job', 'occupation', 'position') || (has('title') && PERSON_TABLES.test(table))) return 'jobTitle';
  if (has('url', 'website', 'homepage', 'link', 'uri')) return 'url';
  if (has('ip')) return 'ip';
  if (has('language', 'lang', 'locale')) return 'language';
  if (has('currency')) return 'currency';
  if (has('color', 'colour')) return 'color';
  if (has('description', 'comment', 'comments', 'notes', 'note', 'summary', 'bio', 'body', 'content', 'message', 'remarks', 'details', 'text')) return 'sentence';
  if (has('code', 'sku', 'isbn', 'ean', 'barcode', 'reference', 'ref', 'serial', 'abbreviation', 'symbol')) return 'code';
  if (has('title', 'headline', 'subject')) return 'title';
  if (has('name') || tokens.length === 0 || singular(tokens.join('')) === table) {
    if (table === 'country') return 'country';
    if (table === 'city') return 'city';
    if (table === 'language') return 'language';
    if (table === 'currency') return 'currency';
    if (PERSON_TABLES.test(table) || has('contact', 'customer', 'employee', 'person', 'full')) return 'fullName';
    if (COMPANY_TABLES.test(table) || has('company', 'supplier')) return 'company';
    if (WORD_TABLES.test(table)) return 'word';
    if (TITLE_TABLES.test(table)) return 'title';
    return 'title';
  }
  return 'text';
}

export function numberMeaning(columnName: string): NumberMeaning {
  const tokens = nameTokens(columnName);
  const has = (...words: string[]) => words.some((w) => tokens.includes(w));
  if (has('price', 'amount', 'cost', 'total', 'fee', 'salary', 'balance', 'revenue', 'subtotal', 'freight', 'tax', 'payment', 'wage', 'charge', 'budget') || (has('rate') && !has('rating'))) return 'money';
  if (has('quantity', 'qty', 'units', 'stock', 'reorder')) return 'quantity';
  if (has('age')) return 'age';
  if (has('year')) return 'year';
  if (has('rating', 'score', 'stars', 'rank')) return 'rating';
  if (has('percent', 'percentage', 'discount', 'pct', 'ratio', 'share')) return 'percent';
  if (has('duration', 'length', 'minutes', 'seconds', 'milliseconds', 'hours', 'days', 'runtime')) return 'duration';
  if (has('lat', 'latitude')) return 'latitude';
  if (has('lng', 'lon', 'long', 'longitude')) return 'longitude';
  if (has('count', 'number', 'num', 'bytes', 'size', 'weight', 'height', 'width', 'level')) return 'count';
  return 'number';
}

export function dateMeaning(columnName: string): DateMeaning {
  const tokens = nameTokens(columnName);
  return tokens.some((t) => t === 'birth' || t === 'birthday' || t === 'dob' || t === 'born' || t === 'birthdate') ? 'birth' : 'date';
}

/** Booleans named like `active` or `enabled` are mostly true in real data. */
export function mostlyTrue(columnName: string): boolean {
  return nameTokens(columnName).some((t) => /^(?:active|activebool|enabled|visible|available|valid|published|verified|confirmed)$/.test(t));
}
