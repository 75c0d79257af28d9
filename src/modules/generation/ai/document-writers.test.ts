import { describe, expect, it } from 'vitest';
import { documentMarketingTask, renderMarketing } from './document-marketing/index.js';
import { documentOverviewTask, renderOverview } from './document-overview/index.js';
import { documentPrdTask, renderPrd } from './document-prd/index.js';
import { thirdPerson } from './document-prd/user-stories.js';
import { documentSrsTask, renderSrs } from './document-srs/index.js';
import { documentTasksTask, renderTasks } from './document-tasks/index.js';
import { documentTechTask, renderTech } from './document-tech/index.js';
import { attributeType } from './document-tech/offline.js';
import { documentTaskInput, MarkdownWriter, passagesOf, projectFacts, type DocumentTaskInput } from './document-writer/index.js';

const dogWalking: DocumentTaskInput = documentTaskInput.parse({
  projectName: 'PawTrail',
  idea:
    'A marketplace where dog owners book trusted walkers nearby. Owners must see reviews before they book; walkers ' +
    'should get paid weekly. Each walk has a date, a duration and a price. The app must load in under 2 seconds. ' +
    'Dog owners waste hours finding someone reliable.',
  answers: [
    { question: 'Where will dog owners use it?', answer: 'On their phones, iOS and Android. We expect 2000 dog owners in Berlin in the first year.' },
    { question: 'How will you measure success?', answer: '' },
  ],
});

const timeTracking: DocumentTaskInput = documentTaskInput.parse({
  projectName: 'Billable',
  idea: 'Consultants log time entries against client projects. Each time entry has a date, hours and a description. Managers approve timesheets every Friday. The app must be GDPR compliant.',
});

const all = [
  { name: 'srs', task: documentSrsTask, render: renderSrs },
  { name: 'prd', task: documentPrdTask, render: renderPrd },
  { name: 'overview', task: documentOverviewTask, render: renderOverview },
  { name: 'marketing', task: documentMarketingTask, render: renderMarketing },
  { name: 'tech', task: documentTechTask, render: renderTech },
  { name: 'tasks', task: documentTasksTask, render: renderTasks },
] as const;

function markdownOf(entry: (typeof all)[number], input: DocumentTaskInput): string {
  const output = entry.task.builtin(input, {});
  entry.task.output.parse(output);
  const labels = new Map(passagesOf(input).map((p) => [p.id, p.label]));
  return (entry.render as (o: unknown, options: { labelOf: (id: string) => string | undefined }) => string)(output, { labelOf: (id) => labels.get(id) });
}

describe('offline documents (specific to the idea)', () => {
  for (const entry of all) {
    it(`${entry.name}: the idea's own terms run through the document`, () => {
      const dog = markdownOf(entry, dogWalking);
      expect(dog).toContain('PawTrail');
      expect(dog).toMatch(/dog owners?/i);
      expect(dog).toMatch(/walkers?|walks?/i);
      expect(dog).not.toMatch(/lorem|ipsum|TODO|TBD|\{\{|undefined/i);
      const time = markdownOf(entry, timeTracking);
      expect(time).toContain('Billable');
      expect(time).toMatch(/consultants?|time entr(?:y|ies)|timesheets?/i);
      // Two ideas, two different documents.
      expect(time).not.toContain('PawTrail');
      expect(dog).not.toMatch(/consultant/i);
    });
  }

  it('srs: follows the IEEE 830 / ISO 29148 outline with numbered FR and NFR', () => {
    const md = markdownOf(all[0], dogWalking);
    for (const heading of [
      '## 1 Introduction',
      '### 1.1 Purpose',
      '### 1.2 Scope',
      '### 1.3 Definitions, acronyms and abbreviations',
      '### 1.4 References',
      '### 1.5 Overview',
      '## 2 Overall description',
      '### 2.1 Product perspective',
      '### 2.2 Product functions',
      '### 2.3 User classes and characteristics',
      '### 2.4 Operating environment',
      '### 2.5 Design and implementation constraints',
      '### 2.6 Assumptions and dependencies',
      '## 3 Specific requirements',
      '### 3.1 External interface requirements',
      '### 3.2 Functional requirements',
      '### 3.3 Non-functional requirements',
      '### 3.4 Data requirements',
      '## Appendix A Glossary',
      '## Appendix B Open issues',
    ]) {
      expect(md).toContain(`${heading}\n`);
    }
    expect(md).toMatch(/^#### FR-1 /m);
    expect(md).toMatch(/^#### FR-2 /m);
    expect(md).toMatch(/^#### NFR-1 /m);
    const srs = documentSrsTask.builtin(dogWalking, {});
    const fr = srs.specificRequirements.functional;
    expect(fr.map((r) => r.id)).toEqual(fr.map((_, i) => `FR-${i + 1}`));
    expect(srs.specificRequirements.nonFunctional.map((r) => r.id)).toEqual(srs.specificRequirements.nonFunctional.map((_, i) => `NFR-${i + 1}`));
    expect(fr.some((r) => /book trusted walkers/i.test(r.description) && r.sources.includes('idea'))).toBe(true);
    expect(fr.every((r) => r.acceptanceCriteria.length > 0)).toBe(true);
    expect(srs.overallDescription.userClasses.map((c) => c.name)).toEqual(expect.arrayContaining(['Dog owners', 'Walkers']));
    expect(srs.specificRequirements.nonFunctional.find((n) => n.origin === 'stated')).toMatchObject({ category: 'performance', priority: 'must' });
    expect(srs.specificRequirements.dataRequirements[0]).toMatchObject({ entity: 'Walk', attributes: expect.arrayContaining(['date', 'duration', 'price']) });
    expect(srs.appendices.openIssues.join(' ')).toMatch(/How will you measure success/);
    expect(srs.overallDescription.assumptions.join(' ')).toMatch(/On their phones/);
    expect(srs.overallDescription.operatingEnvironment.join(' ')).toMatch(/iOS/);
  });

  it('srs: requirements of source documents are cited by their section ids', () => {
    const input = documentTaskInput.parse({
      ...dogWalking,
      sources: [
        {
          documentId: 'scope-1',
          type: 'scope_statement',
          title: 'Scope statement',
          sections: [{ id: 'scope-1#in-scope', heading: 'In scope', text: 'Walkers can set their availability for each week. Location data must be encrypted at rest.' }],
        },
      ],
    });
    const srs = documentSrsTask.builtin(input, {});
    const availability = srs.specificRequirements.functional.find((r) => /availability/i.test(r.description));
    expect(availability?.sources).toEqual(['scope-1#in-scope']);
    const encryption = srs.specificRequirements.nonFunctional.find((r) => /encrypted at rest/.test(r.description));
    expect(encryption).toMatchObject({ category: 'security', origin: 'stated', sources: ['scope-1#in-scope'] });
    expect(srs.introduction.references.join(' ')).toMatch(/Scope statement/);
    expect(markdownOf(all[0], input)).toContain('**Source:** Scope statement › In scope');
  });

  it('prd: user stories with acceptance criteria and a P0/P1/P2 requirement pool', () => {
    const prd = documentPrdTask.builtin(dogWalking, {});
    const md = markdownOf(all[1], dogWalking);
    expect(md).toMatch(/As a dog owner, I want to book trusted walkers nearby so that /);
    expect(prd.userStories[0]?.priority).toBe('P0');
    expect(prd.userStories.every((s) => s.acceptanceCriteria.length > 0)).toBe(true);
    expect(new Set(prd.requirements.map((r) => r.priority))).toEqual(new Set(['P0', 'P1', 'P2']));
    expect(prd.personas.map((p) => p.name)).toEqual(['Dog owners', 'Walkers']);
    expect(prd.personas[0]?.painPoints.join(' ')).toMatch(/waste hours/);
    for (const heading of ['## Goals', '## Non-goals', '## Users and personas', '## User stories', '## Requirement pool', '## Success metrics', '## Open questions']) expect(md).toContain(heading);
  });

  it('prd: what the product does on its own is the product’s requirement, not something its users do', () => {
    const input = documentTaskInput.parse({
      projectName: 'SwapPlot',
      idea: 'Allotment gardeners swap surplus vegetables with each other. The app must send pickup reminders and should show a map of plots.',
    });
    const prd = documentPrdTask.builtin(input, {});
    const descriptions = prd.requirements.map((r) => r.description);
    expect(descriptions).toContain('SwapPlot sends pickup reminders.');
    expect(descriptions).toContain('SwapPlot shows a map of plots.');
    expect(descriptions.join(' ')).not.toMatch(/gardeners can (?:send pickup reminders|show a map)/i);
    const reminders = prd.userStories.find((s) => s.want === 'SwapPlot to send pickup reminders');
    expect(reminders?.acceptanceCriteria[0]).toBe('Given I am a signed-in allotment gardener, when it is due, then SwapPlot sends pickup reminders without my asking.');
    const md = renderPrd(prd, {});
    expect(md).toMatch(/### US-\d+ Send pickup reminders/);
    expect(md).not.toMatch(/when I (?:send pickup reminders|show a map)/);
  });

  it('prd: puts a verb phrase in the third person', () => {
    expect(['send reminders', 'notify walkers', 'match owners', 'go live', 'have a map', 'push updates', 'show a map'].map(thirdPerson)).toEqual([
      'sends reminders',
      'notifies walkers',
      'matches owners',
      'goes live',
      'has a map',
      'pushes updates',
      'shows a map',
    ]);
  });

  it('tech and tasks: entities become typed tables and estimated tasks', () => {
    const tech = documentTechTask.builtin(timeTracking, {});
    const entry = tech.dataModel.find((e) => e.entity === 'Time entry');
    expect(entry?.attributes).toEqual(expect.arrayContaining([{ name: 'date', type: 'date' }, { name: 'hours', type: 'integer' }, { name: 'description', type: 'long text' }]));
    expect(attributeType('price')).toBe('decimal (money)');
    const plan = documentTasksTask.builtin(timeTracking, {});
    const tasks = plan.phases.flatMap((p) => p.tasks);
    expect(tasks.map((t) => t.id)).toEqual(tasks.map((_, i) => `T-${i + 1}`));
    expect(tasks.every((t) => t.estimateDays > 0 && t.description.length > 10)).toBe(true);
    expect(tasks.map((t) => t.title).join(' ')).toMatch(/time entries/i);
    const known = new Set(tasks.map((t) => t.id));
    expect(tasks.every((t) => t.dependsOn.every((d) => known.has(d)))).toBe(true);
  });

  it('reads the facts once: groups, entities, platform, scale and sourced requirements', () => {
    const facts = projectFacts(dogWalking);
    expect(facts.groups.slice(0, 2)).toEqual(['dog owners', 'walkers']);
    expect(facts.platformStated).toBe(true);
    expect(facts.scale).toBe('2000 dog owners');
    expect(facts.unanswered).toEqual(['How will you measure success?']);
    expect(facts.requirements.find((r) => r.kind === 'non-functional')).toMatchObject({ id: 'NFR-1', sources: ['idea'] });
  });

  it('writes Markdown that user text cannot break', () => {
    const md = new MarkdownWriter()
      .heading(2, '# Title')
      .paragraph('# not a heading', 'second')
      .bullets(['- nested', 'plain'])
      .table(['A', 'B'], [['x | y', 'line\nbreak']])
      .toString();
    expect(md).toContain('## # Title');
    expect(md).toContain('\\# not a heading second');
    expect(md).toContain('- \\- nested');
    expect(md).toContain('| x \\| y | line break |');
  });
});
