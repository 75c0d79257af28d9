import type { ProjectModel } from '../../project-model/index.js';
import { projectDigestSchema, type ProjectDigest } from './inputs.js';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What the panel knows of a project: its name and the parts of its model a decision turns on (actors, entities,
 * metrics, constraints, rules, open questions), clipped to the task inputs' limits.
 */
export function projectDigest(name: string, model: ProjectModel): ProjectDigest {
  return projectDigestSchema.parse({
    name: clip(name, 200),
    summary: clip(model.summary, 1000),
    problem: clip(model.problem, 1000),
    actors: model.actors.slice(0, 20).map((a) => ({ name: clip(a.name, 120), kind: a.kind, needs: a.needs.slice(0, 12).map((n) => clip(n, 1000)) })),
    entities: model.entities.slice(0, 40).map((e) => ({ name: clip(e.name, 120), states: e.states.slice(0, 12).map((s) => clip(s, 120)) })),
    metrics: model.metrics.slice(0, 20).map((m) => ({ name: clip(m.name, 120), target: clip(m.target, 1000) })),
    constraints: model.constraints.slice(0, 30).map((c) => ({ category: c.category, text: clip(c.text, 1000) })),
    rules: model.rules.slice(0, 40).map((r) => clip(r.text, 1000)),
    openQuestions: model.openQuestions.slice(0, 20).map((q) => clip(q.question, 1000)),
  });
}
