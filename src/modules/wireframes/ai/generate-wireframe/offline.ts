import { joinList, pluralize, truncate } from '../../../../core/text/index.js';
import type { Entity } from '../../../projects/index.js';
import { wireframeFacts, type WireframeFacts } from './facts.js';
import { fieldsOf } from './fields.js';
import { titleCase } from './markup.js';
import { navItems, type Screen } from './page.js';
import type { WireframeOutput, WireframeTaskInput, WireframeTemplateType } from './schema.js';
import { entityForScreen, screenSet, templateForScreen } from './screens.js';
import { WIREFRAME_CSS } from './stylesheet.js';
import { authScreen, dashboardScreen, detailScreen, formScreen, listScreen } from './templates.js';

/**
 * The built-in engine's wireframes: low-fidelity screens (grey boxes, labels, navigation, tables) built from five
 * templates and filled with the project's own entities, fields and user groups as the text analysis finds them in
 * the idea and the source document. The markup is written exactly as an HTML serializer writes it back (double
 * quotes, escaped text, explicit <tbody>, no ids or names a page property could shadow), so the sanitizer leaves it
 * unchanged byte for byte.
 */

const RENDER: Record<WireframeTemplateType, (screen: Screen) => string> = {
  list: listScreen,
  detail: detailScreen,
  form: formScreen,
  dashboard: dashboardScreen,
  auth: authScreen,
};

function describe(templateType: WireframeTemplateType, entity: Entity, facts: WireframeFacts): { title: string; description: string } {
  const plural = pluralize(entity.name);
  const fields = joinList(fieldsOf(entity, facts).slice(0, 4));
  const who = facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users';
  switch (templateType) {
    case 'list':
      return { title: titleCase(plural), description: `Every ${entity.name} in a table (${fields}), with search, a filter and a button to add one.` };
    case 'detail':
      return { title: `${titleCase(entity.name)} details`, description: `One ${entity.name} with its ${fields}, the related records and actions to edit or delete it.` };
    case 'form':
      return { title: `New ${entity.name}`, description: `The form to create or edit a ${entity.name}: ${fields}.` };
    case 'dashboard':
      return { title: 'Dashboard', description: `What ${who} see first: key figures, ${plural} per week, what to do next and the latest ${plural}.` };
    case 'auth':
      return { title: 'Sign in', description: `How ${who} sign in to ${facts.name}${facts.groups.length >= 2 ? ', choosing their role' : ''}.` };
  }
}

/** The screens of a set as task inputs: a name the author would give each, and its template. */
export function screenSetRequests(facts: WireframeFacts): Array<{ screen: string; templateType: WireframeTemplateType }> {
  return screenSet(facts).map(({ templateType, entity }) => ({ screen: describe(templateType, entity, facts).title, templateType }));
}

/** One screen, deterministic: the same input always gives the same markup. */
function writeWireframe(facts: WireframeFacts, templateType: WireframeTemplateType, entity: Entity, screenName?: string): WireframeOutput {
  const active = templateType === 'dashboard' ? 'Dashboard' : templateType === 'auth' ? '' : titleCase(pluralize(entity.name));
  const html = RENDER[templateType]({ facts, entity, active: navItems(facts).includes(active) ? active : '' });
  const described = describe(templateType, entity, facts);
  return {
    title: truncate(screenName?.trim() ? titleCase(screenName.trim()) : described.title, 255),
    description: described.description,
    html: `${html}\n`,
    css: WIREFRAME_CSS,
    templateType,
  };
}

/** The built-in implementation of the generate-wireframe task: the screen the input names, or the main list. */
export function composeWireframe(input: WireframeTaskInput): WireframeOutput {
  const facts = wireframeFacts(input);
  const templateType = input.templateType ?? templateForScreen(input.screen);
  return writeWireframe(facts, templateType, entityForScreen(facts, input.screen), input.screen);
}
