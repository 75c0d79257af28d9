import { nounPhrase, sentence } from '../../../../core/text/compose/index.js';
import { capitalize, joinList } from '../../../../core/text/index.js';
import type { DocumentTaskInput } from '../document-writer/index.js';
import { actorPhrase, common, groupName, useCaseInfinitive, viewOf, type ModelView } from '../document-writer/index.js';
import { dataRequirements, glossaryOf } from './data.js';
import { functionalRequirements, nonFunctionalRequirements } from './requirements.js';
import type { DocumentSrs } from './schema.js';

// The offline SRS (IEEE 830 / ISO 29148 outline), drawn from the project model: a functional requirement per use
// case, data requirements per entity, non-functional requirements from constraints and rules, the model's open
// questions as open issues. What the model does not state is said to be not stated yet.

export function composeSrs(input: DocumentTaskInput): DocumentSrs {
  const view = viewOf(input);
  const functional = functionalRequirements(view);
  const nonFunctional = nonFunctionalRequirements(view);
  const data = dataRequirements(view);
  return {
    title: `${view.name} — Software Requirements Specification`,
    introduction: {
      purpose: purposeOf(view),
      scope: scopeOf(view),
      definitions: view.model.glossary.slice(0, 30).map((g) => ({ term: g.term, definition: sentence(g.definition) })),
      references: [
        'The idea as the author wrote it, and the answers to the clarifying questions.',
        `The project model of ${view.name}: its actors, entities, use cases, rules and constraints.`,
        ...(input.sources ?? []).map((source) => `${source.title || capitalize(source.type.replaceAll('_', ' '))}.`),
      ].slice(0, 20),
      overview: sentence(
        `Section 2 describes ${view.name} as a whole, and section 3 states ${functional.length} functional ${functional.length === 1 ? 'requirement' : 'requirements'}, ` +
          `${nonFunctional.length} non-functional ${nonFunctional.length === 1 ? 'requirement' : 'requirements'} and the data kept about ${data.length} ${data.length === 1 ? 'entity' : 'entities'}; ` +
          'appendix A is the glossary and appendix B lists the open issues',
      ),
    },
    overallDescription: {
      productPerspective: perspectiveOf(view),
      productFunctions: functional.map((fr) => `${fr.id} ${fr.title}`).slice(0, 20),
      userClasses: userClassesOf(view),
      operatingEnvironment: view.platform.length ? view.platform.map((c) => sentence(c.text)) : ['The platform is not stated yet.'],
      constraints: nonPlatform(view).length ? nonPlatform(view) : ['No design or implementation constraints are stated yet.'],
      assumptions: [
        sentence(`Every requirement here is drawn from the project model of ${view.name}; what the model does not state is marked as not stated rather than assumed`),
      ],
      dependencies: view.systems.map((system) => [sentence(`${view.name} depends on ${actorPhrase(system, 'the').text}`), system.description.trim() ? sentence(system.description) : ''].filter(Boolean).join(' ')),
    },
    specificRequirements: {
      externalInterfaces: interfacesOf(view),
      functional,
      nonFunctional,
      dataRequirements: data,
    },
    appendices: {
      glossary: glossaryOf(view),
      openIssues: view.model.openQuestions.map((q) => sentence(q.question)).slice(0, 20),
    },
  };
}

function nonPlatform(view: ModelView): string[] {
  return view.model.constraints.filter((c) => c.category !== 'platform').map((c) => sentence(c.text)).slice(0, 12);
}

function purposeOf(view: ModelView): string {
  const parts = [sentence(`This document specifies the software requirements of ${view.name}`)];
  if (view.model.summary.trim()) parts.push(sentence(view.model.summary));
  const readers = view.persons.length ? ` and for the ${joinList(view.persons.slice(0, 3).map((a) => actorPhrase(a, 'none', 'plural').text))} who will use it` : '';
  parts.push(sentence(`It is written for the people who design, build and test ${view.name}${readers}`));
  if (view.focusNames.length) parts.push(sentence(`As asked, it gives most attention to ${joinList(view.focusNames.map((n) => `“${n}”`))}`));
  return parts.join(' ');
}

function scopeOf(view: ModelView): string {
  const byActor = view.model.actors
    .map((actor) => ({ actor, useCases: view.useCases.filter((uc) => uc.actor === actor.id) }))
    .filter((entry) => entry.useCases.length > 0)
    .slice(0, 4)
    .map(({ actor, useCases }) => sentence(`${groupOrSystem(actor)} can ${joinList(useCases.slice(0, 4).map((uc) => useCaseInfinitive(uc, view)))}`));
  if (byActor.length === 0) return sentence(`The functions of ${view.name} are not stated yet; section 3.2 lists only what every product with accounts needs`);
  const kept = view.entities.length ? sentence(`${view.name} keeps ${joinList(view.entities.slice(0, 6).map((e) => nounPhrase({ head: common(e.name), number: 'plural' }).text))}`) : '';
  return [...byActor, kept].filter(Boolean).join(' ');
}

/** People as a group ("Members"), an outside system as itself ("The email service"). */
function groupOrSystem(actor: ModelView['model']['actors'][number]): string {
  return actor.kind === 'person' ? groupName(actor) : capitalize(actorPhrase(actor, 'the').text);
}

function perspectiveOf(view: ModelView): string {
  const parts: string[] = [];
  if (view.model.problem.trim()) parts.push(sentence(view.model.problem));
  parts.push(view.systems.length ? sentence(`${view.name} works with ${joinList(view.systems.map((s) => actorPhrase(s, 'the').text))}`) : sentence(`${view.name} is a new, self-contained product; no outside system is stated`));
  return parts.join(' ');
}

function userClassesOf(view: ModelView): DocumentSrs['overallDescription']['userClasses'] {
  const classes = view.persons.slice(0, 8).map((actor) => {
    const useCases = view.useCases.filter((uc) => uc.actor === actor.id);
    const what = useCases.length ? sentence(`${capitalize(actorPhrase(actor, 'none', 'plural').text)} use ${view.name} to ${joinList(useCases.slice(0, 4).map((uc) => useCaseInfinitive(uc, view)))}`) : '';
    return {
      name: groupName(actor),
      description: [actor.description.trim() ? sentence(actor.description) : '', what].filter(Boolean).join(' ') || sentence(`What ${actorPhrase(actor, 'none', 'plural').text} do with ${view.name} is not stated yet`),
      characteristics: actor.needs.slice(0, 8).map((need) => sentence(`Needs to ${need.replace(/^to\s+/i, '')}`)),
    };
  });
  return classes.length ? classes : [{ name: 'Users', description: sentence(`Who uses ${view.name} is not stated yet`), characteristics: [] }];
}

function interfacesOf(view: ModelView): DocumentSrs['specificRequirements']['externalInterfaces'] {
  const interfaces: DocumentSrs['specificRequirements']['externalInterfaces'] = [];
  for (const actor of view.persons.slice(0, 6)) {
    const useCases = view.useCases.filter((uc) => uc.actor === actor.id);
    if (useCases.length === 0) continue;
    interfaces.push({ kind: 'user', description: sentence(`Screens on which ${actorPhrase(actor, 'none', 'plural').text} ${joinList(useCases.slice(0, 4).map((uc) => useCaseInfinitive(uc, view)))}`) });
  }
  for (const system of view.systems.slice(0, 6)) {
    interfaces.push({ kind: 'software', description: sentence(`The product connects to ${actorPhrase(system, 'the').text}${system.needs.length ? ` to ${system.needs[0]?.replace(/^to\s+/i, '')}` : ''}`) });
  }
  if (interfaces.length === 0) interfaces.push({ kind: 'user', description: 'The screens are not specified yet.' });
  return interfaces.slice(0, 16);
}
