import { capitalize, joinList } from '../../../../core/text/index.js';
import type { Brief, BriefContext, Feature } from './brief-context.js';
import { AI_CUE, IN_PERSON_CUE, INTEGRATION_CUE, KNOWN_SERVICES, MARKETPLACE_CUE, NAMED_INTEGRATION, PAYMENT_CUE, PERSONAL_DATA } from './cues.js';
import { qualityLabels } from './quality-labels.js';
import { shortAction, unique } from './wording.js';

/** The main product, delivery and compliance risks the idea suggests, each with a mitigation. */
export function risksOf({ name, analysis, groups, idea, answers }: BriefContext, features: Feature[]): Brief['risks'] {
  const text = [idea, ...answers.map((a) => a.answer)].join('\n');
  const risks: Brief['risks'] = [];
  const [first, second] = groups;
  if (MARKETPLACE_CUE.test(text)) {
    const supply = second ?? 'providers';
    const demand = first ?? 'customers';
    risks.push({
      risk: `Not enough ${supply} for ${demand} at launch (or the reverse), so early users leave before the ${/marketplace/i.test(text) ? 'marketplace' : 'service'} is useful.`,
      mitigation: `Launch in one area or niche and recruit ${supply} before opening ${name} to ${demand}.`,
    });
  }
  if (PAYMENT_CUE.test(text)) {
    risks.push({
      risk: `Payment problems (failed charges, refunds, disputes) erode trust in ${name}.`,
      mitigation: 'Use an established payment provider and write down the refund and dispute rules before launch.',
    });
  }
  const personal = PERSONAL_DATA.filter(([cue]) => cue.test(text)).map(([, label]) => label);
  if (personal.length) {
    const law = personal.includes('health information') ? 'GDPR or HIPAA' : 'GDPR';
    risks.push({
      risk: `${name} handles personal data (${joinList(personal)}), which brings privacy obligations such as ${law}.`,
      mitigation: 'Collect only what the features need, document retention periods and ask for consent where required.',
    });
  }
  if (IN_PERSON_CUE.test(text) && groups.length) {
    risks.push({
      risk: `Safety and trust: ${first} rely on people they may not know${second ? ` (${second})` : ''}.`,
      mitigation: 'Verify identities, show reviews and give a clear, fast way to report a problem.',
    });
  }
  if (AI_CUE.test(text)) {
    risks.push({ risk: 'Automated suggestions may be wrong or biased, and users may over-trust them.', mitigation: 'Keep a person in the loop, show why a suggestion was made and let users correct it.' });
  }
  if (INTEGRATION_CUE.test(text)) {
    const named = integrationNames(text);
    risks.push({
      risk: `Dependence on outside systems${named.length ? ` (${joinList(named)})` : ''}: their changes, limits and outages become ${name}'s problems.`,
      mitigation: 'Put each integration behind its own interface, and plan for rate limits, retries and outages.',
    });
  }
  const qualities = qualityLabels(analysis);
  if (qualities.length) {
    risks.push({
      risk: `The stated ${joinList(qualities)} targets may take more engineering than the feature list suggests.`,
      mitigation: 'Measure them from the first prototype on and make them part of the definition of done.',
    });
  }
  if (features.length > 6) {
    risks.push({
      risk: `Scope: ${features.length} features is a lot for a first release.`,
      mitigation: 'Ship the must-have features first and decide on the rest after the first round of feedback.',
    });
  }
  if (groups.length === 0) {
    risks.push({
      risk: 'The idea does not say who the users are, so the features may miss their real needs.',
      mitigation: 'Name the primary user group and test the problem with five to ten of them before building.',
    });
  } else {
    const action = analysis.actions.find((a) => a.actor === analysis.actors[0]) ?? analysis.actions[0];
    risks.push({
      risk: `${capitalize(first ?? 'users')} keep their current way to ${action ? shortAction(action.action, 8) : 'do this'} instead of switching to ${name}.`,
      mitigation: `Interview five to ten ${first} before building, and measure whether they come back in their second week.`,
    });
  }
  return risks.slice(0, 8);
}

/** Outside systems the text names: "integrate with Zendesk and Slack" → Zendesk, Slack. */
function integrationNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NAMED_INTEGRATION)) names.push(...(match[1] ?? '').split(/, | and | or /));
  for (const match of text.matchAll(KNOWN_SERVICES)) names.push(match[0]);
  return unique(names.filter(Boolean)).slice(0, 4);
}
