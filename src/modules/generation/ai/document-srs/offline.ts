import { capitalize, joinList, pluralize } from '../../../../core/text/index.js';
import { asGroup } from '../../../projects/index.js';
import {
  acronymMeaning,
  entitiesOf,
  primaryGroup,
  productKind,
  quote,
  sentenceMentioning,
  shortAction,
  subjectOf,
  unique,
  withArticle,
  type ProjectFacts,
} from '../document-writer/index.js';
import { dataRequirements, glossaryOf, openIssuesOf } from './data-and-glossary.js';
import { functionalRequirements } from './functional-requirements.js';
import { nonFunctionalRequirements } from './quality-requirements.js';
import type { DocumentSrs, Functional } from './schema.js';

// The offline SRS (IEEE 830 / ISO 29148 outline): introduction and overall description here; the specific
// requirements in functional-requirements.ts, quality-requirements.ts and data-and-glossary.ts.

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
