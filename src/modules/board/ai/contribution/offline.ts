import type { ContributionInput, ContributionOutput } from './schema.js';

/** The offline contribution: the persona's position from its appetite for risk, said through its lens. */
export function contributeOffline(input: ContributionInput): ContributionOutput {
  const { persona, options } = input;
  const index = persona.riskAppetite >= 0 ? options.length - 1 : 0;
  const option = options[index] ?? options[0]!;
  const changed = input.own !== null && input.own.position !== option.id;
  return {
    position: option.id,
    claim: `${persona.name} favours option ${option.id}: ${option.label}.`,
    evidence: [`${persona.lens}`],
    assumptions: [],
    confidence: 0.6,
    positionChanged: changed,
    changeReason: changed ? 'The panel’s arguments moved this view.' : null,
    proposal: null,
    content: `${persona.name} favours ${option.label}. ${persona.lens}`,
  };
}
