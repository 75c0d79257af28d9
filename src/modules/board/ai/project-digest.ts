import type { ProjectModel } from '../../project-model/index.js';
import { projectDigestSchema, type ProjectDigest } from './inputs.js';

/**
 * What the panel is told of the project a session is tied to: the project model cut down to the parts a decision
 * draws on (who uses it, the records it keeps, its measures, constraints, rules and open questions). Sizes are
 * bounded well under the schema's limits so a digest stays a small part of every prompt.
 */
const LIMITS = { actors: 10, needs: 4, entities: 15, states: 8, metrics: 8, constraints: 10, rules: 12, openQuestions: 8 } as const;
const SHORT = 120;
const LONG = 400;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}

export function projectDigest(projectName: string, model: ProjectModel): ProjectDigest {
  return projectDigestSchema.parse({
    name: clip(projectName, 200),
    summary: clip(model.summary, LONG * 2),
    problem: clip(model.problem, LONG * 2),
    actors: model.actors.slice(0, LIMITS.actors).map((actor) => ({
      name: clip(actor.name, SHORT),
      kind: actor.kind,
      needs: actor.needs.filter((need) => need.trim() !== '').slice(0, LIMITS.needs).map((need) => clip(need, LONG)),
    })),
    entities: model.entities.slice(0, LIMITS.entities).map((entity) => ({
      name: clip(entity.name, SHORT),
      states: entity.states.slice(0, LIMITS.states).map((state) => clip(state, SHORT)),
    })),
    metrics: model.metrics.slice(0, LIMITS.metrics).map((metric) => ({ name: clip(metric.name, SHORT), target: clip(metric.target, LONG) })),
    constraints: model.constraints.slice(0, LIMITS.constraints).map((constraint) => ({ category: constraint.category, text: clip(constraint.text, LONG) })),
    rules: model.rules.slice(0, LIMITS.rules).map((rule) => clip(rule.text, LONG)),
    openQuestions: model.openQuestions.slice(0, LIMITS.openQuestions).map((question) => clip(question.question, LONG)),
  });
}
