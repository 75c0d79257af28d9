import { joinList, pluralize, truncate } from '../../../../core/text/index.js';
import type { ModelEntity } from '../../../project-model/index.js';
import { wireframeFacts, type WireframeFacts } from './facts.js';
import { columnsOf, inputsOf } from './fields.js';
import { titleCase } from './markup.js';
import { navItems, type Screen } from './page.js';
import { wireframeTaskInput, type WireframeOutput, type WireframeTaskRequest, type WireframeTemplateType } from './schema.js';
import { entityForScreen, screenSet, templateForScreen } from './screens.js';
import { WIREFRAME_CSS } from './stylesheet.js';
import { authScreen, dashboardScreen, detailScreen, formScreen, listScreen } from './templates.js';

/**
 * The built-in engine's wireframes: low-fidelity screens (grey boxes, labels, navigation, tables) built from five
 * templates and filled from the project model: a list, a detail and a form per entity with inputs by attribute type,
 * a dashboard of the model's metrics, navigation by the main entities. The markup is written exactly as an HTML
 * serializer writes it back (double quotes, escaped text, explicit <tbody>, no ids or names a page property could
 * shadow), so the sanitizer leaves it unchanged byte for byte.
 */

const RENDER: Record<WireframeTemplateType, (screen: Screen) => string> = {
  list: listScreen,
  detail: detailScreen,
  form: formScreen,
  dashboard: dashboardScreen,
  auth: authScreen,
};

const EMPTY = 'The project model holds no records yet; add them in the Model tab and generate the screen again.';

function describe(templateType: WireframeTemplateType, entity: ModelEntity | undefined, facts: WireframeFacts): { title: string; description: string } {
  const who = facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'its users';
  if (templateType === 'auth') return { title: 'Sign in', description: `How ${who} sign in to ${facts.name}${facts.groups.length >= 2 ? ', choosing their role' : ''}.` };
  if (templateType === 'dashboard') {
    const metrics = facts.model.metrics.map((m) => m.name.toLowerCase());
    return {
      title: 'Dashboard',
      description: metrics.length ? `What ${who} see first: ${joinList(metrics.slice(0, 4))}, and what to do next.` : `What ${who} see first: the records of ${facts.name} and what to do next.`,
    };
  }
  if (!entity) return { title: titleCase(templateType === 'list' ? 'Records' : templateType === 'detail' ? 'Record' : 'New record'), description: EMPTY };
  const name = entity.name.toLowerCase();
  switch (templateType) {
    case 'list':
      return { title: titleCase(pluralize(entity.name)), description: `Every ${name} in a table (${joinList(columnsOf(entity).map((f) => f.name.toLowerCase()))}), with search and a button to add one.` };
    case 'detail':
      return { title: `${titleCase(entity.name)} details`, description: `One ${name} with everything it records, the records related to it and what can be done with it.` };
    case 'form':
      return { title: `New ${name}`, description: `The form to create or edit a ${name}: ${joinList(inputsOf(entity).map((f) => f.name.toLowerCase()))}.` };
  }
}

/** The screens of a set as task inputs: a name the author would give each, its template and its entity's id. */
export function screenSetRequests(facts: WireframeFacts): Array<{ screen: string; templateType: WireframeTemplateType; entity?: string }> {
  return screenSet(facts).map(({ templateType, entity }) => ({
    screen: describe(templateType, entity, facts).title,
    templateType,
    ...(entity && templateType !== 'auth' && templateType !== 'dashboard' ? { entity: entity.id } : {}),
  }));
}

/** One screen, deterministic: the same input always gives the same markup. */
function writeWireframe(facts: WireframeFacts, templateType: WireframeTemplateType, entity: ModelEntity | undefined, screenName?: string): WireframeOutput {
  const active = templateType === 'dashboard' ? 'Dashboard' : templateType === 'auth' || !entity ? '' : titleCase(pluralize(entity.name));
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
export function composeWireframe(request: WireframeTaskRequest): WireframeOutput {
  const input = wireframeTaskInput.parse(request);
  const facts = wireframeFacts(input);
  const templateType = input.templateType ?? templateForScreen(input.screen);
  const entity = (input.entity ? facts.entities.find((e) => e.id === input.entity) : undefined) ?? entityForScreen(facts, input.screen);
  return writeWireframe(facts, templateType, entity, input.screen);
}
