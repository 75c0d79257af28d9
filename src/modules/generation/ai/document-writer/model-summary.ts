import { sentence } from '../../../../core/text/compose/index.js';
import { capitalize, joinList } from '../../../../core/text/index.js';
import type { ModelActor } from '../../../project-model/index.js';
import type { ModelView } from './model-view.js';
import { actorPhrase, groupName, useCaseInfinitive } from './model-words.js';

// Summaries every document opens with, composed from the model: what the product is, who does what, the focus.

/** "Members" for people, "The email service" for an outside system: an actor as the subject of a sentence. */
export function actorSubject(actor: ModelActor): string {
  return actor.kind === 'person' ? groupName(actor) : capitalize(actorPhrase(actor, 'the').text);
}

/** "Members can borrow a tool and reserve a ladder." per actor with use cases, the focused ones first. */
export function whoDoesWhat(view: ModelView, maxActors = 4): string[] {
  return view.model.actors
    .map((actor) => ({ actor, useCases: view.useCases.filter((uc) => uc.actor === actor.id) }))
    .filter((entry) => entry.useCases.length > 0)
    .sort((a, b) => view.useCases.indexOf(a.useCases[0]!) - view.useCases.indexOf(b.useCases[0]!))
    .slice(0, maxActors)
    .map(({ actor, useCases }) => sentence(`${actorSubject(actor)} can ${joinList(useCases.slice(0, 4).map((uc) => useCaseInfinitive(uc, view)))}`));
}

/** The sentence naming what the author asked the document to focus on, when they did. */
export function focusSentence(view: ModelView, what = 'This document'): string {
  return view.focusNames.length ? sentence(`${what} gives most attention to ${joinList(view.focusNames.map((n) => `“${n}”`))}, as asked`) : '';
}

/** The model's summary, or one composed from its actors and use cases; the focus named at the end. */
export function summaryOf(view: ModelView, what = 'This document'): string {
  const base = view.model.summary.trim() ? sentence(view.model.summary) : whoDoesWhat(view, 2).join(' ') || sentence(`What ${view.name} does is not stated yet`);
  return [base, focusSentence(view, what)].filter(Boolean).join(' ');
}

export function problemOf(view: ModelView): string {
  return view.model.problem.trim() ? sentence(view.model.problem) : sentence(`The problem ${view.name} solves is not stated yet`);
}
