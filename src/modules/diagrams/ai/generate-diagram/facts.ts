import { capitalize, tokenize } from '../../../../core/text/index.js';
import { splitMarkdownSections } from '../../../../shared/markdown-sections.js';
import { analyzeText, asGroup } from '../../../projects/index.js';
import { asciiLabel, norm, pascal, safeLabel, uniqueBy } from './labels.js';

/**
 * The facts a diagram is drawn from. They come from the document's structure when it is a specification (user
 * classes, FR-n requirements, the data requirements table, numbered flow steps) and from the idea analysis
 * otherwise (actors, their actions, entities with attributes).
 */

export type DiagramSource = {
  projectName: string;
  /** The source document's (or the project description's) text, Markdown or prose. */
  text: string;
  /** The project description, used when the text says little. */
  description?: string | undefined;
  instructions?: string | undefined;
  /** First day of a Gantt chart, YYYY-MM-DD. */
  startDate?: string | undefined;
};

export type UseCase = { title: string; actors: string[]; priority: 'must' | 'should' | 'could' };
export type DataEntity = { name: string; attributes: string[] };

export type DiagramFacts = {
  name: string;
  actors: string[];
  useCases: UseCase[];
  entities: DataEntity[];
  /** Steps of a flow in order: numbered steps of a flow section, else the use cases. */
  steps: Array<{ actor: string; action: string }>;
  notifies: boolean;
};

const MAX_ACTORS = 5;
const MAX_USE_CASES = 8;
const MAX_ENTITIES = 6;
const MAX_ATTRIBUTES = 6;
const MAX_STEPS = 7;

type Section = { heading: string; level: number; body: string };

/** The document's sections (search's own splitter, so code fences and closing #s are read the same way). */
function sectionsOf(markdown: string): Section[] {
  return splitMarkdownSections(markdown).map((section) => ({ heading: section.heading ?? '', level: section.level, body: section.bodyMd }));
}

/** The rows of the Markdown tables in a text, as cells. */
function tableRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|[\s:|-]+\|\s*$/.test(line))
    .map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}

/** "The system shall allow coordinators to approve each shift swap" → coordinators. */
function actorInSentence(sentence: string, actors: readonly string[]): string[] {
  const words = norm(sentence);
  return actors.filter((actor) => {
    const key = norm(actor);
    return key !== '' && ` ${words} `.includes(` ${key} `);
  });
}

function specificationFacts(text: string): Pick<DiagramFacts, 'actors' | 'useCases' | 'entities' | 'steps'> {
  const sections = sectionsOf(text);
  const actors: string[] = [];
  const useCases: UseCase[] = [];
  const entities: DataEntity[] = [];
  const steps: Array<{ actor: string; action: string }> = [];
  let inUserClasses = false;
  let userClassLevel = 0;
  for (const section of sections) {
    if (/user classes|actors|personas|stakeholders|user roles/i.test(section.heading)) {
      inUserClasses = true;
      userClassLevel = section.level;
      continue;
    }
    if (inUserClasses && section.level > userClassLevel) {
      actors.push(section.heading);
      continue;
    }
    inUserClasses = false;
    const requirement = /^(?:FR|UC|US)-?\d+[\s.:)-]+(.+)$/i.exec(section.heading);
    if (requirement) {
      const body = section.body;
      const priority = /\bMust\b/.test(body) ? 'must' : /\bCould\b/.test(body) ? 'could' : 'should';
      useCases.push({ title: requirement[1]!.trim(), actors: actorInSentence(body.split(/\n\n/)[0] ?? body, actors), priority });
      continue;
    }
    if (/data requirements|data model|entities|domain model/i.test(section.heading)) {
      const rows = tableRows(section.body);
      const header = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
      const nameAt = header.findIndex((cell) => /entity|name|table/.test(cell));
      const attributesAt = header.findIndex((cell) => /attribute|field|column/.test(cell));
      if (nameAt >= 0) {
        for (const row of rows.slice(1)) {
          const name = row[nameAt] ?? '';
          const attributes = attributesAt >= 0 ? (row[attributesAt] ?? '').replace(/\([^)]*\)/g, '').split(/,|;| and /).map((a) => a.trim()) : [];
          entities.push({ name, attributes: attributes.filter((a) => a !== '') });
        }
      }
    }
    if (/flow|process|scenario|steps|journey|workflow|procedure/i.test(section.heading)) {
      for (const line of section.body.split(/\r?\n/)) {
        const step = /^\s*\d+[.)]\s+(.+)$/.exec(line);
        if (step) steps.push({ actor: actorInSentence(step[1]!, actors)[0] ?? '', action: step[1]!.replace(/\*\*|__|`/g, '').trim() });
      }
    }
  }
  // FR tables without FR headings: | FR-1 | Approve each shift swap | Must |
  if (useCases.length === 0) {
    for (const row of tableRows(text)) {
      if (/^N?FR-\d+$/i.test(row[0] ?? '') && !/^NFR/i.test(row[0] ?? '') && row[1]) {
        useCases.push({ title: row[1], actors: [], priority: /must/i.test(row[2] ?? '') ? 'must' : 'should' });
      }
    }
  }
  return { actors, useCases, entities, steps };
}

/** The facts a diagram is drawn from. */
export function diagramFacts(source: DiagramSource): DiagramFacts {
  const text = `${source.text}\n\n${source.instructions ?? ''}`;
  const spec = specificationFacts(source.text);
  const analysis = analyzeText(`${source.text}\n\n${source.description ?? ''}`, { actors: 8, entities: 10, requirements: 40 });

  let actors = spec.actors.length ? spec.actors : analysis.actors.map((actor) => capitalize(asGroup(actor.replace(/^signed-in /i, ''))));
  actors = uniqueBy(actors.map((a) => safeLabel(a, 40, '')), norm).slice(0, MAX_ACTORS);
  if (actors.length === 0) actors = ['Users'];

  let useCases: UseCase[] = spec.useCases.map((uc) => ({ ...uc, actors: uc.actors.length ? uc.actors : [actors[0]!] }));
  if (useCases.length === 0) {
    useCases = analysis.actions
      .filter((action) => tokenize(action.action).length >= 2)
      .map((action) => {
        const actor = actors.find((a) => norm(a).includes(norm(action.actor.replace(/^signed-in /i, '')))) ?? actors[0]!;
        return { title: capitalize(action.action), actors: [actor], priority: action.priority };
      });
  }
  if (useCases.length === 0) {
    useCases = analysis.requirements
      .filter((r) => r.kind === 'functional')
      .map((r) => ({ title: r.text, actors: [actorInSentence(r.text, actors)[0] ?? actors[0]!], priority: r.priority }));
  }
  useCases = uniqueBy(
    useCases.map((uc) => ({ ...uc, title: safeLabel(uc.title, 48, '') })),
    (uc) => norm(uc.title),
  ).slice(0, MAX_USE_CASES);
  if (useCases.length === 0) useCases = [{ title: `Use ${safeLabel(source.projectName, 40, 'the product')}`, actors: [actors[0]!], priority: 'must' }];

  const candidates = spec.entities.length ? spec.entities : analysis.entities.filter((e) => !actors.some((a) => norm(a) === norm(asGroup(e.name))));
  let entities = uniqueBy(
    candidates.map((e) => ({
      name: capitalize(safeLabel(e.name, 32, '')),
      attributes: uniqueBy(e.attributes.map((a) => asciiLabel(a, 30, '').toLowerCase()), (a) => a).slice(0, MAX_ATTRIBUTES),
    })),
    (e) => pascal(e.name, ''),
  ).slice(0, MAX_ENTITIES);
  if (entities.length === 0) entities = [{ name: 'Record', attributes: ['title', 'created at'] }];

  const steps = (spec.steps.length ? spec.steps : useCases.map((uc) => ({ actor: uc.actors[0] ?? actors[0]!, action: uc.title })))
    .map((s) => ({ actor: s.actor || actors[0]!, action: safeLabel(s.action, 48) }))
    .slice(0, MAX_STEPS);
  return {
    name: safeLabel(source.projectName, 40, 'The product'),
    actors,
    useCases,
    entities,
    steps,
    notifies: /\b(remind|notif|email|e-mail|sms|alert|message)/i.test(text),
  };
}
