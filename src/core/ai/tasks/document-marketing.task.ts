import { z } from 'zod';
import {
  asGroup,
  capitalize,
  clause,
  documentPrompt,
  documentTaskInput,
  joinList,
  MarkdownWriter,
  mentions,
  possessive,
  primaryGroup,
  productKind,
  projectFacts,
  quote,
  shortAction,
  singularPhrase,
  subjectOf,
  unique,
  withArticle,
  type DocumentTaskInput,
  type ProjectFacts,
  type RenderOptions,
} from '../builtin/document-writer.js';
import { defineObjectTask } from '../task.js';

export const documentMarketingOutput = z
  .object({
    title: z.string().min(1),
    positioning: z
      .object({
        statement: z.string().min(1).describe('For <target> who <need>, <product> is a <category> that <benefit>. Unlike <alternative>, it <difference>.'),
        category: z.string().min(1).describe('The market category it competes in'),
        alternatives: z.array(z.string().min(1)).max(6).describe('What the audience uses today instead'),
      })
      .describe('Positioning'),
    audienceSegments: z
      .array(
        z.object({
          name: z.string().min(1),
          description: z.string().min(1),
          needs: z.array(z.string().min(1)).max(6),
          whereToReach: z.array(z.string().min(1)).max(6).describe('Places and channels where this segment can be reached'),
        }),
      )
      .min(1)
      .max(6)
      .describe('Audience segments, the first the launch segment'),
    valueProposition: z
      .object({ headline: z.string().min(1), points: z.array(z.string().min(1)).min(1).max(6) })
      .describe('The value proposition: a headline and supporting points'),
    channels: z
      .array(z.object({ channel: z.string().min(1), why: z.string().min(1), tactics: z.array(z.string().min(1)).min(1).max(5) }))
      .min(1)
      .max(8)
      .describe('Marketing channels, most promising first'),
    launchPlan: z
      .array(z.object({ phase: z.string().min(1), timing: z.string().min(1), goal: z.string().min(1), activities: z.array(z.string().min(1)).min(1).max(6) }))
      .min(1)
      .max(6)
      .describe('Launch plan in phases'),
    messaging: z
      .array(z.object({ audience: z.string().min(1), message: z.string().min(1), proofPoints: z.array(z.string().min(1)).max(4) }))
      .min(1)
      .max(6)
      .describe('Key message per audience'),
    metrics: z.array(z.string().min(1)).min(1).max(8).describe('Marketing metrics to follow'),
  })
  .describe('A marketing and go-to-market plan');

export type DocumentMarketing = z.infer<typeof documentMarketingOutput>;

export const documentMarketingTask = defineObjectTask<DocumentTaskInput, DocumentMarketing>({
  name: 'document-marketing',
  description: 'A go-to-market plan (positioning, segments, value proposition, channels, launch plan, messaging) from the idea',
  input: documentTaskInput,
  output: documentMarketingOutput,

  buildPrompt: (input) =>
    documentPrompt(input, {
      system: 'You are a product marketing lead at an early-stage company. You write practical go-to-market plans with a small budget in mind.',
      asks: [
        `Write the marketing plan of "${input.projectName}".`,
        'Give: positioning (statement, category, alternatives); audience segments (needs, where to reach them); value ' +
          'proposition (headline, points); channels (why, tactics); a phased launch plan (timing, goal, activities); ' +
          'messaging per audience with proof points; metrics.',
      ],
    }),

  builtin: (input) => composeMarketing(projectFacts(input)),
});

// ---------------------------------------------------------------------------------------------------------------
// The offline marketing plan

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

// ---------------------------------------------------------------------------------------------------------------
// Markdown

export function renderMarketing(plan: DocumentMarketing, _options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  md.heading(1, plan.title);
  md.heading(2, 'Positioning');
  md.paragraph(plan.positioning.statement);
  md.fields([['Category', plan.positioning.category]]);
  md.paragraph('Alternatives people use today:').bullets(plan.positioning.alternatives, 'None named yet.');
  md.heading(2, 'Audience segments');
  for (const segment of plan.audienceSegments) {
    md.heading(3, segment.name).paragraph(segment.description);
    md.paragraph('Needs:').bullets(segment.needs);
    md.paragraph('Where to reach them:').bullets(segment.whereToReach);
  }
  md.heading(2, 'Value proposition').paragraph(`**${plan.valueProposition.headline.replace(/\*/g, '')}**`).bullets(plan.valueProposition.points);
  md.heading(2, 'Channels');
  for (const channel of plan.channels) md.heading(3, channel.channel).paragraph(channel.why).bullets(channel.tactics);
  md.heading(2, 'Launch plan');
  for (const phase of plan.launchPlan) {
    md.heading(3, `${phase.phase} (${phase.timing})`);
    md.fields([['Goal', phase.goal]]);
    md.bullets(phase.activities);
  }
  md.heading(2, 'Messaging').table(['Audience', 'Message', 'Proof points'], plan.messaging.map((m) => [m.audience, m.message, m.proofPoints.join(' ')]));
  md.heading(2, 'Metrics').bullets(plan.metrics);
  return md.toString();
}
