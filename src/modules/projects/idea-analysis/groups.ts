import { pluralize, singularize } from '../../../core/text/index.js';

/** An actor as a group of people: "driver" → "drivers"; "dog owners" and "staff" stay. */
export function asGroup(actor: string): string {
  const last = actor.split(' ').at(-1) ?? actor;
  if (['staff', 'personnel', 'team', 'family', 'community', 'people'].includes(last)) return actor;
  return singularize(last) === last ? pluralize(actor) : actor;
}
