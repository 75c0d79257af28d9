import { sentence, withIndefinite } from '../../../../core/text/compose/index.js';
import { capitalize, joinList } from '../../../../core/text/index.js';
import type { ModelActor } from '../../../project-model/index.js';
import { actorPhrase, groupName, summaryOf, useCaseInfinitive, viewOf, type DocumentTaskInput, type ModelView } from '../document-writer/index.js';
import type { DocumentMarketing } from './schema.js';

// The offline marketing plan, drawn from the project model: segments from the people, the value from their use
// cases, the category from the platform constraint. Channels and alternatives the model does not know are left as
// questions to answer with the first users, not invented.

const plural = (actor: ModelActor): string => actorPhrase(actor, 'none', 'plural').text;

/** The product's category from the platform constraint ("mobile web app"), else plainly "service". */
function categoryOf(view: ModelView): string {
  const text = view.platform.map((c) => c.text).join(' ');
  const named = /\b((?:mobile |progressive )?web app(?:lication)?|website|mobile app|desktop app|browser extension|chat ?bot|marketplace|platform)\b/i.exec(text)?.[1];
  return named ? named.toLowerCase() : 'service';
}

export function composeMarketing(input: DocumentTaskInput): DocumentMarketing {
  const view = viewOf(input);
  const people = view.persons.slice(0, 6);
  const lead = people[0];
  const category = categoryOf(view);
  const leadUses = lead ? view.useCases.filter((uc) => uc.actor === lead.id).map((uc) => useCaseInfinitive(uc, view)) : [];
  const statement = lead
    ? sentence(
        `For ${plural(lead)}${lead.needs[0] ? ` who need to ${lead.needs[0].replace(/^to\s+/i, '')}` : ''}, ${view.name} is ${withIndefinite(category)}${leadUses.length ? ` that lets them ${joinList(leadUses.slice(0, 3))}` : ''}`,
      )
    : sentence(`${view.name} is ${withIndefinite(category)}; who it is for is not stated yet`);
  return {
    title: `${view.name} — Marketing Plan`,
    positioning: { statement, category: capitalize(category), alternatives: [] },
    audienceSegments: people.length
      ? people.map((actor) => ({
          name: groupName(actor),
          description: actor.description.trim() ? sentence(actor.description) : sentence(`${groupName(actor)} who use ${view.name}`),
          needs: actor.needs.slice(0, 6).map((need) => sentence(need)),
          whereToReach: [sentence(`Not known yet; ask the first ${plural(actor)} where they look for help today`)],
        }))
      : [{ name: 'Users', description: sentence(`Who uses ${view.name} is not stated yet`), needs: [], whereToReach: ['Not known yet.'] }],
    valueProposition: {
      headline: summaryOf(view, 'This plan').split(/(?<=[.!?])\s/)[0] ?? view.name,
      points: view.useCases.length ? view.useCases.slice(0, 6).map((uc) => (uc.outcome.trim() ? sentence(uc.outcome) : sentence(capitalize(useCaseInfinitive(uc, view))))) : [sentence(`What ${view.name} offers is not stated yet`)],
    },
    channels: [
      {
        channel: 'Conversations with the first users',
        why: sentence(`Which channels reach ${lead ? plural(lead) : 'the users'} is not stated yet, and talking to the first ones finds out`),
        tactics: [sentence(`Talk to ten ${lead ? plural(lead) : 'people'} about how they ${leadUses[0] ?? 'work'} today`)],
      },
    ],
    launchPlan: [
      {
        phase: 'Pilot',
        timing: 'First release',
        goal: sentence(`${lead ? capitalize(plural(lead)) : 'The first users'} ${leadUses.length ? `can ${leadUses[0]}` : 'use it'} without help`),
        activities: pilotActivities(view),
      },
      {
        phase: 'Launch',
        timing: 'When the pilot works',
        goal: view.model.metrics[0] ? `${view.model.metrics[0].name}${view.model.metrics[0].target ? `: ${view.model.metrics[0].target}` : ''}` : 'The target is not stated yet.',
        activities: ['Invite everyone the pilot users know', 'Measure the success metrics every week'],
      },
    ],
    messaging: people.length
      ? people.map((actor) => {
          const uses = view.useCases.filter((uc) => uc.actor === actor.id).map((uc) => useCaseInfinitive(uc, view));
          return {
            audience: groupName(actor),
            message: uses.length ? sentence(`With ${view.name} you can ${joinList(uses.slice(0, 3))}`) : sentence(`What ${view.name} offers ${plural(actor)} is not stated yet`),
            proofPoints: view.useCases.filter((uc) => uc.actor === actor.id && uc.outcome.trim()).slice(0, 4).map((uc) => sentence(uc.outcome)),
          };
        })
      : [{ audience: 'Users', message: sentence(`What ${view.name} offers is not stated yet`), proofPoints: [] }],
    metrics: view.model.metrics.length ? view.model.metrics.slice(0, 8).map((m) => m.name) : [`Active ${lead ? plural(lead) : 'users'} per week`],
  };
}

/** The pilot tries the must-have use cases with real users; with none marked must-have, the first few, or the users themselves. */
function pilotActivities(view: ModelView): string[] {
  const mustHave = view.useCases.filter((uc) => uc.priority === 'must');
  const tried = (mustHave.length ? mustHave : view.useCases).slice(0, 5).map((uc) => `Try “${uc.name}” with real users`);
  return tried.length ? tried : ['Find the first users'];
}
