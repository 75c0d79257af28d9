import { sentence } from '../../../../core/text/compose/index.js';
import { joinList, pluralize } from '../../../../core/text/index.js';
import type { ModelConstraint, ModelRule } from '../../../project-model/index.js';
import { acceptanceCriteria, actorPhrase, common, qualityCategory, requirementSentence, type ModelView, type NfrCategory } from '../document-writer/index.js';
import type { Functional, NonFunctional } from './schema.js';

// Section 3.2 and 3.3: a functional requirement per use case, non-functional requirements from the constraints and
// the rules, with their numbers.

export function functionalRequirements(view: ModelView): Functional[] {
  const drafts: Array<Omit<Functional, 'id'>> = view.useCases.slice(0, 58).map((useCase) => {
    const sources = view.sourceIds(useCase.sources);
    return {
      title: useCase.name,
      description: [requirementSentence(useCase, view), view.entity(useCase.entity)?.states.length ? statesSentence(view, useCase.entity) : ''].filter(Boolean).join(' '),
      priority: useCase.priority,
      origin: sources.length ? 'stated' : 'derived',
      acceptanceCriteria: acceptanceCriteria(useCase, view),
      sources,
    };
  });
  if (view.persons.length > 0 || drafts.length === 0) {
    drafts.push({
      title: 'Sign in',
      description: sentence('The system shall let each person sign in with their own account and see only what their role allows'),
      priority: 'must',
      origin: 'derived',
      acceptanceCriteria: [
        'Given a person with an account, when they sign in, then they see their own start page.',
        'Given a signed-in person, when they open a page their role does not allow, then the page is refused.',
      ],
      sources: [],
    });
  }
  return drafts.map((draft, index) => ({ id: `FR-${index + 1}`, ...draft }));
}

function statesSentence(view: ModelView, entityId: string | undefined): string {
  const entity = view.entity(entityId);
  if (!entity || entity.states.length === 0) return '';
  const states = entity.states.map((s) => `“${s}”`);
  return sentence(`Each ${common(entity.name)} moves through ${states.length === 1 ? 'the state' : 'the states'} ${joinList(states)}`);
}

const CONSTRAINT_CATEGORY: Partial<Record<ModelConstraint['category'], NfrCategory>> = {
  platform: 'portability',
  privacy: 'privacy',
  security: 'security',
  scale: 'scalability',
  performance: 'performance',
  compliance: 'compliance',
  accessibility: 'accessibility',
};

/** "1 week", "3 days": a rule's quantity as people say it. */
export function quantityText(rule: ModelRule): string | undefined {
  if (!rule.quantity) return undefined;
  const { value, unit } = rule.quantity;
  if (!unit) return String(value);
  return `${value} ${value === 1 ? unit : pluralize(unit)}`;
}

function measureOf(text: string, category: NfrCategory): string {
  const number = /(\d[\d.,]*\s*(?:%|ms|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|users?|requests?|people|members?))/i.exec(text)?.[1];
  if (number) return sentence(`Tested against the stated figure of ${number.trim()}`);
  const byCategory: Record<NfrCategory, string> = {
    performance: 'Response times measured at the 95th percentile in load tests.',
    security: 'Verified by a security review before launch.',
    privacy: 'Verified by a data protection review of what is collected and why.',
    availability: 'Monthly uptime from external monitoring.',
    scalability: 'A load test at twice the expected peak.',
    usability: 'Usability tests with five people from the target users.',
    accessibility: 'Automated checks and a manual WCAG 2.1 AA review.',
    maintainability: 'Code review and automated tests of the requirement.',
    portability: 'Tested on every platform the constraint names.',
    localization: 'Reviewed by a native speaker of each language.',
    compliance: 'Checked by a test of each case the statement covers.',
  };
  return byCategory[category];
}

export function nonFunctionalRequirements(view: ModelView): NonFunctional[] {
  const drafts: Array<Omit<NonFunctional, 'id'>> = [];
  for (const constraint of view.model.constraints) {
    const category = CONSTRAINT_CATEGORY[constraint.category] ?? qualityCategory(constraint.text, 'compliance');
    drafts.push({
      category,
      description: sentence(constraint.text),
      measure: measureOf(constraint.text, category),
      priority: 'must',
      origin: view.sourceIds(constraint.sources).length ? 'stated' : 'derived',
      sources: view.sourceIds(constraint.sources),
    });
  }
  for (const rule of view.model.rules) {
    const category = qualityCategory(rule.text, 'compliance');
    const quantity = quantityText(rule);
    drafts.push({
      category,
      description: sentence(rule.text),
      measure: quantity ? sentence(`Tested at the limit of ${quantity} and just past it`) : measureOf(rule.text, category),
      priority: rule.confirmed ? 'must' : 'should',
      origin: view.sourceIds(rule.sources).length ? 'stated' : 'derived',
      sources: view.sourceIds(rule.sources),
    });
  }
  const stated = new Set(drafts.map((d) => d.category));
  if (!stated.has('security')) {
    const people = view.persons.length ? view.persons.map((a) => actorPhrase(a, 'none', 'plural').text) : ['people'];
    drafts.push({
      category: 'security',
      description: sentence(`Only signed-in ${joinList(people)} shall reach the records, each within what their role allows, over encrypted connections`),
      measure: measureOf('', 'security'),
      priority: 'must',
      origin: 'assumed',
      sources: [],
    });
  }
  return drafts.slice(0, 40).map((draft, index) => ({ id: `NFR-${index + 1}`, ...draft }));
}
