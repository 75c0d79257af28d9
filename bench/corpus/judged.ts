/**
 * Use cases as people judged them: for each corpus idea, readers who saw only the idea marked every use case the
 * engine proposed (at the time) as worth a requirement or not, and its actor as right or not. The measures count the
 * share judged sensible and the share with the right actor among the use cases a judgement still names; a use case the
 * engine now names differently has no judgement and is counted apart, so a change shows as judged use cases that went
 * away (often junk) or new ones nobody has judged yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Evaluated, MeasureResult } from './measures.js';

type Judgement = { file: string; useCase: string; actor: string; keep: boolean; actorOk: boolean; betterActor: string | null };

const JUDGEMENTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'judgements', 'use-cases.jsonl');

function loadJudgements(): Map<string, Judgement> {
  const judged = new Map<string, Judgement>();
  for (const line of fs.readFileSync(JUDGEMENTS, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const judgement = JSON.parse(line) as Judgement;
    judged.set(`${judgement.file}|${judgement.useCase}`, judgement);
  }
  return judged;
}

export type JudgedUseCases = { sensible: MeasureResult; rightActor: MeasureResult; judged: number; unjudged: number };

/** Sensible use cases and right actors among the judged ones, per item and in total; and how many went unjudged. */
export function judgedUseCases(items: Evaluated[]): JudgedUseCases {
  const judgements = loadJudgements();
  const sensible = new Map<string, number | undefined>();
  const rightActor = new Map<string, number | undefined>();
  let [judged, unjudged, kept, right] = [0, 0, 0, 0];
  for (const { item, model } of items) {
    const actorName = new Map(model.actors.map((actor) => [actor.id, actor.name]));
    let [itemJudged, itemKept, itemRight] = [0, 0, 0];
    for (const useCase of model.useCases) {
      const judgement = judgements.get(`${item.file}|${useCase.name}`);
      if (!judgement) {
        unjudged += 1;
        continue;
      }
      itemJudged += 1;
      if (judgement.keep) itemKept += 1;
      // The actor judged is the one named then; another actor now is right only when it is the one the reader gave.
      const actor = actorName.get(useCase.actor) ?? useCase.actor;
      const actorRight = actor === judgement.actor ? judgement.actorOk : judgement.betterActor?.toLowerCase() === actor.toLowerCase();
      if (actorRight) itemRight += 1;
    }
    sensible.set(item.file, itemJudged ? itemKept / itemJudged : undefined);
    rightActor.set(item.file, itemJudged ? itemRight / itemJudged : undefined);
    judged += itemJudged;
    kept += itemKept;
    right += itemRight;
  }
  return {
    sensible: { name: 'use cases judged sensible', perItem: sensible, total: judged ? kept / judged : 0 },
    rightActor: { name: 'use cases with the right actor', perItem: rightActor, total: judged ? right / judged : 0 },
    judged,
    unjudged,
  };
}
