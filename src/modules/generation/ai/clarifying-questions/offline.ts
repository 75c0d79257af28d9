import { joinList, pluralize, singularize, tokenize } from '../../../../core/text/index.js';
import { analyzeText, asGroup, isPersonNoun, isProblemStatement, topicsOf } from '../../../projects/index.js';
import type { ClarifyingQuestions, ClarifyingQuestionsInput } from './schema.js';

const PLATFORM_CUE =
  /\b(web|website|web app|browser|mobile|phone|smartphone|iphone|ios|android|desktop|mac|windows|linux|tablet|ipad|slack|teams|whatsapp|telegram|sms|e-?mail|chrome|extension|plugin|api|cli|watch|tv|kiosk)\b/i;
/** A number of people or things ("5000 nurses", "2k orders"), not a duration. */
const SCALE_CUE =
  /\b\d[\d,.]*\s*(?:k|m|thousand|million)?\s+(?!(?:seconds|minutes|hours|days|weeks|months|years|percent|times)\b)\p{L}+s\b|\b(?:hundreds|thousands|millions|dozens) of\b/iu;
const SUCCESS_CUE = /\b(success|succeed\w*|measure\w*|metrics?|kpis?|goals?|targets?|\d+ ?%|retention|revenue|conversion)\b/i;
const PAYMENT_CUE = /\b(pay|pays|paying|payments?|paid|price|prices|pricing|fees?|subscriptions?|checkout|commission|monetiz\w*|monetis\w*|charge|charges)\b/i;

/** Records that are themselves the money, so "per payment" would say nothing. */
const MONEY_RECORD = /^(?:payment|purchase|subscription|refund|fee|price|rate|commission|invoice|charge)$/;

type Question = { question: string; why: string };

/**
 * The offline questions: what the idea leaves open (its users, platform and scale, a success measure, who pays),
 * then what must be kept about its main record and what the first version must do, in the idea's own terms.
 */
export function askClarifyingQuestions({ idea }: ClarifyingQuestionsInput): ClarifyingQuestions {
  const analysis = analyzeText(idea, { keyTerms: 8, actors: 4, entities: 4, requirements: 20 });
  const topics = topicsOf(analysis);
  const topic = topics[0];
  const actions = analysis.actions.filter((a) => !isProblemStatement(analysis.sentences[a.sentenceIndex] ?? ''));
  const action = actions.find((a) => analysis.actors.includes(a.actor)) ?? actions[0];
  const primary = action && analysis.actors.includes(action.actor) ? action.actor : analysis.actors[0];
  const group = primary ? asGroup(primary) : undefined;
  const people = group ?? 'people';
  // A record about a thing reads better than one about a person ("each quiz", not "each child").
  const actorWords = new Set(analysis.actors.map((actor) => singularize(tokenize(actor).at(-1) ?? '')));
  const isPerson = (name: string): boolean => {
    const head = tokenize(name).at(-1) ?? '';
    return actorWords.has(singularize(head)) || isPersonNoun(head);
  };
  // "each rent" does not read: a thing named once in the singular is likely a mass noun, so prefer one named in the
  // plural, described with attributes, or implied by a verb ("lend" → loan).
  const countable = (name: string): boolean => {
    const key = tokenize(name).map(singularize).join(' ');
    const term = analysis.keyTerms.find((t) => tokenize(t.term).map(singularize).join(' ') === key);
    return term === undefined || term.count > 1 || singularize(tokenize(term.term).at(-1) ?? '') !== (tokenize(term.term).at(-1) ?? '');
  };
  const entity =
    analysis.entities.find((e) => !isPerson(e.name) && (e.attributes.length > 0 || countable(e.name))) ?? analysis.entities.find((e) => !isPerson(e.name)) ?? analysis.entities[0];
  const payer = actions.find((a) => /^(?:\S+ (?:and|or) )?pays?\b/i.test(a.action) && analysis.actors.includes(a.actor))?.actor;

  const gaps: Question[] = [];
  if (!group) {
    gaps.push({
      question: action
        ? `Who exactly are the ${asGroup(action.actor)} who ${action.action}: which roles or groups, and how do they do it today?`
        : `Who exactly will use this${topic ? ` for ${topic}` : ''}: which people or roles, and how do they manage today?`,
      why: 'The idea does not name its users, so features and priorities cannot yet be tied to anyone’s needs.',
    });
  }
  const hasPlatform = PLATFORM_CUE.test(idea);
  const hasScale = SCALE_CUE.test(idea);
  if (!hasPlatform) {
    gaps.push({
      question: `Where will ${people} use it: on a phone, in a web browser, or inside a tool they already use${hasScale ? '' : `, and roughly how many ${people} do you expect in the first year`}?`,
      why: `${hasScale ? 'The platform decides' : 'Platform and scale decide'} the architecture and how much a first release can cover; the idea does not say.`,
    });
  } else if (!hasScale) {
    gaps.push({
      question: `How many ${people} do you expect in the first year, and how often will they use it?`,
      why: 'Expected volume decides hosting, cost and which parts must be automated from day one.',
    });
  }
  if (!SUCCESS_CUE.test(idea)) {
    gaps.push({
      question: `What would show that it works for ${people}: which number should change${action ? ` (for example how often ${asGroup(action.actor)} ${action.action})` : ''}, and by how much, in the first three months?`,
      why: 'Without a success measure there is no way to tell whether the first release solved the problem.',
    });
  }
  if (PAYMENT_CUE.test(idea)) {
    gaps.push({
      question: `Who pays, and how: ${payer ? asGroup(payer) : people} per ${entity && !MONEY_RECORD.test(entity.name) ? entity.name : 'use'}, a subscription, or a commission on each transaction?`,
      why: 'The business model decides which payment, invoicing and refund features the first release needs.',
    });
  }

  const dataQuestion: Question = entity
    ? {
        question: `What must be kept about each ${entity.name}${entity.attributes.length ? ` besides ${joinList(entity.attributes.slice(0, 3))}` : ''}, who may see it, and for how long?`,
        why: `The answer defines the data model for ${pluralize(entity.name)} and the privacy obligations that come with it.`,
      }
    : {
        question: topic
          ? `What information should be kept about ${topic}, who may see it, and for how long?`
          : action
            ? `What must be recorded each time ${asGroup(action.actor)} ${action.action}, who may see it, and for how long?`
            : 'What information should it keep, who may see it, and for how long?',
        why: 'The answer defines the data model and the privacy obligations that come with it.',
      };
  const firstTask: Question = {
    question: action
      ? `Beyond letting ${asGroup(action.actor)} ${action.action}, what is the one thing the first version must do well, and what can wait?`
      : `What is the single most important thing ${people} must be able to do${topic ? ` with ${topic}` : ''} in the first version, and what can wait?`,
    why: 'A clear first scope keeps the first release small enough to ship and learn from.',
  };

  const chosen = [...gaps, dataQuestion, firstTask].slice(0, gaps.length > 0 ? 3 : 2);
  return { questions: chosen.map((q, index) => ({ id: `q${index + 1}`, ...q })) };
}
