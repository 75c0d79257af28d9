import { clause, givenWhenThen, inner, nounPhrase, parseVerbPhrase, sentence } from '../../../../core/text/compose/index.js';
import { joinList, oneLine } from '../../../../core/text/index.js';
import type { ModelUseCase, ProjectModel } from '../../../project-model/index.js';

/**
 * Given/When/Then acceptance criteria composed from the project model: the use case's trigger and outcome, its
 * steps in order, the rules of the record it acts on and the fields that record requires. Every criterion is one
 * sentence built from composed parts, never a template with blanks.
 */

/** "Customer" → "customer"; a name in capitals ("SMS provider") keeps them. */
export function common(name: string): string {
  return /^\p{Lu}[\p{Ll}\s-]/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

const signedIn = (persona: string) => nounPhrase({ head: persona, determiner: 'a', modifiers: ['signed-in'] }).text;

/** "a customer approves a quote"; the story's own event clause when the want does not read as a verb phrase. */
function actsClause(parts: CriteriaParts): string {
  const vp = parts.isVerbPhrase ? parseVerbPhrase(parts.want) : undefined;
  return vp ? clause(nounPhrase({ head: parts.persona, determiner: 'a' }), vp) : parts.when;
}

export const isGivenWhenThen = (text: string): boolean => /^given\b.+\bwhen\b.+\bthen\b/i.test(text.trim());

/** `when`: the event clause without a trigger, "they approve a quote". */
export type CriteriaParts = { persona: string; want: string; when: string; isVerbPhrase: boolean; benefit?: string | undefined };

/** The one criterion every story has: who, doing what, with which result. */
export function mainCriterion(parts: CriteriaParts, useCase?: ModelUseCase): string {
  const when = useCase?.trigger.trim() ? inner(useCase.trigger) : parts.when;
  const outcome = useCase?.outcome.trim() || parts.benefit?.trim();
  const then = outcome ? inner(outcome) : 'they see that it is done';
  return givenWhenThen({ given: signedIn(parts.persona), when, then });
}

function stepSubject(model: ProjectModel, actorId: string): string {
  if (actorId === 'system') return 'the system';
  const actor = model.actors.find((a) => a.id === actorId);
  return nounPhrase({ head: actor ? common(actor.name) : 'user', determiner: 'the' }).text;
}

/** The steps in order: the first sets the scene, the second is the event, the rest (up to four) the result. */
function stepsCriterion(model: ProjectModel, useCase: ModelUseCase): string | undefined {
  const steps = useCase.steps.filter((s) => s.action.trim());
  if (steps.length < 3) return undefined;
  const said = (i: number) => ({ subject: stepSubject(model, steps[i]!.actor), action: inner(oneLine(steps[i]!.action)) });
  const first = said(0);
  const second = said(1);
  const rest = steps.slice(2, 6).map((_, i) => said(i + 2));
  const oneSubject = rest.every((r) => r.subject === rest[0]!.subject);
  const then = oneSubject ? `${rest[0]!.subject} ${joinList(rest.map((r) => r.action))}` : joinList(rest.map((r) => `${r.subject} ${r.action}`));
  return givenWhenThen({ given: `${first.subject} ${first.action}`, when: `${second.subject} ${second.action}`, then });
}

/** The composed criteria of a story drawn from a use case, at most `max`. */
/**
 * A rule inside a sentence: "Patients can cancel …" → "patients can cancel …" when its first word is one of the
 * model's actors or records (a common noun); a name stays as written.
 */
function ruleClause(model: ProjectModel, text: string): string {
  const clauseText = inner(text);
  const first = /^\p{Lu}\p{Ll}+/u.exec(clauseText)?.[0].toLowerCase();
  if (!first) return clauseText;
  const nouns = new Set([...model.actors, ...model.entities].map((item) => item.name.split(/\s+/)[0]!.toLowerCase()));
  const known = nouns.has(first) || nouns.has(first.replace(/e?s$/, ''));
  return known ? clauseText.charAt(0).toLowerCase() + clauseText.slice(1) : clauseText;
}

export function useCaseCriteria(model: ProjectModel, useCase: ModelUseCase, parts: CriteriaParts, max = 6): string[] {
  const criteria = [mainCriterion(parts, useCase)];
  const steps = stepsCriterion(model, useCase);
  if (steps) criteria.push(steps);
  const entity = model.entities.find((e) => e.id === useCase.entity);
  if (entity) {
    for (const rule of model.rules.filter((r) => r.entity === entity.id).slice(0, 2)) {
      criteria.push(givenWhenThen({ given: `the rule that ${ruleClause(model, rule.text)}`, when: actsClause(parts), then: 'the result follows that rule' }));
    }
    const required = entity.attributes.filter((a) => a.required && a.type !== 'reference').map((a) => `the ${a.name.replaceAll('_', ' ')}`);
    if (required.length) {
      const record = nounPhrase({ head: common(entity.name), determiner: 'the' }).text;
      criteria.push(
        givenWhenThen({
          given: `${signedIn(parts.persona)} who leaves ${joinList(required.slice(0, 3), 'or')} empty`,
          when: `they save ${record}`,
          then: 'nothing is saved and the message names the missing field',
        }),
      );
    }
  }
  return criteria.slice(0, max).map((c) => sentence(c));
}

/**
 * A document's own criteria as Given/When/Then: those already in that form as they are, "When X, Y." with the
 * persona as its Given; anything else ("In order, …") is left to the description.
 */
export function documentCriteria(lines: readonly string[], persona: string, onlyGivenWhenThen = false): string[] {
  const criteria: string[] = [];
  for (const line of lines) {
    const text = oneLine(line).replace(/^[-*]\s+/, '');
    if (isGivenWhenThen(text)) {
      criteria.push(sentence(text));
      continue;
    }
    if (onlyGivenWhenThen) continue;
    const when = /^when\s+(.+?),\s+(.+?)\.?$/i.exec(text);
    if (when) criteria.push(givenWhenThen({ given: signedIn(persona), when: when[1]!, then: when[2]! }));
  }
  return criteria;
}
