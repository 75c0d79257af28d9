import { indefiniteArticle, inner, sentence } from '../../../../core/text/compose/index.js';
import { parseText } from '../../../../core/text/nlp/index.js';
import { checkText } from '../../../../core/text/quality/index.js';
import type { ModelSource, ProjectModel } from '../../project-model.contract.js';

/**
 * People often write an idea or an answer as a fragment ("A meal planner for busy families.", "About 500 shipments a
 * day."). The model keeps statements as sentences, so every document quoting them reads well and passes the quality
 * gate: a fragment is composed into a sentence that says what it is — the product's description, or the answer to the
 * question it came from — rather than dropped or pasted as it is.
 */
const hasNoVerb = (text: string) => checkText(text, 'prose').some((problem) => problem.code === 'no-verb');

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "About 500 shipments a day." from the answer to "How many shipments?" → "The answer to “How many shipments?” is about 500 shipments a day." */
function asStatement(text: string, sources: readonly ModelSource[]): string {
  if (!text.trim() || !hasNoVerb(text)) return text;
  const fragment = lowerFirst(inner(text));
  const answer = sources.find((source) => source.kind === 'answer' && source.label);
  if (answer?.label) return sentence(`The answer to “${inner(answer.label)}” is ${fragment}`);
  return sentence(`The idea states: ${fragment}`);
}

/**
 * A fragment that describes one thing: "A meal planner for busy families", "internal tool for business travel" (a
 * singular noun phrase, with "a" or no determiner at all), never a count or a remark ("2 cemeteries (old one + north)",
 * "every year same panic before 31 Jan").
 */
function describesOneThing(fragment: string): boolean {
  const tokens = parseText(fragment)[0]?.tokens ?? [];
  const first = tokens[0];
  if (!first) return false;
  if (/^an?$/i.test(first.text)) return true;
  // No determiner: a bare singular noun phrase, ended by the text or by what qualifies it ("for", "to", "that").
  let end = 0;
  while (/^(?:ADJ|NOUN)$/.test(tokens[end]?.pos ?? '')) end += 1;
  const head = tokens[end - 1];
  const after = tokens[end]?.normal ?? '.';
  return head !== undefined && head.pos === 'NOUN' && head.normal === head.lemma && ['.', 'for', 'to', 'that', 'which'].includes(after);
}

/**
 * Each verbless sentence of a text made whole: a description as `subject` + "is" ("A meal planner." → "Harvest is a
 * meal planner."), any other fragment quoted as the writer's note, which no subject would fit.
 */
function withSubject(text: string, subject: string): string {
  if (!text.trim()) return text;
  return text
    .split(/(?<=[.!?])\s+/)
    .map((part) => {
      if (!hasNoVerb(part)) return part;
      const fragment = lowerFirst(inner(part));
      if (!describesOneThing(fragment)) return sentence(`The idea also notes: “${inner(part)}”`);
      return sentence(`${subject} is ${/^an?\s/i.test(fragment) ? '' : `${indefiniteArticle(fragment)} `}${fragment}`);
    })
    .join(' ');
}

export function withWholeSentences(model: ProjectModel, projectName: string): ProjectModel {
  const name = projectName.trim() || 'The product';
  return {
    ...model,
    summary: withSubject(model.summary, name),
    problem: withSubject(model.problem, 'The problem'),
    rules: model.rules.map((rule) => ({ ...rule, text: asStatement(rule.text, rule.sources) })),
    constraints: model.constraints.map((constraint) => ({ ...constraint, text: asStatement(constraint.text, constraint.sources) })),
  };
}
