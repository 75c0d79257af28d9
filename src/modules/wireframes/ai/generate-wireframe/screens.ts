import { singularize, tokenize } from '../../../../core/text/index.js';
import type { ModelEntity } from '../../../project-model/index.js';
import type { WireframeFacts } from './facts.js';
import type { WireframeTemplateType } from './schema.js';

// Choosing the screen: its template from its name, the entity it shows, and the screens of a set.

const TEMPLATE_WORDS: Array<[WireframeTemplateType, RegExp]> = [
  ['auth', /\b(?:log ?in|sign ?(?:in|up)|register|registration|auth\w*|password|onboarding|account creation)\b/i],
  ['dashboard', /\b(?:dashboard|overview|home|summary|report\w*|analytics|stats|statistics|insights?)\b/i],
  ['form', /\b(?:new|create|add|edit|form|submit|book|request|apply|settings|compose|update)\b/i],
  ['detail', /\b(?:details?|view|profile|page of|single|show)\b/i],
  ['list', /\b(?:list|all|browse|search|index|catalog(?:ue)?|directory|inbox|queue|table)\b/i],
];

/** The main entities a screen set draws list, detail and form screens for. */
const SET_ENTITIES = 3;

/** The template a screen name asks for ("Edit shift" → form); a list when the name does not say. */
export function templateForScreen(screen: string | undefined): WireframeTemplateType {
  if (!screen) return 'list';
  for (const [template, pattern] of TEMPLATE_WORDS) if (pattern.test(screen)) return template;
  return 'list';
}

/** The entity a screen is about: one its name mentions (by id or name), else the project's main one; none in an empty model. */
export function entityForScreen(facts: WireframeFacts, screen: string | undefined): ModelEntity | undefined {
  if (screen) {
    const byId = facts.entities.find((entity) => entity.id === screen.trim());
    if (byId) return byId;
    const words = new Set(tokenize(screen).map(singularize));
    const named = facts.entities.find((entity) => tokenize(entity.name).map(singularize).every((word) => words.has(word)));
    if (named) return named;
    const partly = facts.entities.find((entity) => words.has(singularize(tokenize(entity.name).at(-1) ?? '')));
    if (partly) return partly;
  }
  return facts.entities[0];
}

/** The screens of a set: sign-in, the dashboard, then a list, a detail and a form for each main entity. */
export function screenSet(facts: WireframeFacts): Array<{ templateType: WireframeTemplateType; entity: ModelEntity | undefined }> {
  const main = facts.entities[0];
  return [
    { templateType: 'auth', entity: main },
    { templateType: 'dashboard', entity: main },
    ...facts.entities.slice(0, SET_ENTITIES).flatMap((entity) => (['list', 'detail', 'form'] as const).map((templateType) => ({ templateType, entity }))),
  ];
}
