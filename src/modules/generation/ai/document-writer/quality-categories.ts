/** The quality category of a non-functional statement ("must load in 2 seconds" → performance); the fallback if none fits. */
export function qualityCategory(text: string, fallback: NfrCategory = 'usability'): NfrCategory {
  for (const [category, cue] of NFR_CUES) if (cue.test(text)) return category;
  return fallback;
}

export const nfrCategories = [
  'performance',
  'security',
  'privacy',
  'availability',
  'scalability',
  'usability',
  'accessibility',
  'maintainability',
  'portability',
  'localization',
  'compliance',
] as const;
export type NfrCategory = (typeof nfrCategories)[number];

const NFR_CUES: Array<[NfrCategory, RegExp]> = [
  ['privacy', /\b(privacy|gdpr|hipaa|ccpa|personal data|consent|retention)/i],
  ['compliance', /\b(complian\w*|pci|soc ?2|iso ?27001|audit\w*|regulat\w*|legal)/i],
  ['security', /\b(secur\w*|encrypt\w*|authenticat\w*|passwords?|2fa|permissions?|access control)/i],
  ['performance', /\b(performan\w*|fast(?:er)?|speed|latency|response times?|respond\w*|loads? in|\d+ ?(?:ms|milliseconds?|seconds?)\b)/i],
  ['availability', /\b(uptime|available|availability|24\/7|99(?:\.\d+)?%|backups?|disaster|reliab\w*|fault[- ]toleran\w*|redundan\w*|sla)/i],
  ['scalability', /\b(scal(?:e|es|able|ability|ing)|concurren\w*|throughput)/i],
  ['accessibility', /\b(accessib\w*|wcag|a11y|screen readers?)/i],
  ['localization', /\b(locali[sz]\w*|internationali[sz]\w*|i18n|multilingual|languages?|translat\w*)/i],
  ['portability', /\b(portab\w*|cross-platform|works? (?:well )?on (?:phones|mobile|tablets|desktop|all browsers)|responsive|mobile[- ]friendly|offline)/i],
  ['maintainability', /\b(maintainab\w*|testab\w*|logging|monitor\w*)/i],
  ['usability', /\b(usability|intuitive|easy|simple|clear)/i],
];
