import { capitalize, joinList, pluralize, singularize, singularPhrase, tokenize, truncate } from '../../../../core/text/index.js';
import { analyzeText, asGroup, isProblemStatement, topicsOf, type Priority } from '../../../projects/index.js';
import type { Brief, BriefContext, Feature } from './brief-context.js';
import { SUCCESS_CUE } from './cues.js';
import { qualityLabels } from './quality-labels.js';
import { risksOf } from './risks.js';
import type { ProjectBrief, ProjectBriefInput } from './schema.js';
import { asSentence, capabilityOf, DETERMINER, featureName, isPlural, REQUEST_VERBS, shortAction, unique } from './wording.js';

// The offline brief: the idea analysed once, then each section of the brief from what the analysis found.

export function composeBrief(input: ProjectBriefInput): ProjectBrief {
  const name = truncate(input.name.replace(/\s+/g, ' ').trim(), 120) || 'Untitled project';
  const answers = (input.answers ?? []).filter((a) => a.answer.trim() !== '');
  const fullText = [input.idea, ...answers.map((a) => a.answer)].join('\n\n');
  const analyzed = analyzeText(fullText, { keyTerms: 12, actors: 6, entities: 8, requirements: 60 });
  // What the idea says people suffer from today is the problem, not a feature.
  const analysis = { ...analyzed, actions: analyzed.actions.filter((action) => !isProblemStatement(analyzed.sentences[action.sentenceIndex] ?? '')) };
  const primary = analysis.actions.find((action) => analysis.actors.includes(action.actor))?.actor;
  const actors = primary ? [primary, ...analysis.actors.filter((actor) => actor !== primary)] : analysis.actors;
  const context: BriefContext = {
    name,
    idea: input.idea,
    analysis: { ...analysis, actors },
    answers,
    groups: actors.map(asGroup),
    topics: topicsOf(analysis, 8).filter(isPlural),
  };
  const features = featuresOf(context);
  return {
    title: name,
    summary: summaryOf(context),
    problem: problemOf(context),
    goals: goalsOf(context, features),
    targetUsers: targetUsersOf(context),
    features,
    risks: risksOf(context, features),
    successMetrics: successMetricsOf(context),
  };
}

function summaryOf({ name, analysis, groups, topics }: BriefContext): string {
  const parts: string[] = [];
  parts.push(asSentence(analysis.summary || `${name} is a new project`));
  const focus = topics.slice(0, 2);
  if (groups.length && focus.length) parts.push(`${name} is for ${joinList(groups.slice(0, 3))} and centres on ${joinList(focus)}.`);
  else if (groups.length) parts.push(`${name} is for ${joinList(groups.slice(0, 3))}.`);
  else if (focus.length) parts.push(`${name} centres on ${joinList(focus)}.`);
  parts.push("This draft was composed by Atelier's offline engine from the idea as written.");
  return parts.join(' ');
}

function problemOf({ analysis, groups, topics }: BriefContext): string {
  const stated = analysis.sentences.filter(isProblemStatement).slice(0, 2);
  if (stated.length) return stated.map((sentence) => asSentence(truncate(sentence, 300))).join(' ');
  const action = analysis.actions[0];
  const group = action ? asGroup(action.actor) : groups[0];
  const who = group ? capitalize(group) : 'The people this is for';
  const what = action ? action.action : topics[0] ? `handle ${topics[0]}` : 'do this';
  return `${who} have no dedicated, reliable way to ${what} today. The idea does not describe the current workaround, so confirm the problem with a few of them before building.`;
}

function goalsOf({ name, analysis, groups, topics }: BriefContext, features: Feature[]): string[] {
  const goals: string[] = [];
  for (const action of analysis.actions.slice(0, 3)) goals.push(`Make it quick for ${asGroup(action.actor)} to ${shortAction(action.action, 8)}.`);
  const nouns = topics.slice(0, 2);
  if (nouns.length) goals.push(`Give ${groups[0] ?? 'its users'} one reliable place for ${joinList(nouns)}.`);
  const qualities = qualityLabels(analysis);
  if (qualities.length) goals.push(`Meet the stated ${joinList(qualities)} requirements from the first release.`);
  const must = features.filter((feature) => feature.priority === 'must').map((feature) => `“${feature.name}”`);
  if (must.length) goals.push(`Ship a first release of ${name} with the must-have feature${must.length > 1 ? 's' : ''} ${joinList(must.slice(0, 3))}.`);
  goals.push(`Validate ${name} with a first group of ${groups[0] ?? 'target users'} before widening the scope.`);
  return unique(goals).slice(0, 8);
}

function targetUsersOf({ analysis, groups, topics }: BriefContext): Brief['targetUsers'] {
  if (groups.length === 0) {
    const needs = analysis.actions.length
      ? analysis.actions.slice(0, 3).map((action) => capitalize(shortAction(action.action, 8)))
      : topics.slice(0, 3).map((topic) => `A simple, dependable way to keep track of ${topic}`);
    return [{ name: 'Primary users (not yet named in the idea)', needs: needs.length ? needs : ['A clear reason to choose this over their current approach'] }];
  }
  return analysis.actors.slice(0, 6).map((actor, index) => {
    const group = groups[index] ?? asGroup(actor);
    const own = analysis.actions.filter((action) => action.actor === actor).map((action) => capitalize(shortAction(action.action, 8)));
    const head = singularize(tokenize(actor).at(-1) ?? actor);
    const needs = [...own];
    for (const other of analysis.actions) {
      if (other.actor === actor) continue;
      const words = other.action.split(' ');
      const keys = words.map((word) => singularize(word.toLowerCase().replace(/[^\p{L}'-]/gu, '')));
      // "dog owners book walkers": walkers are asked; "people lend drills to neighbours": neighbours receive drills
      const objectIndex = keys.findIndex((key, i) => i > 0 && !DETERMINER.test(key));
      const toIndex = keys.findIndex((key, i) => i > 1 && key === head && keys[i - 1] === 'to');
      if (keys[objectIndex] === head && REQUEST_VERBS.test(keys[0] ?? '')) needs.push(`Receive and answer requests from ${asGroup(other.actor)} to ${shortAction(other.action, 8)}`);
      else if (toIndex !== -1) needs.push(`Receive ${words.slice(1, toIndex - 1).join(' ')} from ${asGroup(other.actor)}`);
    }
    if (needs.length === 0) needs.push(topics[0] ? `A simple, dependable way to keep track of ${topics[0]}` : `A clear reason to use the product instead of today's workaround`);
    return { name: capitalize(group), needs: unique(needs).slice(0, 5) };
  });
}

function featuresOf({ name, idea, analysis, groups, topics }: BriefContext): Feature[] {
  const features: Feature[] = [];
  const add = (feature: Feature): void => {
    const key = feature.name.toLowerCase();
    if (features.length < 12 && !features.some((existing) => existing.name.toLowerCase() === key)) features.push(feature);
  };
  const usedSentences = new Set<number>();
  for (const action of analysis.actions) {
    add({ name: featureName(action.action), description: `Lets ${asGroup(action.actor)} ${shortAction(action.action, 14)}.`, priority: action.priority });
    usedSentences.add(action.sentenceIndex);
  }
  for (const requirement of analysis.requirements) {
    if (requirement.kind !== 'functional') continue;
    const sentenceIndex = analysis.sentences.findIndex((sentence) => sentence.startsWith(requirement.text.replace(/…$/, '')));
    if (usedSentences.has(sentenceIndex)) continue;
    const capability = capabilityOf(requirement.text);
    if (capability) add({ name: featureName(capability), description: asSentence(requirement.text), priority: requirement.priority });
  }
  for (const entity of analysis.entities) {
    if (entity.attributes.length === 0) continue;
    add({
      name: `${capitalize(entity.name)} records`,
      description: `Create, find and update ${pluralize(entity.name)}, each with ${joinList(entity.attributes.slice(0, 5))}.`,
      priority: 'should',
    });
  }
  for (const topic of topics) {
    if (features.length >= 3) break;
    add({ name: capitalize(topic), description: `Keep ${topic} in one place where ${groups[0] ?? 'its users'} can find and update them.`, priority: 'could' });
  }
  if (features.length === 0) {
    add({ name: `${name} core workflow`, description: `The main flow the idea describes: ${asSentence(truncate(idea.replace(/\s+/g, ' ').trim(), 200))}`, priority: 'must' });
  }
  if (!features.some((feature) => feature.priority === 'must') && features[0]) features[0] = { ...features[0], priority: 'must' };
  const order: Record<Priority, number> = { must: 0, should: 1, could: 2 };
  return features.map((feature, index) => ({ feature, index })).sort((a, b) => order[a.feature.priority] - order[b.feature.priority] || a.index - b.index).map(({ feature }) => feature);
}

function successMetricsOf({ analysis, answers, groups }: BriefContext): string[] {
  const metrics: string[] = [];
  for (const { question, answer } of answers) {
    if (SUCCESS_CUE.test(question) || SUCCESS_CUE.test(answer)) metrics.push(asSentence(truncate(answer.replace(/\s+/g, ' '), 200)));
  }
  for (const sentence of analysis.sentences) if (SUCCESS_CUE.test(sentence) && /\d/.test(sentence)) metrics.push(asSentence(truncate(sentence, 200)));
  for (const action of analysis.actions.slice(0, 2)) metrics.push(`Weekly number of times ${asGroup(action.actor)} ${shortAction(action.action, 8)}.`);
  const primary = groups[0];
  if (primary) {
    metrics.push(`Share of new ${primary} who come back within 30 days.`);
    const firstAction = analysis.actions.find((a) => asGroup(a.actor) === primary);
    if (firstAction) metrics.push(`Time it takes a new ${singularPhrase(primary)} to ${shortAction(firstAction.action, 8)} for the first time.`);
  } else {
    metrics.push('Number of people who use it every week, once the primary user group is named.');
  }
  const qualities = qualityLabels(analysis);
  if (qualities.length) metrics.push(`The stated ${joinList(qualities)} targets are met in production, measured weekly.`);
  return unique(metrics).slice(0, 8);
}
