import type { TextAnalysis } from '../../../projects/index.js';

const QUALITY_LABELS: Array<[RegExp, string]> = [
  [/\b(performan\w*|fast(?:er)?|speed|latency|response times?|load(?:s|ing)? in|respond\w*|\d+ ?ms\b)/i, 'speed'],
  [/\b(secur\w*|encrypt\w*)/i, 'security'],
  [/\b(privacy|gdpr|hipaa|ccpa|complian\w*)/i, 'compliance'],
  [/\b(uptime|available (?:24\/7|\d)|highly available|reliab\w*|99(?:\.\d+)?%)/i, 'availability'],
  [/\b(accessib\w*|wcag|screen readers?)/i, 'accessibility'],
  [/\b(scal(?:e|able|ability|ing)|concurren\w*|throughput)/i, 'scale'],
  [/\boffline\b/i, 'offline use'],
];

/** The qualities the non-functional requirements of the text ask for: "speed", "security", "availability" … */
export function qualityLabels(analysis: TextAnalysis): string[] {
  const text = analysis.requirements.filter((r) => r.kind === 'non-functional').map((r) => r.text).join(' ');
  return QUALITY_LABELS.filter(([cue]) => cue.test(text)).map(([, label]) => label);
}
