import { contentWords, singularize, stem, tokenize } from '../../../../core/text/index.js';
import type { ModelActor, ModelEntity, ModelRule, ModelStep, ModelUseCase, ProjectModel } from '../../../project-model/index.js';

// Reading the project model for a diagram: which entity or use case a focus names, who a step involves, which rules
// bear on a use case. Pure functions over the model; nothing here invents an item the model does not hold.

/** A Mermaid-safe node id for a model id ("email-service" → "email_service"), prefixed so it never starts with a digit. */
export function nodeId(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/[^a-z0-9]/g, '_')}`;
}

const words = (text: string): string[] => tokenize(text).map(singularize);

/** The phrase an instruction focuses on: "Focus on the loans" → "the loans"; the whole instruction otherwise. */
export function focusPhrase(focus: string | undefined, instructions: string | undefined): string {
  if (focus?.trim()) return focus.trim();
  const text = instructions?.trim() ?? '';
  const named = /\b(?:focus(?:ed|ing)?\s+(?:on|upon)|about|for|of)\s+(.+?)(?:[.;!\n]|$)/i.exec(text);
  return (named?.[1] ?? text).trim();
}

export type Focus = { entity?: ModelEntity; useCase?: ModelUseCase };

/**
 * What a focus names: an entity or use case by id, by name, or by the words of its name in a free-text phrase
 * ("focus on returning tools" names "Return a tool"). A use case whose name is named wins over its entity.
 */
export function resolveFocus(model: ProjectModel, focus: string | undefined, instructions: string | undefined): Focus {
  const phrase = focusPhrase(focus, instructions);
  if (phrase === '') return {};
  const byId = (id: string) => ({ entity: model.entities.find((e) => e.id === id), useCase: model.useCases.find((u) => u.id === id) });
  const exact = byId(phrase);
  if (exact.entity || exact.useCase) return { ...(exact.entity ? { entity: exact.entity } : {}), ...(exact.useCase ? { useCase: exact.useCase } : {}) };
  const said = new Set(words(phrase));
  const saidStems = new Set(tokenize(phrase).map(stem));
  const entity = model.entities.find((e) => words(e.name).every((w) => said.has(w)));
  // A use case is named by its verb and its object: both must be in the phrase.
  const useCase = model.useCases.find((u) => {
    const object = u.entity ? model.entities.find((e) => e.id === u.entity) : undefined;
    const verbSaid = saidStems.has(stem(u.action));
    const nameSaid = contentWords(u.name).map(stem).every((w) => saidStems.has(w));
    return verbSaid && (nameSaid || (object !== undefined && words(object.name).every((w) => said.has(w))));
  });
  return { ...(entity ? { entity } : {}), ...(useCase ? { useCase } : {}) };
}

export function entityOf(model: ProjectModel, id: string | undefined): ModelEntity | undefined {
  return id ? model.entities.find((e) => e.id === id) : undefined;
}

export function actorOf(model: ProjectModel, id: string | undefined): ModelActor | undefined {
  return id ? model.actors.find((a) => a.id === id) : undefined;
}

/** The actors a step's words name ("tells the coordinator about the request" → Coordinator). */
export function actorsMentioned(model: ProjectModel, text: string, except: readonly string[] = []): ModelActor[] {
  const said = ` ${words(text).join(' ')} `;
  return model.actors.filter((a) => !except.includes(a.id) && said.includes(` ${words(a.name).join(' ')} `));
}

/** The use case a diagram of steps shows: the focused one, else one acting on the focused entity, else the richest must-have. */
export function pickUseCase(model: ProjectModel, focus: Focus): ModelUseCase | undefined {
  if (focus.useCase) return focus.useCase;
  const pool = focus.entity ? model.useCases.filter((u) => u.entity === focus.entity!.id || u.steps.some((s) => s.entity === focus.entity!.id)) : model.useCases;
  const rank = { must: 0, should: 1, could: 2 } as const;
  return [...(pool.length ? pool : model.useCases)].sort((a, b) => rank[a.priority] - rank[b.priority] || b.steps.length - a.steps.length)[0];
}

/** The entity whose lifecycle a state diagram shows: the focused one when it has states, else the first that has. */
export function pickLifecycle(model: ProjectModel, focus: Focus): ModelEntity | undefined {
  const focused = focus.entity ?? entityOf(model, focus.useCase?.entity);
  if (focused && focused.states.length) return focused;
  return model.entities.find((e) => e.states.length > 0) ?? focused;
}

/** Whether a rule limits what may happen (a number, or a word that bounds), so a flow checks it. */
export function isLimitingRule(rule: ModelRule): boolean {
  return rule.quantity !== undefined || /\b(?:at most|at least|no more than|up to|within|before|after|only|cannot|can't|may not|must not|never|maximum|minimum|limit)\b/i.test(rule.text);
}

/** The steps of a use case; one with none is its name and outcome, never invented steps. */
export function stepsOf(useCase: ModelUseCase): ModelStep[] {
  if (useCase.steps.length) return useCase.steps;
  return [{ actor: useCase.actor, action: useCase.name, ...(useCase.entity ? { entity: useCase.entity } : {}) }];
}

/**
 * The rules a use case's steps check, each at the step it bears on: the step sharing most words with the rule, or
 * the first step on the rule's entity. At most two, so the flow stays readable.
 */
export function rulesAtSteps(model: ProjectModel, useCase: ModelUseCase): Map<number, ModelRule> {
  const steps = stepsOf(useCase);
  const placed = new Map<number, ModelRule>();
  const relevant = model.rules.filter((r) => isLimitingRule(r) && (r.entity === useCase.entity || steps.some((s) => s.entity !== undefined && s.entity === r.entity)));
  // Entity names are in most steps and rules alike; the other words tell where a rule bears.
  const entityWords = new Set(model.entities.flatMap((e) => tokenize(e.name).map(stem)));
  for (const rule of relevant) {
    if (placed.size >= 2) break;
    const ruleStems = new Set(contentWords(rule.text).map(stem).filter((w) => !entityWords.has(w)));
    let best = -1;
    let bestScore = 0;
    steps.forEach((step, i) => {
      if (placed.has(i)) return;
      const score = contentWords(step.action).map(stem).filter((w) => ruleStems.has(w)).length;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) best = steps.findIndex((s, i) => !placed.has(i) && s.entity === rule.entity);
    if (best >= 0) placed.set(best, rule);
  }
  return placed;
}

const DECISIONS: Array<[RegExp, string, string]> = [
  [/\bapprov/i, 'Approved?', 'Not approved'],
  [/\baccept/i, 'Accepted?', 'Not accepted'],
  [/\bconfirm/i, 'Confirmed?', 'Not confirmed'],
  [/\bverif/i, 'Verified?', 'Not verified'],
  [/\bvalidat/i, 'Valid?', 'Not valid'],
  [/\bcheck/i, 'Check passed?', 'Check failed'],
  [/\breview/i, 'Accepted after review?', 'Turned down after review'],
  [/\bmoderat/i, 'Accepted by moderation?', 'Turned down by moderation'],
  [/\bpays?\b|\bpaid\b/i, 'Payment went through?', 'Payment failed'],
];

/** The yes/no question a step decides ("approves the loan" → "Approved?"), with the label of its "no" end. */
export function decisionOf(action: string): { question: string; no: string } | undefined {
  const found = DECISIONS.find(([pattern]) => pattern.test(action));
  return found ? { question: found[1], no: found[2] } : undefined;
}
