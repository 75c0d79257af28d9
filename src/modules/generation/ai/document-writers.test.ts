import { describe, expect, it } from 'vitest';
import { checkText, gateTexts } from '../../../core/text/quality/index.js';
import { emptyProjectModel } from '../../project-model/index.js';
import { CLINIC_IDEA, clinicModel, LIBRARY_IDEA, libraryModel } from '../../../../test/support/project-models.js';
import { documentMarketingTask, renderMarketing } from './document-marketing/index.js';
import { documentOverviewTask, renderOverview } from './document-overview/index.js';
import { documentPrdTask, renderPrd } from './document-prd/index.js';
import { documentSrsTask, renderSrs } from './document-srs/index.js';
import { documentTasksTask, renderTasks } from './document-tasks/index.js';
import { documentTechTask, renderTech } from './document-tech/index.js';
import { documentTaskInput, MarkdownWriter, passagesOf, type DocumentTaskInput } from './document-writer/index.js';

const library = documentTaskInput.parse({ ...LIBRARY_IDEA, model: libraryModel });
const clinic = documentTaskInput.parse({ ...CLINIC_IDEA, model: clinicModel });
const empty = documentTaskInput.parse({ projectName: 'Blank', idea: 'Something for people.', model: emptyProjectModel() });

const all = [
  { name: 'srs', task: documentSrsTask, render: renderSrs },
  { name: 'prd', task: documentPrdTask, render: renderPrd },
  { name: 'overview', task: documentOverviewTask, render: renderOverview },
  { name: 'marketing', task: documentMarketingTask, render: renderMarketing },
  { name: 'tech', task: documentTechTask, render: renderTech },
  { name: 'tasks', task: documentTasksTask, render: renderTasks },
] as const;

type Entry = (typeof all)[number];

function outputOf(entry: Entry, input: DocumentTaskInput): unknown {
  const output = entry.task.builtin(input, {});
  return entry.task.output.parse(output);
}

function markdownOf(entry: Entry, input: DocumentTaskInput): string {
  const labels = new Map(passagesOf(input).map((p) => [p.id, p.label]));
  return (entry.render as (o: unknown, options: { labelOf: (id: string) => string | undefined }) => string)(outputOf(entry, input), { labelOf: (id) => labels.get(id) });
}

describe('offline documents drawn from the project model', () => {
  for (const entry of all) {
    it(`${entry.name}: names the model's actors and entities, and two models give two documents`, () => {
      const lib = markdownOf(entry, library);
      expect(lib).toContain('ToolShare');
      expect(lib).toMatch(/members?/i);
      expect(lib).toMatch(/tools?|loans?/i);
      const care = markdownOf(entry, clinic);
      expect(care).toContain('CareDesk');
      expect(care).toMatch(/patients?|appointments?/i);
      expect(care).not.toMatch(/ToolShare|volunteer/i);
      expect(lib).not.toMatch(/patient|CareDesk/i);
    });

    it(`${entry.name}: passes the quality gate, field by field and as Markdown, for every model`, () => {
      for (const input of [library, clinic, empty]) {
        const output = outputOf(entry, input);
        const prose = (entry.task.prose as (o: unknown) => Parameters<typeof gateTexts>[0])(output);
        expect(prose.length).toBeGreaterThan(3);
        const gated = gateTexts(prose);
        expect(gated.failures, JSON.stringify(gated.failures)).toEqual([]);
        expect(gated.fields.filter((f) => f.repaired)).toEqual([]);
        expect(checkText(markdownOf(entry, input), 'markdown')).toEqual([]);
      }
    });

    it(`${entry.name}: a "mobile web app" constraint never becomes a native app`, () => {
      expect(markdownOf(entry, library)).not.toMatch(/app store review|\bios\b|android|react native|native mobile app|mobile app for/i);
    });
  }

  it('srs: a functional requirement per use case, composed, with Given/When/Then criteria', () => {
    const srs = documentSrsTask.builtin(library, {});
    const fr = srs.specificRequirements.functional;
    expect(fr.slice(0, 3).map((r) => `${r.id} ${r.title}`)).toEqual(['FR-1 Borrow a tool', 'FR-2 Record a return', 'FR-3 Send a due-date reminder']);
    expect(fr[0]?.description).toMatch(/^The system shall let a member borrow a tool\./);
    expect(fr[0]?.acceptanceCriteria[0]).toBe('Given a signed-in member, when the member picks a free tool, then the tool is on loan to the member for a week.');
    expect(fr[0]?.acceptanceCriteria[1]).toBe('In order, the member picks a free tool, then the volunteer checks the tool out, then the system sets the due date a week ahead.');
    expect(fr[1]?.acceptanceCriteria[0]).toBe('Given a signed-in volunteer, when they record a return, then the loan is closed and the tool is available again.');
    expect(fr[1]?.acceptanceCriteria).toContain('A loan lasts one week.');
    expect(fr[0]?.sources).toEqual(['idea']);
    expect(fr.map((r) => r.id)).toEqual(fr.map((_, i) => `FR-${i + 1}`));
  });

  it('srs: asks only for what a person fills in, never for what the product sets itself', () => {
    const withSystemFields = {
      ...libraryModel,
      entities: libraryModel.entities.map((entity) => ({
        ...entity,
        attributes: [
          { name: 'created at', type: 'datetime' as const, required: true },
          { name: 'status', type: 'enum' as const, required: true, values: ['open', 'closed'] },
          ...entity.attributes,
        ],
      })),
    };
    const srs = documentSrsTask.builtin(documentTaskInput.parse({ ...LIBRARY_IDEA, model: withSystemFields }), {});
    const criteria = srs.specificRequirements.functional.flatMap((r) => r.acceptanceCriteria).join('\n');
    expect(criteria).not.toMatch(/the (?:created at|status)\b.*is missing/);
  });

  it('srs: data per entity with typed attributes, NFRs from constraints and rules with their numbers, only the model’s open questions', () => {
    const srs = documentSrsTask.builtin(library, {});
    const loan = srs.specificRequirements.dataRequirements.find((d) => d.entity === 'Loan');
    expect(loan?.attributes).toEqual(expect.arrayContaining(['due date (date, required)', 'tool (reference to tool, required)']));
    expect(loan?.description).toMatch(/Its states are “open”, “returned” and “overdue”\./);
    const nfr = srs.specificRequirements.nonFunctional;
    expect(nfr.find((n) => /mobile web app/.test(n.description))).toMatchObject({ category: 'portability', origin: 'stated', sources: ['answer-1'] });
    expect(nfr.find((n) => n.description === 'A loan lasts one week.')?.measure).toMatch(/1 week/);
    expect(srs.appendices.openIssues).toEqual(['Who pays for lost tools?']);
    expect(srs.overallDescription.userClasses.map((c) => c.name)).toEqual(['Members', 'Volunteers']);
    expect(srs.overallDescription.dependencies.join(' ')).toMatch(/the email service/);
    const md = renderSrs(srs, {});
    for (const heading of ['## 1 Introduction', '### 2.3 User classes and characteristics', '### 3.2 Functional requirements', '### 3.4 Data requirements', '## Appendix A Glossary', '## Appendix B Open issues']) {
      expect(md).toContain(`${heading}\n`);
    }
  });

  it('prd: a story per person’s use case, metrics only as metrics', () => {
    const prd = documentPrdTask.builtin(library, {});
    const md = renderPrd(prd, {});
    expect(md).toContain('As a member, I want to borrow a tool so that the tool is on loan to the member for a week.');
    expect(md).toContain('As a volunteer, I want to record a return so that the loan is closed and the tool is available again.');
    expect(prd.userStories.map((s) => s.persona)).toEqual(['member', 'volunteer']);
    expect(prd.successMetrics).toEqual([{ metric: 'Share of tools returned on time', target: 'nine in ten within three months' }]);
    expect(prd.userStories.map((s) => s.want).join(' ')).not.toMatch(/returned on time|nine in ten/);
    expect(prd.openQuestions).toEqual(['Who pays for lost tools?']);
  });

  it('writes a team named without an article or a plural ("staff", "HR"), and a person with both', () => {
    const model = {
      ...libraryModel,
      actors: [...libraryModel.actors, { id: 'staff', name: 'Staff', kind: 'person' as const, description: '', needs: [], sources: [] }],
      useCases: libraryModel.useCases.map((useCase, index) => (index === 0
        ? { ...useCase, actor: 'staff', trigger: `Staff want to ${useCase.name.charAt(0).toLowerCase()}${useCase.name.slice(1)}.`, steps: useCase.steps.map((step) => ({ ...step, actor: 'staff' })) }
        : useCase)),
    };
    const input = documentTaskInput.parse({ ...LIBRARY_IDEA, model });
    // "staff" is read as many, so its verbs agree as with a plural.
    expect(documentSrsTask.builtin(input, {}).specificRequirements.functional[0]?.acceptanceCriteria[1]).toMatch(/^In order, staff pick a free tool, then staff check the tool out/);
    const documents = all.map((entry) => markdownOf(entry, input)).join('\n');
    expect(documents).toMatch(/shall let staff /);
    expect(documents).toMatch(/As staff, I want/);
    expect(documents).not.toMatch(/\ba staff\b|\bStaffs\b/i);
    expect(documents).toMatch(/As a volunteer, I want/);
    expect(documents).toMatch(/Given signed-in staff, when staff want to /);
  });

  it('instructions steer: the focused use case comes first and the summary names it', () => {
    const focused = documentTaskInput.parse({ ...LIBRARY_IDEA, model: libraryModel, instructions: 'Focus on returns' });
    const srs = documentSrsTask.builtin(focused, {});
    expect(srs.specificRequirements.functional[0]?.title).toBe('Record a return');
    expect(srs.introduction.purpose).toMatch(/gives most attention to “Record a return”/);
    expect(documentPrdTask.builtin(focused, {}).summary).toMatch(/“Record a return”/);
    expect(documentOverviewTask.builtin(focused, {}).keyFeatures[0]?.name).toBe('Record a return');
  });

  it('says what is not stated rather than invent it', () => {
    const srs = documentSrsTask.builtin(empty, {});
    expect(srs.appendices.openIssues).toEqual([]);
    expect(srs.overallDescription.operatingEnvironment).toEqual(['The platform is not stated yet.']);
    expect(srs.introduction.scope).toMatch(/not stated yet/);
    const prd = documentPrdTask.builtin(empty, {});
    expect(prd.successMetrics).toEqual([{ metric: 'How success is measured', target: 'Not stated yet' }]);
    expect(documentTechTask.builtin(empty, {}).architecture.rationale).toMatch(/platform is not stated yet/);
  });

  it('tech and tasks: the data model from entities and relationships, a task per use case', () => {
    const tech = documentTechTask.builtin(library, {});
    const loan = tech.dataModel.find((e) => e.entity === 'Loan');
    expect(loan?.attributes).toEqual(expect.arrayContaining([{ name: 'due_date', type: 'date' }, { name: 'tool', type: 'foreign key to tool' }, { name: 'state', type: 'enumeration (open, returned, overdue)' }]));
    expect(loan?.relations).toEqual(['Each loan lends one tool.']);
    expect(tech.integrations.map((i) => i.system)).toEqual(['Email service']);
    const plan = documentTasksTask.builtin(library, {});
    const tasks = plan.phases.flatMap((p) => p.tasks);
    expect(tasks.map((t) => t.id)).toEqual(tasks.map((_, i) => `T-${i + 1}`));
    expect(tasks.map((t) => t.title)).toEqual(expect.arrayContaining(['Borrow a tool', 'Record a return', 'Store loans']));
    const known = new Set(tasks.map((t) => t.id));
    expect(tasks.every((t) => t.dependsOn.every((d) => known.has(d)))).toBe(true);
  });

  it('tasks: never stores a record with its own word as the verb ("Keep stores")', () => {
    const entities = libraryModel.entities.map((entity, at) => (at === 0 ? { ...entity, name: 'Store' } : entity));
    const stores = documentTaskInput.parse({ ...LIBRARY_IDEA, model: { ...libraryModel, entities } });
    const markdown = markdownOf(all.find((entry) => entry.name === 'tasks') as Entry, stores);
    expect(checkText(markdown, 'markdown')).toEqual([]);
    expect(markdown).toContain('Keep stores');
  });

  it('tasks: a constraint is quoted as its own sentence, whatever punctuation ends it, and the task says when it is done', () => {
    const constraints = [{ id: 'c1', category: 'security' as const, text: 'Visitors sign in at the gate so we know who is on site (insurance rules!!)', sources: [{ kind: 'idea' as const }] }];
    const input = documentTaskInput.parse({ ...LIBRARY_IDEA, model: { ...libraryModel, constraints } });
    const task = documentTasksTask.builtin(input, {}).phases.flatMap((p) => p.tasks).find((t) => t.title === 'Meet the security constraint');
    expect(task?.description).toBe('Visitors sign in at the gate so we know who is on site (insurance rules!!). It is done when a test shows the product meets this security constraint.');
  });

  it('names an outside system called by an acronym as the writer does: "HMRC" bare, "the DVLA" with its article', () => {
    const systems = [
      { id: 'hmrc', name: 'HMRC', kind: 'system' as const, description: '', needs: [], sources: [{ kind: 'idea' as const, quote: 'Returns go to HMRC through our software.' }] },
      { id: 'dvla', name: 'DVLA', kind: 'system' as const, description: '', needs: [], sources: [{ kind: 'idea' as const, quote: 'We check licences with the DVLA.' }] },
    ];
    const input = documentTaskInput.parse({ ...LIBRARY_IDEA, model: { ...libraryModel, actors: [...libraryModel.actors.filter((a) => a.kind === 'person'), ...systems] } });
    const srs = markdownOf(all.find((entry) => entry.name === 'srs') as Entry, input);
    expect(srs).toContain('works with HMRC and the DVLA');
    expect(srs).not.toContain('the HMRC');
    const tech = documentTechTask.builtin(input, {});
    expect(tech.integrations.map((i) => i.approach)).toEqual([
      'The server calls HMRC from a background job and retries when it is unavailable.',
      'The server calls the DVLA from a background job and retries when it is unavailable.',
    ]);
  });

  it('the prompt of a configured model carries the project model', () => {
    for (const entry of all) {
      const prompt = entry.task.buildPrompt(library).prompt;
      expect(prompt).toContain('<project-model>');
      expect(prompt).toContain('"name":"Borrow a tool"');
    }
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
