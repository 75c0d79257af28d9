import { z } from 'zod';
import {
  acronymMeaning,
  actorOfSentence,
  asGroup,
  capabilityOf,
  capitalize,
  clause,
  documentPrompt,
  documentTaskInput,
  entitiesOf,
  featureName,
  isPluralPhrase,
  joinList,
  MarkdownWriter,
  mentions,
  nfrCategories,
  passageOf,
  pluralize,
  primaryGroup,
  priorityOrder,
  priorityWord,
  productKind,
  projectFacts,
  qualityCategory,
  quote,
  sentenceMentioning,
  shortAction,
  singularPhrase,
  subjectOf,
  unique,
  withArticle,
  uncoveredFunctional,
  type DocumentTaskInput,
  type NfrCategory,
  type ProjectFacts,
  type RenderOptions,
  sourceText,
} from '../builtin/document-writer.js';
import type { Priority } from '../../../modules/projects/idea-analysis/index.js';
import { defineObjectTask } from '../task.js';

const priority = z.enum(['must', 'should', 'could']).describe('MoSCoW priority: must, should or could');
const origin = z
  .enum(['stated', 'derived', 'assumed'])
  .describe('stated: the inputs say it; derived: follows from what they say; assumed: a default to confirm');
const sourceIds = z.array(z.string().min(1)).max(10).describe('Ids of the input sections (or "idea", "answer-n") it comes from');
const term = z.object({ term: z.string().min(1), definition: z.string().min(1) });

export const documentSrsOutput = z
  .object({
    title: z.string().min(1).describe('The document title, naming the product'),
    introduction: z
      .object({
        purpose: z.string().min(1).describe('1.1 What this document specifies and for whom'),
        scope: z.string().min(1).describe('1.2 The product, what it does and does not do, its benefits'),
        definitions: z.array(term).max(30).describe('1.3 Definitions, acronyms and abbreviations used'),
        references: z.array(z.string().min(1)).max(20).describe('1.4 Documents this specification draws on'),
        overview: z.string().min(1).describe('1.5 How the rest of the document is organised'),
      })
      .describe('Section 1 Introduction'),
    overallDescription: z
      .object({
        productPerspective: z.string().min(1).describe('2.1 Where the product fits: new or part of a larger system, its context'),
        productFunctions: z.array(z.string().min(1)).min(1).max(20).describe('2.2 The major functions, one line each'),
        userClasses: z
          .array(
            z.object({
              name: z.string().min(1).describe('A user class, e.g. "Dog owners"'),
              description: z.string().min(1).describe('Who they are and what they do with the product'),
              characteristics: z.array(z.string().min(1)).max(8).describe('Frequency of use, expertise, needs'),
            }),
          )
          .min(1)
          .max(8)
          .describe('2.3 User classes and characteristics'),
        operatingEnvironment: z.array(z.string().min(1)).min(1).max(10).describe('2.4 Platforms, devices and software it runs in'),
        constraints: z.array(z.string().min(1)).min(1).max(12).describe('2.5 Design and implementation constraints'),
        assumptions: z.array(z.string().min(1)).min(1).max(12).describe('2.6 Assumptions'),
        dependencies: z.array(z.string().min(1)).max(12).describe('2.6 Dependencies on outside systems and services'),
      })
      .describe('Section 2 Overall description'),
    specificRequirements: z
      .object({
        externalInterfaces: z
          .array(
            z.object({
              kind: z.enum(['user', 'software', 'hardware', 'communications']).describe('The kind of interface'),
              description: z.string().min(1),
            }),
          )
          .min(1)
          .max(16)
          .describe('3.1 External interface requirements'),
        functional: z
          .array(
            z.object({
              id: z.string().regex(/^FR-\d+$/).describe('FR-1, FR-2 … in order'),
              title: z.string().min(1).describe('A short name of the function'),
              description: z.string().min(1).describe('"The system shall …"'),
              priority,
              origin,
              acceptanceCriteria: z.array(z.string().min(1)).min(1).max(6).describe('Testable conditions that show it is met'),
              sources: sourceIds,
            }),
          )
          .min(1)
          .max(60)
          .describe('3.2 Functional requirements, numbered'),
        nonFunctional: z
          .array(
            z.object({
              id: z.string().regex(/^NFR-\d+$/).describe('NFR-1, NFR-2 … in order'),
              category: z.enum(nfrCategories).describe('The quality it constrains'),
              description: z.string().min(1).describe('"The system shall …", measurable where possible'),
              measure: z.string().min(1).describe('How it is measured or verified'),
              priority,
              origin,
              sources: sourceIds,
            }),
          )
          .min(1)
          .max(40)
          .describe('3.3 Non-functional requirements, numbered'),
        dataRequirements: z
          .array(
            z.object({
              entity: z.string().min(1).describe('A thing the system keeps data about, singular'),
              description: z.string().min(1),
              attributes: z.array(z.string().min(1)).max(20).describe('What is kept about it'),
            }),
          )
          .max(20)
          .describe('3.4 Data requirements: entities and their attributes'),
      })
      .describe('Section 3 Specific requirements'),
    appendices: z
      .object({
        glossary: z.array(term).max(30).describe('Appendix A: the domain terms of the product'),
        openIssues: z.array(z.string().min(1)).max(20).describe('Appendix B: questions still open'),
      })
      .describe('Appendices'),
  })
  .describe('A software requirements specification following IEEE 830 / ISO/IEC/IEEE 29148');

export type DocumentSrs = z.infer<typeof documentSrsOutput>;
type Functional = DocumentSrs['specificRequirements']['functional'][number];
type NonFunctional = DocumentSrs['specificRequirements']['nonFunctional'][number];

export const documentSrsTask = defineObjectTask<DocumentTaskInput, DocumentSrs>({
  name: 'document-srs',
  description: 'A software requirements specification (IEEE 830 / ISO 29148 outline) from the idea, answers and project documents',
  input: documentTaskInput,
  output: documentSrsOutput,

  buildPrompt: (input) =>
    documentPrompt(input, {
      system:
        'You are a senior requirements engineer. You write software requirements specifications that follow IEEE 830 ' +
        'and ISO/IEC/IEEE 29148: complete, consistent, verifiable, each requirement uniquely numbered and testable.',
      asks: [
        `Write the software requirements specification of "${input.projectName}".`,
        'Follow the outline: 1 Introduction (purpose, scope, definitions, references, overview); 2 Overall description ' +
          '(product perspective, product functions, user classes and characteristics, operating environment, ' +
          'constraints, assumptions and dependencies); 3 Specific requirements (external interfaces; functional ' +
          'requirements FR-1, FR-2 … each with a MoSCoW priority and acceptance criteria; non-functional requirements ' +
          'NFR-1, NFR-2 … covering at least performance, security, availability and usability, each measurable; data ' +
          'requirements as entities with attributes); appendices (glossary, open issues).',
        'Mark each requirement as stated, derived or assumed, and list the ids of the sections it comes from.',
      ],
    }),

  builtin: (input) => composeSrs(projectFacts(input)),
});

// ---------------------------------------------------------------------------------------------------------------
// The offline SRS

export function composeSrs(facts: ProjectFacts): DocumentSrs {
  const functional = functionalRequirements(facts);
  const nonFunctional = nonFunctionalRequirements(facts);
  const data = dataRequirements(facts);
  return {
    title: `${facts.name} — Software Requirements Specification`,
    introduction: {
      purpose: purposeOf(facts),
      scope: scopeOf(facts, functional),
      definitions: definitionsOf(facts),
      references: referencesOf(facts),
      overview:
        `Section 2 describes ${facts.name} as a whole: its perspective, ${functional.length} product function${functional.length === 1 ? '' : 's'}, ` +
        `${facts.groups.length || 'its'} user class${facts.groups.length === 1 ? '' : 'es'}, operating environment, constraints, assumptions and dependencies. ` +
        `Section 3 states the specific requirements: external interfaces, functional requirements FR-1 to FR-${functional.length}, ` +
        `non-functional requirements NFR-1 to NFR-${nonFunctional.length}${data.length ? ` and the data kept about ${joinList(data.slice(0, 4).map((d) => pluralize(d.entity.toLowerCase())))}` : ''}. ` +
        'Appendix A is the glossary and appendix B lists the open issues.',
    },
    overallDescription: {
      productPerspective: perspectiveOf(facts),
      productFunctions: functional.map((fr) => `${fr.id} ${fr.title}`).slice(0, 20),
      userClasses: userClassesOf(facts),
      operatingEnvironment: environmentOf(facts),
      constraints: constraintsOf(facts),
      assumptions: assumptionsOf(facts),
      dependencies: dependenciesOf(facts),
    },
    specificRequirements: {
      externalInterfaces: interfacesOf(facts),
      functional,
      nonFunctional,
      dataRequirements: data,
    },
    appendices: {
      glossary: glossaryOf(facts),
      openIssues: openIssuesOf(facts, nonFunctional),
    },
  };
}

function purposeOf(facts: ProjectFacts): string {
  const summary = facts.ideaSummary ? ` In the author's words: ${quote(facts.ideaSummary, 300)}.` : '';
  const readers = facts.groups.length ? ` and the representatives of ${joinList(facts.groups.slice(0, 3))} who accept it` : '';
  const instructions = facts.instructions ? ` It was written with these instructions: ${quote(facts.instructions, 300)}.` : '';
  return `This document specifies the software requirements of ${facts.name}, ${withArticle(productKind(facts))}.${summary} It is written for the people who design, build and test ${facts.name}${readers}.${instructions}`;
}

function scopeOf(facts: ProjectFacts, functional: Functional[]): string {
  const who = facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'its users';
  const actions = facts.analysis.actions.slice(0, 3).map((a) => `${asGroup(a.actor)} ${shortAction(a.action, 8)}`);
  const does = actions.length ? `${facts.name} lets ${joinList(actions)}.` : `${facts.name} serves ${who} around ${subjectOf(facts)}.`;
  const first = functional.filter((fr) => fr.priority !== 'could').map((fr) => `“${fr.title}”`);
  const later = functional.filter((fr) => fr.priority === 'could').map((fr) => `“${fr.title}”`);
  return [
    does,
    first.length ? `The first release covers ${joinList(first.slice(0, 6))}${first.length > 6 ? ' and the other must and should requirements of section 3' : ''}.` : '',
    later.length ? `${joinList(later.slice(0, 4))} ${later.length === 1 ? 'is a could-have' : 'are could-haves'} for a later release.` : '',
    'Anything not required in section 3 is out of scope.',
  ]
    .filter(Boolean)
    .join(' ');
}

function definitionsOf(facts: ProjectFacts): DocumentSrs['introduction']['definitions'] {
  const definitions = [
    { term: 'SRS', definition: 'Software Requirements Specification: this document.' },
    { term: 'FR', definition: 'Functional requirement: something the system shall do (section 3.2).' },
    { term: 'NFR', definition: 'Non-functional requirement: a quality the system shall have, such as speed or security (section 3.3).' },
    { term: 'Must / Should / Could', definition: 'MoSCoW priorities: must-haves are needed for the first release, should-haves are expected, could-haves may wait.' },
  ];
  for (const acronym of facts.acronyms) {
    if (definitions.some((d) => d.term === acronym)) continue;
    const meaning = acronymMeaning(acronym);
    const sentence = sentenceMentioning(facts, acronym);
    definitions.push({ term: acronym, definition: meaning ? `${meaning}.` : `As used in ${sentence ? quote(sentence, 160) : 'the idea'}; the full form is to be confirmed.` });
  }
  return definitions.slice(0, 30);
}

function referencesOf(facts: ProjectFacts): string[] {
  const references = [`The idea for ${facts.name} as written by its author.`];
  if (facts.answers.length) references.push(`The author's answers to ${facts.answers.length} clarifying question${facts.answers.length === 1 ? '' : 's'}.`);
  for (const source of facts.sources) {
    references.push(`${source.title || capitalize(source.type.replaceAll('_', ' '))} (${source.type.replaceAll('_', ' ')} of this project, ${source.sections.length} section${source.sections.length === 1 ? '' : 's'} used).`);
  }
  references.push('IEEE Std 830-1998, Recommended Practice for Software Requirements Specifications.', 'ISO/IEC/IEEE 29148:2018, Systems and software engineering — Life cycle processes — Requirements engineering.');
  return references.slice(0, 20);
}

function perspectiveOf(facts: ProjectFacts): string {
  const kind = productKind(facts);
  const parts = [`${facts.name} is a new, self-contained ${kind}${facts.groups.length ? ` for ${joinList(facts.groups.slice(0, 3))}` : ''}.`];
  if (facts.cues.marketplace && facts.groups.length >= 2) parts.push(`It has two sides: ${facts.groups[0]} on one, ${facts.groups[1]} on the other, and it is only useful when both are present.`);
  if (facts.problems[0]) parts.push(`It replaces today's workaround: ${quote(facts.problems[0], 240)}.`);
  if (facts.integrations.length) parts.push(`It works alongside ${joinList(facts.integrations)} rather than replacing them.`);
  if (facts.sources.length) parts.push(`It builds on the project's ${joinList(facts.sources.map((s) => s.title || s.type.replaceAll('_', ' ')))}.`);
  return parts.join(' ');
}

function userClassesOf(facts: ProjectFacts): DocumentSrs['overallDescription']['userClasses'] {
  const classes: DocumentSrs['overallDescription']['userClasses'] = facts.analysis.actors.slice(0, 6).map((actor, index) => {
    const group = facts.groups[index] ?? asGroup(actor);
    const actions = facts.analysis.actions.filter((a) => a.actor === actor).map((a) => shortAction(a.action, 10));
    const characteristics = [
      index === 0 ? `The primary user class: ${facts.name} is designed around them.` : `A secondary user class that ${facts.groups[0] ?? 'the primary users'} depend on.`,
      actions.length ? `Uses ${facts.name} to ${joinList(actions.slice(0, 3))}.` : `Their tasks in ${facts.name} are not yet described in the idea.`,
    ];
    const mention = sentenceMentioning(facts, actor);
    if (mention) characteristics.push(`Described in the inputs as: ${quote(mention, 160)}.`);
    characteristics.push('No technical expertise is assumed.');
    return {
      name: capitalize(group),
      description: actions.length ? `${capitalize(group)} who ${joinList(actions.slice(0, 3))}.` : `${capitalize(group)} involved in ${subjectOf(facts)}.`,
      characteristics,
    };
  });
  if (classes.length === 0) {
    classes.push({
      name: 'Primary users (not yet named)',
      description: `The people who will use ${facts.name} for ${subjectOf(facts)}; the idea does not name them yet.`,
      characteristics: ['To be identified: see the open issues in appendix B.', 'No technical expertise is assumed.'],
    });
  }
  classes.push({
    name: 'Administrators',
    description: `The team that runs ${facts.name}: manages accounts, answers support requests and moderates content.`,
    characteristics: ['Few in number, frequent users.', 'Need an overview and audit trail of changes.'],
  });
  return classes;
}

function environmentOf(facts: ProjectFacts): string[] {
  const environment: string[] = [];
  const nativeNamed = facts.platforms.includes('iOS') || facts.platforms.includes('Android');
  for (const platform of facts.platforms) {
    if (platform === 'mobile' && nativeNamed) continue;
    if (platform === 'web') environment.push('Current versions of Chrome, Firefox, Safari and Edge on desktop and mobile.');
    else if (platform === 'mobile') environment.push('Phones: iOS and Android, in the two latest major versions of each.');
    else if (platform === 'iOS') environment.push('iPhone and iPad with the two latest major iOS versions.');
    else if (platform === 'Android') environment.push('Android phones with Android 12 or later.');
    else if (platform === 'desktop') environment.push('Desktop computers (Windows, macOS, Linux) through the browser or a desktop app.');
    else environment.push(`${platform}, as the idea names it.`);
  }
  if (!facts.platformStated) environment.push('Assumed: the idea names no platform, so a responsive web application comes first.');
  environment.push(`A hosted server with a relational database keeping the ${joinList(entitiesOf(facts).slice(0, 3).map((e) => pluralize(e.name))) || 'project data'}.`);
  if (facts.cues.offline) environment.push('Intermittent connectivity: the idea asks for offline use.');
  return unique(environment).slice(0, 10);
}

function constraintsOf(facts: ProjectFacts): string[] {
  const constraints: string[] = [];
  for (const sentence of facts.analysis.sentences) {
    if (/\b(gdpr|hipaa|ccpa|complian\w*|regulat\w*|budget|deadline|within \d+ (?:weeks|months)|must use|only (?:use|work)|licen[cs]\w*)\b/i.test(sentence)) {
      constraints.push(`Stated: ${quote(sentence, 220)}.`);
    }
  }
  if (facts.personalData.length) constraints.push(`${facts.name} processes personal data (${joinList(facts.personalData)}); privacy law such as the GDPR applies.`);
  if (facts.platforms.some((p) => p === 'iOS' || p === 'Android' || p === 'mobile')) constraints.push('Mobile releases pass App Store and Google Play review, which adds days to every release.');
  if (facts.cues.payments) constraints.push('Card data is never stored by the system; payments go through a PCI DSS compliant provider.');
  constraints.push(`The first release is built by a small team: requirements marked Could are deferred when time runs short.`);
  return unique(constraints).slice(0, 12);
}

function assumptionsOf(facts: ProjectFacts): string[] {
  const assumptions: string[] = [];
  for (const { question, answer } of facts.answers.slice(0, 5)) assumptions.push(`As answered by the author to ${quote(question, 120)}: ${quote(answer, 200)}.`);
  const group = primaryGroup(facts);
  if (!facts.platformStated) assumptions.push(`${capitalize(group)} use ${facts.name} from a browser on phone or desktop.`);
  if (!facts.scale) assumptions.push(`Up to a few thousand ${group} in the first year; section 3.3 sizes for that.`);
  else assumptions.push(`The scale the inputs mention holds: ${facts.scale}.`);
  if (facts.groups.length === 0) assumptions.push('The users are people who manage this today by hand; this needs confirming.');
  assumptions.push(`${capitalize(group)} have an email address or phone number to sign in with.`);
  return unique(assumptions).slice(0, 12);
}

function dependenciesOf(facts: ProjectFacts): string[] {
  const dependencies = facts.integrations.map((name) => `${name}: its API, availability and terms of use.`);
  if (facts.cues.payments) dependencies.push('A payment provider (for example Stripe) for charges, payouts and refunds.');
  if (facts.cues.notifications || facts.cues.marketplace) dependencies.push('An email delivery service for sign-in links and notifications.');
  if (facts.cues.location) dependencies.push('A maps and geocoding service for addresses and distances.');
  if (facts.cues.media) dependencies.push('Object storage for uploaded files and photos.');
  if (facts.cues.ai) dependencies.push('A language or prediction model provider for the automated suggestions.');
  return unique(dependencies).slice(0, 12);
}

function interfacesOf(facts: ProjectFacts): DocumentSrs['specificRequirements']['externalInterfaces'] {
  const interfaces: DocumentSrs['specificRequirements']['externalInterfaces'] = [];
  const screens = facts.analysis.actors.slice(0, 4).map((actor) => {
    const actions = facts.analysis.actions.filter((a) => a.actor === actor).map((a) => shortAction(a.action, 6));
    return actions.length ? `screens for ${asGroup(actor)} to ${joinList(actions.slice(0, 2))}` : `screens for ${asGroup(actor)}`;
  });
  interfaces.push({
    kind: 'user',
    description: `${screens.length ? capitalize(joinList(screens)) : `Screens to manage ${subjectOf(facts)}`}, on ${joinList(facts.platforms)}; every action confirms its result and every error says what to do.`,
  });
  interfaces.push({ kind: 'user', description: 'An administration area for accounts, support and moderation.' });
  for (const name of facts.integrations) interfaces.push({ kind: 'software', description: `${name}: exchange of the data ${facts.name} needs through its public API.` });
  if (facts.cues.payments) interfaces.push({ kind: 'software', description: 'Payment provider API for charges, refunds and payouts, with webhooks for their outcome.' });
  if (facts.cues.location) interfaces.push({ kind: 'software', description: 'Maps and geocoding API to turn addresses into places and distances.' });
  if (facts.platforms.some((p) => p === 'mobile' || p === 'iOS' || p === 'Android')) interfaces.push({ kind: 'hardware', description: 'Phone capabilities: push notifications' + (facts.cues.location ? ', location' : '') + (facts.cues.media ? ', camera' : '') + '.' });
  interfaces.push({ kind: 'communications', description: 'HTTPS (TLS 1.2 or later) for all traffic' + (facts.cues.notifications || facts.cues.marketplace ? '; email for sign-in links and notifications' : '') + (facts.cues.realtime ? '; WebSocket for live updates' : '') + '.' });
  return interfaces.slice(0, 16);
}

// ---------------------------------------------------------------------------------------------------------------
// Functional requirements

function functionalRequirements(facts: ProjectFacts): Functional[] {
  const drafts: Array<Omit<Functional, 'id'>> = [];
  const titles = new Set<string>();
  const add = (draft: Omit<Functional, 'id'>): void => {
    const key = draft.title.toLowerCase();
    if (titles.has(key) || drafts.length >= 40) return;
    titles.add(key);
    drafts.push(draft);
  };
  for (const action of facts.analysis.actions) {
    const sentence = facts.analysis.sentences[action.sentenceIndex] ?? '';
    const group = asGroup(action.actor);
    add({
      title: featureName(action.action),
      description: `The system shall allow ${group} to ${clause(action.action)}.`,
      priority: action.priority,
      origin: 'stated',
      acceptanceCriteria: actionCriteria(facts, action.actor, action.action, action.priority),
      sources: sourcesOf(facts, sentence),
    });
  }
  for (const requirement of uncoveredFunctional(facts)) {
    const capability = capabilityOf(requirement.text);
    if (!capability) continue;
    const actor = actorOfSentence(facts, requirement.text);
    add({
      title: featureName(capability),
      description: `The system shall support this stated need: ${quote(requirement.text, 300)}.`,
      priority: requirement.priority,
      origin: 'stated',
      acceptanceCriteria: actionCriteria(facts, actor ?? facts.analysis.actors[0], capability, requirement.priority),
      sources: requirement.sources,
    });
  }
  for (const entity of entitiesOf(facts)) {
    if (entity.attributes.length === 0) continue;
    const plural = pluralize(entity.name);
    add({
      title: `Manage ${plural}`,
      description: `The system shall let ${primaryGroup(facts)} create, view, change and archive ${plural}, each with ${joinList(entity.attributes.slice(0, 6))}.`,
      priority: 'should',
      origin: 'derived',
      acceptanceCriteria: [
        `${capitalize(withArticle(entity.name))} cannot be saved without ${entity.attributes[0]}; the form names the missing field.`,
        `A saved ${entity.name} shows ${joinList(entity.attributes.slice(0, 6))} again after a reload.`,
        `Every change to ${withArticle(entity.name)} keeps who made it and when.`,
      ],
      sources: sourcesOf(facts, sentenceMentioning(facts, entity.name) ?? ''),
    });
  }
  for (const topic of facts.topics) {
    if (drafts.length >= 3) break;
    const plural = isPluralPhrase(topic);
    add({
      title: plural ? `Keep ${topic} in one place` : `Keep the ${topic} in one place`,
      description: plural
        ? `The system shall keep ${topic} in one place where ${primaryGroup(facts)} can find, add and update them.`
        : `The system shall keep the ${topic} in one place where ${primaryGroup(facts)} can find, add and update its entries.`,
      priority: drafts.length === 0 ? 'must' : 'could',
      origin: 'derived',
      acceptanceCriteria: plural
        ? [`A new entry in ${topic} can be added and found again by a word it contains.`, `${capitalize(topic)} are listed newest first.`]
        : [`A new entry in the ${topic} can be added and found again by a word it contains.`, 'Entries are listed newest first.'],
      sources: sourcesOf(facts, sentenceMentioning(facts, topic) ?? ''),
    });
  }
  if (drafts.length === 0) {
    add({
      title: `${facts.name} core workflow`,
      description: `The system shall support the workflow the idea describes: ${quote(facts.idea, 300)}.`,
      priority: 'must',
      origin: 'stated',
      acceptanceCriteria: [`A user can complete the workflow the idea describes from start to end.`, 'The result is saved and shown again after a reload.'],
      sources: ['idea'],
    });
  }
  add({
    title: 'Accounts and sign-in',
    description: `The system shall let ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'} create an account, sign in and out, and reset a forgotten password.`,
    priority: 'must',
    origin: 'derived',
    acceptanceCriteria: ['A new user can sign up with an email address and sign in right away.', 'A forgotten password can be reset through a link sent by email.', `Each ${facts.groups.length > 1 ? 'user class' : 'user'} sees only what their role allows.`],
    sources: [],
  });
  if (!drafts.some((d) => d.priority === 'must') && drafts[0]) drafts[0] = { ...drafts[0], priority: 'must' };
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => priorityOrder[a.draft.priority] - priorityOrder[b.draft.priority] || a.index - b.index)
    .map(({ draft }, index) => ({ id: `FR-${index + 1}`, ...draft }));
}

const READ_VERBS = /^(?:see|view|browse|find|search|compare|check|read|look|track|follow|discover|watch|know)\b/i;

function actionCriteria(facts: ProjectFacts, actor: string | undefined, action: string, level: Priority): string[] {
  const who = actor ? singularPhrase(asGroup(actor)) : singularPhrase(primaryGroup(facts));
  const act = clause(shortAction(action, 12));
  const reads = READ_VERBS.test(act);
  const criteria = [
    reads
      ? `Given a signed-in ${who}, when they ${act}, then ${facts.name} shows the result within 2 seconds.`
      : `Given a signed-in ${who}, when they ${act}, then ${facts.name} saves the result and confirms it on screen.`,
  ];
  const mentioned = facts.analysis.actors.find((other) => other !== actor && mentions(action, singularPhrase(asGroup(other)).split(' ').at(-1) ?? other));
  if (mentioned && !reads) criteria.push(`The ${asGroup(mentioned)} concerned are notified and see it in their own list.`);
  const entity = entitiesOf(facts).find((e) => mentions(action, e.name));
  if (entity?.attributes.length) criteria.push(`Each ${entity.name} involved shows ${joinList(entity.attributes.slice(0, 4))}.`);
  if (reads) criteria.push(`Only what the ${who} is allowed to see is shown.`);
  else if (level === 'must') criteria.push('When required information is missing, nothing is saved and the message names the missing field.');
  else criteria.push(`A ${who} can do this in a few steps from their start screen, without help.`);
  return criteria;
}

function sourcesOf(facts: ProjectFacts, sentence: string): string[] {
  if (!sentence) return [];
  const passage = passageOf(facts, sentence);
  return passage ? [passage.id] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Non-functional requirements

function nonFunctionalRequirements(facts: ProjectFacts): NonFunctional[] {
  const drafts: Array<Omit<NonFunctional, 'id'>> = [];
  for (const requirement of facts.requirements) {
    if (requirement.kind !== 'non-functional' || drafts.length >= 20) continue;
    const category = qualityCategory(requirement.text);
    drafts.push({
      category,
      description: `The system shall meet this stated ${category} requirement: ${quote(requirement.text, 300)}.`,
      measure: measureOf(requirement.text, category),
      priority: requirement.priority,
      origin: 'stated',
      sources: requirement.sources,
    });
  }
  const stated = new Set(drafts.map((d) => d.category));
  for (const baseline of baselineQualities(facts)) if (!stated.has(baseline.category)) drafts.push(baseline);
  return drafts.slice(0, 40).map((draft, index) => ({ id: `NFR-${index + 1}`, ...draft }));
}

function measureOf(text: string, category: NfrCategory): string {
  const number = /(\d[\d.,]*\s*(?:%|ms|milliseconds?|seconds?|minutes?|hours?|days?|users?|requests?))/i.exec(text)?.[1];
  if (number) return `Measured against the stated figure (${number.trim()}) in testing and in production monitoring.`;
  const byCategory: Record<NfrCategory, string> = {
    performance: 'Response times measured at the 95th percentile in load tests and in production.',
    security: 'Verified by a security review and a penetration test before launch.',
    privacy: 'Verified by a data protection review of what is collected, why and for how long.',
    availability: 'Monthly uptime from external monitoring.',
    scalability: 'Load test at twice the expected peak.',
    usability: 'Moderated usability tests with five people from the target users.',
    accessibility: 'Automated checks plus a manual WCAG 2.1 AA review.',
    maintainability: 'Code review and automated test coverage of the requirement.',
    portability: 'Tested on every platform of section 2.4.',
    localization: 'Reviewed by a native speaker of each language.',
    compliance: 'Verified against the named standard by its checklist or an auditor.',
  };
  return byCategory[category];
}

function baselineQualities(facts: ProjectFacts): Array<Omit<NonFunctional, 'id'>> {
  const group = primaryGroup(facts);
  const subject = subjectOf(facts);
  const entities = entitiesOf(facts).map((e) => pluralize(e.name));
  const firstAction = facts.analysis.actions[0];
  const qualities: Array<Omit<NonFunctional, 'id'>> = [
    {
      category: 'performance',
      description: `Pages that list or search ${subject} shall respond within 1 second, and every screen shall load within 2 seconds on a 4G connection.`,
      measure: 'Response times measured at the 95th percentile in load tests and in production.',
      priority: 'should',
      origin: 'assumed',
      sources: [],
    },
    {
      category: 'security',
      description: `Every ${singularPhrase(group)} shall sign in to use ${facts.name}; each user shall only see and change ${entities.length ? joinList(entities.slice(0, 3)) : 'data'} their role allows; passwords shall be stored hashed and all traffic encrypted with TLS.`,
      measure: 'Verified by a security review and a penetration test before launch.',
      priority: 'must',
      origin: 'assumed',
      sources: [],
    },
    {
      category: 'privacy',
      description: `Personal data of ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'}${facts.personalData.length ? ` (${joinList(facts.personalData)})` : ''} shall be collected only where a function needs it, be exportable and deletable on request, and kept no longer than the documented retention period.`,
      measure: 'Verified by a data protection review of what is collected, why and for how long.',
      priority: facts.personalData.length ? 'must' : 'should',
      origin: 'assumed',
      sources: [],
    },
    {
      category: 'availability',
      description: `${facts.name} shall be available 99.5% of each month outside announced maintenance; data shall be backed up daily and a restore tested every quarter.`,
      measure: 'Monthly uptime from external monitoring; restore drill reports.',
      priority: 'should',
      origin: 'assumed',
      sources: [],
    },
    {
      category: 'usability',
      description: firstAction
        ? `A first-time ${singularPhrase(asGroup(firstAction.actor))} shall be able to ${clause(shortAction(firstAction.action, 10))} without help within 5 minutes of signing up.`
        : `A first-time user shall be able to complete the main task with ${subject} without help within 5 minutes of signing up.`,
      measure: 'Moderated usability tests with five people from the target users.',
      priority: 'should',
      origin: 'assumed',
      sources: [],
    },
    {
      category: 'accessibility',
      description: `The screens for ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'} shall meet WCAG 2.1 level AA: keyboard use, sufficient contrast and labels for screen readers.`,
      measure: 'Automated checks plus a manual WCAG 2.1 AA review.',
      priority: 'should',
      origin: 'assumed',
      sources: [],
    },
  ];
  if (facts.scale) {
    qualities.push({
      category: 'scalability',
      description: `The system shall handle the scale the inputs mention (${facts.scale}) while meeting the performance requirements.`,
      measure: 'Load test at twice the expected peak.',
      priority: 'should',
      origin: 'derived',
      sources: sourcesOf(facts, sentenceMentioning(facts, facts.scale.split(' ').at(-1) ?? '') ?? ''),
    });
  }
  return qualities;
}

// ---------------------------------------------------------------------------------------------------------------
// Data, glossary, open issues

function dataRequirements(facts: ProjectFacts): DocumentSrs['specificRequirements']['dataRequirements'] {
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

function glossaryOf(facts: ProjectFacts): DocumentSrs['appendices']['glossary'] {
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

function openIssuesOf(facts: ProjectFacts, nonFunctional: NonFunctional[]): string[] {
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

// ---------------------------------------------------------------------------------------------------------------
// Markdown

export function renderSrs(srs: DocumentSrs, options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  const { introduction: intro, overallDescription: overall, specificRequirements: specific, appendices } = srs;
  md.heading(1, srs.title);
  md.heading(2, '1 Introduction');
  md.heading(3, '1.1 Purpose').paragraph(intro.purpose);
  md.heading(3, '1.2 Scope').paragraph(intro.scope);
  md.heading(3, '1.3 Definitions, acronyms and abbreviations').table(['Term', 'Definition'], intro.definitions.map((d) => [d.term, d.definition]), 'None.');
  md.heading(3, '1.4 References').bullets(intro.references, 'None.');
  md.heading(3, '1.5 Overview').paragraph(intro.overview);
  md.heading(2, '2 Overall description');
  md.heading(3, '2.1 Product perspective').paragraph(overall.productPerspective);
  md.heading(3, '2.2 Product functions').bullets(overall.productFunctions);
  md.heading(3, '2.3 User classes and characteristics');
  for (const userClass of overall.userClasses) md.heading(4, userClass.name).paragraph(userClass.description).bullets(userClass.characteristics);
  md.heading(3, '2.4 Operating environment').bullets(overall.operatingEnvironment);
  md.heading(3, '2.5 Design and implementation constraints').bullets(overall.constraints);
  md.heading(3, '2.6 Assumptions and dependencies');
  md.paragraph('Assumptions:').bullets(overall.assumptions);
  md.paragraph('Dependencies:').bullets(overall.dependencies, 'No outside systems are needed.');
  md.heading(2, '3 Specific requirements');
  md.heading(3, '3.1 External interface requirements');
  const kinds = ['user', 'software', 'hardware', 'communications'] as const;
  for (const kind of kinds) {
    const items = specific.externalInterfaces.filter((i) => i.kind === kind).map((i) => i.description);
    if (items.length) md.paragraph(`${capitalize(kind)} interfaces:`).bullets(items);
  }
  md.heading(3, '3.2 Functional requirements');
  md.table(['ID', 'Requirement', 'Priority'], specific.functional.map((fr) => [fr.id, fr.title, priorityWord[fr.priority]]));
  for (const fr of specific.functional) {
    md.heading(4, `${fr.id} ${fr.title}`);
    md.paragraph(fr.description);
    md.fields([['Priority', priorityWord[fr.priority]], ['Basis', fr.origin], ['Source', sourceText(fr.sources, options)]]);
    md.paragraph('Acceptance criteria:').bullets(fr.acceptanceCriteria);
  }
  md.heading(3, '3.3 Non-functional requirements');
  md.table(['ID', 'Category', 'Priority', 'Basis'], specific.nonFunctional.map((n) => [n.id, capitalize(n.category), priorityWord[n.priority], n.origin]));
  for (const nfr of specific.nonFunctional) {
    md.heading(4, `${nfr.id} ${capitalize(nfr.category)}`);
    md.paragraph(nfr.description);
    md.fields([['Measure', nfr.measure], ['Priority', priorityWord[nfr.priority]], ['Basis', nfr.origin], ['Source', sourceText(nfr.sources, options)]]);
  }
  md.heading(3, '3.4 Data requirements');
  md.table(['Entity', 'Description', 'Attributes'], specific.dataRequirements.map((d) => [d.entity, d.description, d.attributes.join(', ')]), 'No data requirements are stated.');
  md.heading(2, 'Appendix A Glossary').table(['Term', 'Meaning'], appendices.glossary.map((g) => [g.term, g.definition]), 'No terms.');
  md.heading(2, 'Appendix B Open issues').numbered(appendices.openIssues, 'None.');
  return md.toString();
}
