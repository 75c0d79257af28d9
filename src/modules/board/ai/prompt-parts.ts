import type { OptionInput, PeerDigest, Problem } from './inputs.js';

/** The problem, its context, the answers and the project, as every board prompt shows them. */
export function problemPrompt(problem: Problem): string {
  const parts = ['<decision>', problem.statement, '</decision>'];
  if (problem.context) parts.push('<context>', problem.context, '</context>');
  if (problem.answers.length > 0) parts.push('<answers>', JSON.stringify(problem.answers), '</answers>');
  if (problem.project) parts.push('<project>', JSON.stringify(problem.project), '</project>');
  return parts.join('\n');
}

export function optionsPrompt(options: readonly OptionInput[]): string {
  return ['<options>', ...options.map((o) => `${o.id}. ${o.label}${o.description ? ` — ${o.description}` : ''}`), '</options>'].join('\n');
}

export function peersPrompt(peers: readonly PeerDigest[]): string {
  return ['<panel>', JSON.stringify(peers), '</panel>'].join('\n');
}

/** A persona's system prompt, opened by who it is on the board, so even a short custom prompt sets the role. */
export function personaSystem(persona: { name: string; expertise: string; systemPrompt: string }): string {
  const role = `You are ${persona.name}, a member of an advisory board${persona.expertise.trim() ? ` (${persona.expertise.trim()})` : ''}. You speak from your own discipline and never invent facts or figures.`;
  return persona.systemPrompt.trim() ? `${role}\n\n${persona.systemPrompt.trim()}` : role;
}
