import { capitalize, joinList, pluralize, singularPhrase } from '../../../../core/text/index.js';
import { entitiesOf, quote, sentenceMentioning, unique, withArticle, type ProjectFacts } from '../document-writer/index.js';
import type { DocumentSrs, NonFunctional } from './schema.js';

// Data requirements, the glossary and the open issues.

export function dataRequirements(facts: ProjectFacts): DocumentSrs['specificRequirements']['dataRequirements'] {
  const data: DocumentSrs['specificRequirements']['dataRequirements'] = entitiesOf(facts).map((entity) => {
    const sentence = sentenceMentioning(facts, entity.name);
    return {
      entity: capitalize(entity.name),
      description: sentence ? `${capitalize(withArticle(entity.name))} as the inputs describe it: ${quote(sentence, 200)}.` : `${capitalize(withArticle(entity.name))} that ${facts.name} keeps.`,
      attributes: entity.attributes.length ? [...entity.attributes, 'created at', 'created by'] : ['identifier', 'created at', 'created by', 'status (attributes to be confirmed)'],
    };
  });
  const roles = `role (${joinList([...facts.groups.slice(0, 4).map(singularPhrase), 'administrator'], 'or')})`;
  data.push({ entity: 'User account', description: `A person who signs in to ${facts.name}.`, attributes: ['name', 'email address', roles, 'created at', 'last sign-in'] });
  return data.slice(0, 20);
}

export function glossaryOf(facts: ProjectFacts): DocumentSrs['appendices']['glossary'] {
  const glossary: DocumentSrs['appendices']['glossary'] = [];
  const seen = new Set<string>();
  const add = (termText: string, definition: string): void => {
    const key = termText.toLowerCase();
    if (seen.has(key) || glossary.length >= 30) return;
    seen.add(key);
    glossary.push({ term: capitalize(termText), definition });
  };
  facts.groups.forEach((group) => add(group, `A user class of ${facts.name} (see 2.3).`));
  for (const entity of entitiesOf(facts)) {
    add(entity.name, entity.attributes.length ? `A record ${facts.name} keeps, with ${joinList(entity.attributes.slice(0, 5))} (see 3.4).` : `A thing ${facts.name} keeps data about (see 3.4).`);
  }
  const groupWords = new Set(facts.groups.flatMap((g) => g.toLowerCase().split(' ').map((w) => pluralize(singularPhrase(w)))));
  for (const termText of facts.terms.slice(0, 12)) {
    if (termText.split(' ').every((w) => groupWords.has(pluralize(singularPhrase(w.toLowerCase()))))) continue;
    const sentence = sentenceMentioning(facts, termText);
    if (sentence) add(termText, `As used in the inputs: ${quote(sentence, 200)}.`);
  }
  return glossary;
}

export function openIssuesOf(facts: ProjectFacts, nonFunctional: NonFunctional[]): string[] {
  const issues = facts.unanswered.map((question) => `Unanswered: ${question}`);
  if (facts.groups.length === 0) issues.push('Who exactly are the users? The idea does not name them.');
  if (!facts.platformStated) issues.push('Which platforms come first (web, iOS, Android)? Section 2.4 assumes web.');
  for (const entity of entitiesOf(facts)) if (entity.attributes.length === 0) issues.push(`What must be kept about each ${entity.name}?`);
  const assumed = nonFunctional.filter((n) => n.origin === 'assumed').map((n) => n.id);
  if (assumed.length) issues.push(`Confirm the assumed quality targets ${joinList(assumed)} with the stakeholders.`);
  if (facts.cues.payments) issues.push('Who pays whom, when, and what are the refund rules?');
  if (!facts.successStatements.length) issues.push(`How will success of ${facts.name} be measured?`);
  return unique(issues).slice(0, 20);
}
