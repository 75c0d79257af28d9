import { joinList, pluralize, singularPhrase } from '../../../../core/text/index.js';
import { asGroup } from '../../../projects/index.js';
import {
  clause,
  entitiesOf,
  primaryGroup,
  qualityCategory,
  quote,
  sentenceMentioning,
  shortAction,
  subjectOf,
  type NfrCategory,
  type ProjectFacts,
} from '../document-writer/index.js';
import { sourcesOf } from './functional-requirements.js';
import type { NonFunctional } from './schema.js';

// Non-functional requirements: the stated ones with a measure, then the baseline every product needs.

export function nonFunctionalRequirements(facts: ProjectFacts): NonFunctional[] {
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
