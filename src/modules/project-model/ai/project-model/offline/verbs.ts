/** Verb forms the writer needs: the third person ("borrows") and the past participle ("borrowed", "paid"). */
const IRREGULAR_PARTICIPLES: Record<string, string> = {
  pay: 'paid', send: 'sent', take: 'taken', give: 'given', write: 'written', buy: 'bought', sell: 'sold', leave: 'left',
  make: 'made', put: 'put', set: 'set', hold: 'held', bring: 'brought', get: 'got', find: 'found', build: 'built',
  keep: 'kept', lend: 'lent', spend: 'spent', choose: 'chosen', see: 'seen', do: 'done', go: 'gone', run: 'run',
  split: 'split', cut: 'cut', read: 'read', lay: 'laid', hand: 'handed', draw: 'drawn', drive: 'driven', ride: 'ridden',
  show: 'shown', know: 'known', win: 'won', meet: 'met', tell: 'told', say: 'said', begin: 'begun', hang: 'hung',
};

export function participle(verb: string): string {
  const irregular = IRREGULAR_PARTICIPLES[verb];
  if (irregular) return irregular;
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb) && !/(?:w|x|y)$/.test(verb)) return `${verb}${verb.slice(-1)}ed`;
  return `${verb}ed`;
}

export function thirdPerson(verb: string): string {
  if (verb === 'have') return 'has';
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}
