import { capitalize, joinList, singularPhrase } from '../../../../core/text/index.js';
import { asGroup } from '../../../projects/index.js';
import {
  clause,
  mentions,
  possessive,
  primaryGroup,
  productKind,
  quote,
  shortAction,
  subjectOf,
  unique,
  withArticle,
  type ProjectFacts,
} from '../document-writer/index.js';
import type { DocumentMarketing } from './schema.js';

// The offline marketing plan: positioning, audience segments, channels and a launch plan from the project's facts.

export function composeMarketing(facts: ProjectFacts): DocumentMarketing {
  const primary = primaryGroup(facts);
  const kind = productKind(facts);
  const first = facts.analysis.actions[0];
  const need = first ? `want to ${clause(shortAction(first.action, 8))}` : `need a better way to handle ${subjectOf(facts)}`;
  const benefit = first ? `lets them ${clause(shortAction(first.action, 8))} in a few taps` : `keeps ${subjectOf(facts)} in one place`;
  const alternatives = alternativesOf(facts);
  return {
    title: `${facts.name} — Marketing Plan`,
    positioning: {
      statement: `For ${primary} who ${need}, ${facts.name} is ${withArticle(kind)} that ${benefit}. Unlike ${alternatives[0] ?? 'general-purpose tools'}, it is made for ${subjectOf(facts)}${facts.cues.marketplace && facts.groups[1] ? ` and brings ${facts.groups[1]} to them` : ''}.`,
      category: capitalize(`${kind} for ${subjectOf(facts)}`),
      alternatives,
    },
    audienceSegments: segmentsOf(facts),
    valueProposition: {
      headline: first ? `${capitalize(clause(shortAction(first.action, 8)))}, without the hassle.` : `${capitalize(subjectOf(facts))}, finally in one place.`,
      points: unique([
        ...facts.analysis.actions.slice(0, 3).map((a) => `${capitalize(asGroup(a.actor))} ${clause(shortAction(a.action, 10))} in minutes.`),
        ...(facts.problems[0] ? [`An answer to today's problem: ${quote(facts.problems[0], 160)}.`] : []),
        ...(facts.cues.marketplace ? ['Reviews and verified profiles on both sides.'] : []),
        `Built for ${joinList(facts.groups.slice(0, 2)) || primary}, not adapted from a generic tool.`,
      ]).slice(0, 6),
    },
    channels: channelsOf(facts),
    launchPlan: launchPlanOf(facts),
    messaging: messagingOf(facts),
    metrics: unique([
      `Waitlist sign-ups of ${primary} before launch.`,
      `Conversion from landing page visit to sign-up, by channel.`,
      first ? `Share of new ${asGroup(first.actor)} who ${clause(shortAction(first.action, 8))} in their first week.` : `Share of new ${primary} active in their first week.`,
      'Cost per activated user, by channel.',
      ...(facts.cues.marketplace && facts.groups[1] ? [`Number of active ${facts.groups[1]} per area (supply).`] : []),
      'Referral rate: share of new users invited by an existing one.',
    ]).slice(0, 8),
  };
}

function alternativesOf(facts: ProjectFacts): string[] {
  const text = [facts.idea, ...facts.answers.map((a) => a.answer)].join(' ');
  const alternatives: string[] = [];
  if (/\bspreadsheets?|excel\b/i.test(text)) alternatives.push('spreadsheets');
  if (/\b(whatsapp|group chats?|messag\w*)\b/i.test(text)) alternatives.push('group chats and messages');
  if (/\b(paper|notebooks?|by hand|manual\w*)\b/i.test(text)) alternatives.push('paper and manual tracking');
  if (/\b(phone calls?|calling)\b/i.test(text)) alternatives.push('phone calls');
  if (facts.cues.marketplace) alternatives.push(`word of mouth and classified ads for finding ${facts.groups[1] ?? 'providers'}`);
  alternatives.push(...facts.integrations.slice(0, 2));
  if (alternatives.length === 0) alternatives.push(`doing ${subjectOf(facts)} by hand`, 'general-purpose tools');
  return unique(alternatives).slice(0, 6);
}

function reachOf(facts: ProjectFacts, group: string): string[] {
  const business = facts.cues.business && mentions([facts.idea].join(' '), singularPhrase(group).split(' ').at(-1) ?? group);
  const places = business
    ? [`LinkedIn groups and newsletters read by ${group}`, `Trade events and associations of ${group}`, 'Direct outreach to a first list of 50 prospects']
    : [`Online communities and forums where ${group} talk about ${subjectOf(facts)}`, `Instagram and TikTok, with short videos of ${group} using ${facts.name}`, `Search: people looking for ${subjectOf(facts)}`];
  if (facts.cues.location) places.push(`Local places ${group} visit, and neighbourhood groups`);
  return places;
}

function segmentsOf(facts: ProjectFacts): DocumentMarketing['audienceSegments'] {
  if (facts.groups.length === 0) {
    return [
      {
        name: `Early adopters of ${facts.name}`,
        description: `People who already feel the problem with ${subjectOf(facts)} and look for a better way (to be defined in interviews).`,
        needs: [`A simpler way to handle ${subjectOf(facts)}`],
        whereToReach: reachOf(facts, 'early adopters'),
      },
    ];
  }
  return facts.analysis.actors.slice(0, 4).map((actor, index) => {
    const group = facts.groups[index] ?? asGroup(actor);
    const own = facts.analysis.actions.filter((a) => a.actor === actor).map((a) => capitalize(clause(shortAction(a.action, 8))));
    return {
      name: capitalize(group),
      description: index === 0 ? `The launch segment: ${group}${facts.scale ? ` (the inputs mention ${facts.scale})` : ''} who feel the problem most.` : `${capitalize(group)}, needed for ${facts.groups[0]} to get value${facts.cues.marketplace ? ' (the supply side of the marketplace)' : ''}.`,
      needs: own.length ? own.slice(0, 4) : [`A reason to take part in ${subjectOf(facts)}`],
      whereToReach: reachOf(facts, group),
    };
  });
}

function channelsOf(facts: ProjectFacts): DocumentMarketing['channels'] {
  const primary = primaryGroup(facts);
  const channels: DocumentMarketing['channels'] = [];
  if (facts.cues.marketplace && facts.groups[1]) {
    channels.push({
      channel: `Direct recruiting of ${facts.groups[1]}`,
      why: `A marketplace needs supply first: ${facts.groups[0]} leave if no ${facts.groups[1]} are available.`,
      tactics: [`Recruit the first 30 ${facts.groups[1]} in one area by hand`, `Offer ${facts.groups[1]} reduced fees for the first three months`, 'Collect their first reviews before opening to demand'],
    });
  }
  channels.push({
    channel: 'Community and word of mouth',
    why: `${capitalize(primary)} trust recommendations from people like them more than ads.`,
    tactics: [`Join the places ${primary} already gather and answer questions about ${subjectOf(facts)}`, `A referral reward for every ${singularPhrase(primary)} who brings another`, 'Share stories of the first users, with their permission'],
  });
  channels.push({
    channel: 'Content and search',
    why: `People look for help with ${subjectOf(facts)} when the problem hits.`,
    tactics: [`A landing page that states the problem in ${possessive(primary)} words`, `Guides on ${joinList(facts.topics.slice(0, 2)) || subjectOf(facts)}`, 'Track which searches bring sign-ups'],
  });
  if (facts.cues.business) {
    channels.push({ channel: 'Direct sales and partnerships', why: 'Organisations buy after a conversation, and one partner can bring many users.', tactics: ['A list of 50 target organisations and personal outreach', 'A free pilot with clear success criteria', 'Partner with associations that already serve them'] });
  } else {
    channels.push({ channel: 'Social media', why: `Short, visual stories show ${facts.name} in use faster than any description.`, tactics: [`Short videos of ${primary} using ${facts.name}`, 'A small paid test budget per channel, kept only where sign-ups cost least'] });
  }
  if (facts.platforms.some((p) => p === 'mobile' || p === 'iOS' || p === 'Android')) {
    channels.push({ channel: 'App store optimisation', why: 'Mobile users discover apps in the store.', tactics: [`Store listing that names ${subjectOf(facts)} in the title and first line`, 'Ask happy users for a rating after a success moment'] });
  }
  if (facts.integrations.length) {
    channels.push({ channel: `Marketplaces of ${joinList(facts.integrations.slice(0, 2))}`, why: 'Users of those tools look for integrations there.', tactics: ['List the integration in their app directory', 'Write a guide for their users'] });
  }
  return channels.slice(0, 8);
}

function launchPlanOf(facts: ProjectFacts): DocumentMarketing['launchPlan'] {
  const primary = primaryGroup(facts);
  const supply = facts.cues.marketplace ? facts.groups[1] : undefined;
  return [
    {
      phase: 'Pre-launch',
      timing: 'Weeks −8 to −1',
      goal: `A waitlist of ${primary} and a message that resonates`,
      activities: unique([
        `Interview ten ${primary} and write down their words for the problem`,
        `Landing page with the value proposition and a waitlist`,
        ...(supply ? [`Recruit the first ${supply} in the launch area`] : []),
        'Test two headlines and keep the one that converts better',
      ]),
    },
    {
      phase: 'Private beta',
      timing: 'Weeks 1–4',
      goal: `The first 50 ${primary} use ${facts.name} every week`,
      activities: [`Invite ${primary} from the waitlist in small groups`, 'Weekly calls with beta users; fix what blocks them', 'Collect testimonials and first reviews'],
    },
    {
      phase: 'Public launch',
      timing: 'Weeks 5–8',
      goal: `${capitalize(facts.name)} is known where ${primary} gather`,
      activities: ['Launch post and announcements in the communities of the channel plan', 'Turn on the referral reward', `Press and newsletters that cover ${subjectOf(facts)}`],
    },
    {
      phase: 'Growth',
      timing: 'Month 3 onwards',
      goal: 'Repeatable growth from the best two channels',
      activities: ['Double down on the channels with the lowest cost per activated user', supply ? `Open the next area once ${supply} there are recruited` : 'Add the most requested feature from the beta', 'Review the metrics every week'],
    },
  ];
}

function messagingOf(facts: ProjectFacts): DocumentMarketing['messaging'] {
  const messages: DocumentMarketing['messaging'] = [];
  facts.analysis.actors.slice(0, 4).forEach((actor, index) => {
    const group = facts.groups[index] ?? asGroup(actor);
    const own = facts.analysis.actions.filter((a) => a.actor === actor);
    const lead = own[0];
    messages.push({
      audience: capitalize(group),
      message: lead ? `${capitalize(clause(shortAction(lead.action, 8)))} with ${facts.name} — simply and reliably.` : `${facts.name} makes ${subjectOf(facts)} easier for ${group}.`,
      proofPoints: unique([
        ...own.slice(1, 3).map((a) => `You can also ${clause(shortAction(a.action, 8))}.`),
        ...(facts.problems.length && index === 0 ? [`Made for exactly this: ${quote(facts.problems[0] ?? '', 140)}.`] : []),
        'Quotes from beta users (to collect in the beta).',
      ]).slice(0, 4),
    });
  });
  if (messages.length === 0) {
    messages.push({ audience: 'Early adopters', message: `${facts.name}: ${clause(facts.ideaSummary)}.`, proofPoints: ['Quotes from beta users (to collect in the beta).'] });
  }
  return messages;
}
