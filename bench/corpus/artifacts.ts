/**
 * The artifacts the offline engine draws from each corpus item's model — the six documents, the ER diagram and chat
 * answers to the item's facts — and the measures over them: key actions that became a requirement or a story, ER
 * diagram entity recall and precision, chat fidelity, and the texts the quality gate refuses after its repair.
 */
import { documentKinds, pipelineTypes } from '../../src/modules/generation/index.js';
import type { DocumentPrd } from '../../src/modules/generation/ai/document-prd/index.js';
import type { DocumentSrs } from '../../src/modules/generation/ai/document-srs/index.js';
import type { ProseField } from '../../src/core/text/quality/index.js';
import type { ProjectModel } from '../../src/modules/project-model/index.js';
import type { CorpusItem } from './corpus.js';
import type { MeasureResult } from './measures.js';
import { gateRefusals, keyActionCoverage, type DocumentsOfItem } from '../quality/documents.js';
import { statementsOf } from '../../src/modules/chat/index.js';
import { chatFidelity, erEntityMeasure, offlineErDiagram, type EntityMeasure, type FidelityMeasure } from '../quality/views.js';

export type ItemArtifacts = { item: CorpusItem; documents: DocumentsOfItem; er: EntityMeasure; chat: FidelityMeasure };

export function artifactsOf(item: CorpusItem, model: ProjectModel): ItemArtifacts {
  const input = { projectName: item.name, idea: item.idea, answers: item.answers, model };
  const outputs = new Map<string, unknown>();
  const prose: ProseField[] = [];
  const markdown: string[] = [];
  for (const type of ['srs', ...pipelineTypes.filter((t) => t !== 'srs')] as const) {
    const kind = documentKinds[type];
    const output = kind.task.builtin(input, {});
    outputs.set(type, output);
    prose.push(...(kind.task.prose?.(output) ?? []).map((field) => ({ ...field, path: `${type}.${field.path}` })));
    markdown.push(kind.render(output, {}));
  }
  const documents: DocumentsOfItem = {
    file: item.file,
    keyActions: item.expected.keyActions,
    srs: outputs.get('srs') as DocumentSrs,
    prd: outputs.get('prd') as DocumentPrd,
    prose,
    markdown,
  };
  return { item, documents, er: erEntityMeasure(offlineErDiagram(item.name, model), item.expected.entities), chat: chatFidelity(model, item.expected.facts, statementsOf(item.idea, item.answers)) };
}

function perItemTotal(name: string, items: ItemArtifacts[], pick: (a: ItemArtifacts) => [number, number]): MeasureResult {
  const perItem = new Map<string, number | undefined>();
  let hits = 0;
  let of = 0;
  for (const artifacts of items) {
    const [h, o] = pick(artifacts);
    perItem.set(artifacts.item.file, o === 0 ? undefined : h / o);
    hits += h;
    of += o;
  }
  return { name, perItem, total: of === 0 ? 0 : hits / of };
}

/** The artifact measures, in the order the benchmark prints them. The last is a count (target 0), not a ratio. */
export function artifactMeasures(items: ItemArtifacts[]): MeasureResult[] {
  return [
    perItemTotal('ER entity recall', items, ({ er, item }) => [er.found.length, item.expected.entities.length]),
    perItemTotal('ER entity precision', items, ({ er }) => [er.found.length === 0 && er.extra.length === 0 ? 0 : er.found.length, er.found.length + er.extra.length]),
    keyActionCoverage(items.map((a) => a.documents)),
    perItemTotal('chat fidelity', items, ({ chat }) => [chat.answered, chat.asked]),
    gateRefusals(items.map((a) => a.documents)),
  ];
}
