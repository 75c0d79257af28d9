import { generatableTemplates, type GeneratableTemplate } from '../../../shared/workspace-kinds.js';
import { z } from 'zod';
import { singularPhrase } from './document-writer.js';
import { capitalize, joinList, pluralize, singularize, tokenize, truncate } from '../../text/index.js';
import { analyzeText, asGroup, type Entity, isPersonNoun, type TextAnalysis } from '../../../modules/projects/idea-analysis/index.js';

/**
 * The built-in engine's wireframes: low-fidelity screens (grey boxes, labels, navigation, tables) built from five
 * templates and filled with the project's own entities, fields and user groups as the text analysis finds them in
 * the idea and the source document. The markup is written exactly as an HTML serializer writes it back (double
 * quotes, escaped text, explicit <tbody>, no ids or names a page property could shadow), so the sanitizer leaves it
 * unchanged byte for byte.
 */

export const wireframeTemplateTypes = generatableTemplates;
export type WireframeTemplateType = GeneratableTemplate;

export const MAX_WIREFRAME_SOURCE = 60_000;

export const wireframeTaskInput = z
  .object({
    projectName: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000).describe('what the project is about, in its author’s words'),
    source: z
      .object({ title: z.string().trim().max(255), markdown: z.string().max(MAX_WIREFRAME_SOURCE) })
      .strict()
      .optional()
      .describe('the document the screens come from (an SRS or PRD)'),
    screen: z.string().trim().min(1).max(200).optional().describe('the screen to draw, in the author’s words'),
    templateType: z.enum(wireframeTemplateTypes).optional(),
  })
  .strict();
export type WireframeTaskInput = z.infer<typeof wireframeTaskInput>;

export const wireframeOutput = z
  .object({
    title: z.string().trim().min(1).max(255).describe('The screen’s name, e.g. "Shifts"'),
    description: z.string().max(2000).describe('One or two sentences: what the screen is for and what it shows'),
    html: z.string().min(1).max(400_000).describe('The body markup only: semantic HTML, no <html>/<head>, no scripts, no external URLs'),
    css: z.string().max(150_000).describe('The stylesheet for that markup; no @import, no url() except data:image'),
    templateType: z.enum([...wireframeTemplateTypes, 'custom']).describe('list, detail, form, dashboard, auth, or custom'),
  })
  .describe('A low-fidelity wireframe of one screen');
export type WireframeOutput = z.infer<typeof wireframeOutput>;

/** What the writer knows about the project: its name, entities with fields, user groups and their actions. */
export type WireframeFacts = {
  name: string;
  analysis: TextAnalysis;
  /** The entity the screens are about, the one with the most fields first. */
  entities: Entity[];
  groups: string[];
};

export function wireframeFacts(input: Pick<WireframeTaskInput, 'projectName' | 'idea' | 'source'>): WireframeFacts {
  const text = [input.idea, input.source?.markdown ?? ''].join('\n\n');
  const analysis = analyzeText(stripMarkdown(text), { entities: 12, actors: 6 });
  const entities = analysis.entities
    .filter((entity) => !isPersonNoun(tokenize(entity.name).at(-1) ?? ''))
    .map((entity, index) => ({ entity, index }))
    .sort((a, b) => Math.min(b.entity.attributes.length, 3) - Math.min(a.entity.attributes.length, 3) || a.index - b.index)
    .map(({ entity }) => entity);
  return { name: input.projectName.trim(), analysis, entities, groups: analysis.actors.map(asGroup) };
}

function stripMarkdown(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+(.*)$/gm, '$1.')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
    .replace(/[|*_`>#]+/g, ' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Choosing the screen

const TEMPLATE_WORDS: Array<[WireframeTemplateType, RegExp]> = [
  ['auth', /\b(?:log ?in|sign ?(?:in|up)|register|registration|auth\w*|password|onboarding|account creation)\b/i],
  ['dashboard', /\b(?:dashboard|overview|home|summary|report\w*|analytics|stats|statistics|insights?)\b/i],
  ['form', /\b(?:new|create|add|edit|form|submit|book|request|apply|settings|compose|update)\b/i],
  ['detail', /\b(?:details?|view|profile|page of|single|show)\b/i],
  ['list', /\b(?:list|all|browse|search|index|catalog(?:ue)?|directory|inbox|queue|table)\b/i],
];

/** The template a screen name asks for ("Edit shift" → form); a list when the name does not say. */
export function templateForScreen(screen: string | undefined): WireframeTemplateType {
  if (!screen) return 'list';
  for (const [template, pattern] of TEMPLATE_WORDS) if (pattern.test(screen)) return template;
  return 'list';
}

/** The entity a screen is about: one its name mentions, else the project's main one, else a generic "item". */
export function entityForScreen(facts: WireframeFacts, screen: string | undefined): Entity {
  if (screen) {
    const words = new Set(tokenize(screen).map(singularize));
    const named = facts.entities.find((entity) => tokenize(entity.name).map(singularize).every((word) => words.has(word)));
    if (named) return named;
    const partly = facts.entities.find((entity) => words.has(singularize(tokenize(entity.name).at(-1) ?? '')));
    if (partly) return partly;
  }
  return facts.entities[0] ?? { name: 'item', attributes: [] };
}

/** The screens of a set: sign-in, the dashboard, then list, detail and form of the main entity. */
export function screenSet(facts: WireframeFacts): Array<{ templateType: WireframeTemplateType; entity: Entity }> {
  const main = entityForScreen(facts, undefined);
  return [
    { templateType: 'auth', entity: main },
    { templateType: 'dashboard', entity: main },
    { templateType: 'list', entity: main },
    { templateType: 'detail', entity: main },
    { templateType: 'form', entity: main },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Markup helpers: canonical serialization, so sanitizing is a no-op

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

type Attributes = Record<string, string | true | undefined>;

function attrs(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | true] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${value === true ? '' : escapeAttribute(value)}"`)
    .join('');
}

/** One element; children are already-serialized markup. */
function el(tag: string, attributes: Attributes, ...children: string[]): string {
  return `<${tag}${attrs(attributes)}>${children.join('')}</${tag}>`;
}

function voidEl(tag: string, attributes: Attributes): string {
  return `<${tag}${attrs(attributes)}>`;
}

function text(tag: string, content: string, attributes: Attributes = {}): string {
  return el(tag, attributes, escapeText(content));
}

function lines(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('\n');
}

/** Ids carry a prefix: DOM-clobbering protection drops ids such as "location" or "title" that shadow page properties. */
function fieldId(entity: Entity, field: string): string {
  return `wf-${slug(entity.name)}-${slug(field)}`;
}

function slug(text: string): string {
  return tokenize(text).join('-').replace(/[^a-z0-9-]/g, '') || 'field';
}

function titleCase(text: string): string {
  return capitalize(text.trim());
}

// ---------------------------------------------------------------------------------------------------------------
// Field kinds: what a column or an input looks like, by the field's name

type FieldKind = 'date' | 'time' | 'money' | 'email' | 'phone' | 'number' | 'status' | 'place' | 'long' | 'rating' | 'name' | 'boolean' | 'text';

const FIELD_KINDS: Array<[FieldKind, RegExp]> = [
  ['time', /\b(?:time|hour|start|end|duration)\b/i],
  ['date', /\b(?:date|day|deadline|due|birthday|created|updated|when)\b/i],
  ['money', /\b(?:price|cost|amount|fee|total|budget|salary|rate|payment|balance|value)\b/i],
  ['email', /\be-?mail\b/i],
  ['phone', /\b(?:phone|mobile|telephone)\b/i],
  ['rating', /\b(?:rating|score|stars?)\b/i],
  ['number', /\b(?:number|count|quantity|capacity|size|age|weight|height|length|distance|minutes|hours|seats|stock|level)\b/i],
  ['status', /\b(?:status|state|stage|priority|type|category|kind)\b/i],
  ['place', /\b(?:location|address|place|city|venue|room|area|region|country)\b/i],
  ['long', /\b(?:description|notes?|comments?|summary|details|bio|message|reason|instructions?)\b/i],
  ['boolean', /\b(?:active|enabled|approved|paid|available|verified|done|completed)\b/i],
  ['name', /\b(?:name|title|label)\b/i],
];

function kindOf(field: string): FieldKind {
  for (const [kind, pattern] of FIELD_KINDS) if (pattern.test(field)) return kind;
  return 'text';
}

const SAMPLE_DATES = ['12 Mar 2026', '14 Mar 2026', '18 Mar 2026', '21 Mar 2026', '25 Mar 2026'];
const SAMPLE_TIMES = ['09:00', '10:30', '13:00', '15:30', '18:00'];
const SAMPLE_MONEY = ['$24.00', '$18.50', '$40.00', '$12.75', '$31.00'];
const SAMPLE_STATUS = ['Active', 'Pending', 'Active', 'Closed', 'Draft'];
const SAMPLE_PLACES = ['North Hall', '12 Main St', 'Riverside', 'Room 4B', 'Online'];
const SAMPLE_NAMES = ['Alex Morgan', 'Sam Lee', 'Priya Shah', 'Jordan Diaz', 'Chris Kim'];

/** A realistic placeholder value for row `row` of a field, or null for a grey text bar. */
function sampleValue(entity: Entity, field: string, row: number): string | null {
  const pick = <T>(list: readonly T[]): T => list[row % list.length]!;
  if (isPersonNoun(tokenize(field).at(-1) ?? '')) return pick(SAMPLE_NAMES);
  switch (kindOf(field)) {
    case 'date':
      return pick(SAMPLE_DATES);
    case 'time':
      return /duration/i.test(field) ? `${30 + 15 * (row % 4)} min` : pick(SAMPLE_TIMES);
    case 'money':
      return pick(SAMPLE_MONEY);
    case 'email':
      return `${pick(SAMPLE_NAMES).split(' ')[0]!.toLowerCase()}@example.com`;
    case 'phone':
      return `+1 555 010${row}`;
    case 'rating':
      return `${(4.8 - 0.3 * (row % 4)).toFixed(1)} / 5`;
    case 'number':
      return String(3 + ((row * 7) % 19));
    case 'status':
      return pick(SAMPLE_STATUS);
    case 'place':
      return pick(SAMPLE_PLACES);
    case 'boolean':
      return row % 3 === 2 ? 'No' : 'Yes';
    case 'name':
      return /\b(?:person|user|owner|member|customer|client|contact)\b/i.test(field) ? pick(SAMPLE_NAMES) : `${titleCase(entity.name)} ${row + 1}`;
    default:
      return null;
  }
}

function cellContent(entity: Entity, field: string, row: number): string {
  const value = sampleValue(entity, field, row);
  if (value === null) return el('span', { class: `wf-bar wf-bar-${(row % 3) + 1}` });
  if (kindOf(field) === 'status') return text('span', value, { class: 'wf-badge' });
  return escapeText(value);
}

/**
 * The entity's columns: its fields, or when the text names none, what any record shows: a name, the person it
 * belongs to (the project's main user group), when it was made and its status.
 */
function fieldsOf(entity: Entity, facts: WireframeFacts, max = 5): string[] {
  const fields = entity.attributes.filter((field) => field.trim() !== '').slice(0, max);
  if (fields.length) return fields;
  const owner = facts.groups[0] ? singularPhrase(facts.groups[0]) : undefined;
  return ['name', ...(owner ? [owner] : []), 'created', 'status'].slice(0, max);
}

// ---------------------------------------------------------------------------------------------------------------
// Page furniture

type Screen = { facts: WireframeFacts; entity: Entity; active: string };

function navItems(facts: WireframeFacts): string[] {
  const names = facts.entities.slice(0, 3).map((entity) => titleCase(pluralize(entity.name)));
  return ['Dashboard', ...(names.length ? names : ['Items']), 'Settings'];
}

function topbar(screen: Screen): string {
  const links = navItems(screen.facts).map((item) =>
    text('a', item, { href: '#', class: item === screen.active ? 'wf-nav-link wf-active' : 'wf-nav-link', 'aria-current': item === screen.active ? 'page' : undefined }),
  );
  return el(
    'header',
    { class: 'wf-topbar' },
    text('span', truncate(screen.facts.name, 40), { class: 'wf-logo' }),
    el('nav', { class: 'wf-nav', 'aria-label': 'Main' }, ...links),
    text('span', initialsOf(primaryUser(screen.facts)), { class: 'wf-avatar', 'aria-label': 'Account' }),
  );
}

function primaryUser(facts: WireframeFacts): string {
  return facts.groups[0] ? singularPhrase(facts.groups[0]) : 'user';
}

function initialsOf(phrase: string): string {
  const letters = tokenize(phrase)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return letters || 'U';
}

function page(screen: Screen, ...main: string[]): string {
  return lines('<div class="wf-app">', topbar(screen), '<main class="wf-main">', ...main, '</main>', '</div>');
}

function button(label: string, variant: 'primary' | 'secondary' = 'secondary'): string {
  return text('button', label, { type: 'button', class: `wf-button wf-${variant}` });
}

// ---------------------------------------------------------------------------------------------------------------
// The five templates

function listScreen(screen: Screen): string {
  const { entity } = screen;
  const plural = titleCase(pluralize(entity.name));
  const fields = fieldsOf(entity, screen.facts);
  const head = el('thead', {}, el('tr', {}, ...fields.map((field) => text('th', titleCase(field), { scope: 'col' })), text('th', 'Actions', { scope: 'col' })));
  const rows = [0, 1, 2, 3, 4].map((row) =>
    el('tr', {}, ...fields.map((field) => el('td', {}, cellContent(entity, field, row))), el('td', {}, text('a', 'View', { href: '#' }))),
  );
  const statusField = fields.find((field) => kindOf(field) === 'status');
  return page(
    screen,
    el('div', { class: 'wf-page-head' }, text('h1', plural), button(`New ${entity.name}`, 'primary')),
    el(
      'div',
      { class: 'wf-toolbar', role: 'search' },
      voidEl('input', { type: 'search', class: 'wf-input', placeholder: `Search ${pluralize(entity.name)}`, 'aria-label': `Search ${pluralize(entity.name)}` }),
      el(
        'select',
        { class: 'wf-input', 'aria-label': statusField ? titleCase(statusField) : 'Filter' },
        text('option', statusField ? `Any ${statusField}` : 'All'),
        text('option', 'Active'),
        text('option', 'Archived'),
      ),
    ),
    el('table', { class: 'wf-table' }, head, el('tbody', {}, ...rows)),
    el('div', { class: 'wf-pager' }, text('span', `1–5 of 48 ${pluralize(entity.name)}`), el('span', {}, button('Previous'), button('Next'))),
  );
}

function detailScreen(screen: Screen): string {
  const { entity, facts } = screen;
  const fields = fieldsOf(entity, facts, 8);
  const heading = `${titleCase(entity.name)} 1`;
  const related = facts.entities.find((other) => other.name !== entity.name);
  const facts2 = fields.map((field) => el('div', { class: 'wf-field' }, text('dt', titleCase(field)), el('dd', {}, cellContent(entity, field, 0))));
  const activity = facts.analysis.actions.slice(0, 3).map((action, index) => text('li', `${capitalize(action.actor)} ${truncate(action.action, 60)}`, { class: index === 0 ? 'wf-latest' : undefined }));
  return page(
    screen,
    el('nav', { class: 'wf-breadcrumb', 'aria-label': 'Breadcrumb' }, text('a', titleCase(pluralize(entity.name)), { href: '#' }), text('span', ' / '), text('span', heading)),
    el('div', { class: 'wf-page-head' }, text('h1', heading), el('span', {}, button('Edit'), button('Delete'))),
    el(
      'div',
      { class: 'wf-columns' },
      el('section', { class: 'wf-card', 'aria-label': 'Details' }, text('h2', 'Details'), el('dl', { class: 'wf-fields' }, ...facts2)),
      el(
        'aside',
        { class: 'wf-card' },
        el('div', { class: 'wf-image', role: 'img', 'aria-label': 'Image placeholder' }, text('span', 'Image')),
        text('h2', related ? titleCase(pluralize(related.name)) : 'Activity'),
        activity.length ? el('ul', { class: 'wf-list' }, ...activity) : el('ul', { class: 'wf-list' }, el('li', {}, el('span', { class: 'wf-bar wf-bar-1' })), el('li', {}, el('span', { class: 'wf-bar wf-bar-2' }))),
      ),
    ),
  );
}

function inputFor(entity: Entity, field: string): string {
  const id = fieldId(entity, field);
  const label = text('label', titleCase(field), { for: id });
  const kind = kindOf(field);
  if (kind === 'long') return el('div', { class: 'wf-form-row' }, label, el('textarea', { id, class: 'wf-input', rows: '4' }));
  if (kind === 'status') {
    return el('div', { class: 'wf-form-row' }, label, el('select', { id, class: 'wf-input' }, text('option', `Choose ${field}`), text('option', 'Active'), text('option', 'Pending')));
  }
  if (kind === 'boolean') return el('div', { class: 'wf-form-row wf-check' }, voidEl('input', { id, type: 'checkbox' }), label);
  const types: Partial<Record<FieldKind, string>> = { date: 'date', time: /duration/i.test(field) ? 'number' : 'time', money: 'number', email: 'email', phone: 'tel', number: 'number', rating: 'number' };
  const placeholder = sampleValue(entity, field, 0);
  return el('div', { class: 'wf-form-row' }, label, voidEl('input', { id, type: types[kind] ?? 'text', class: 'wf-input', placeholder: placeholder ?? undefined }));
}

function formScreen(screen: Screen): string {
  const { entity, facts } = screen;
  const fields = fieldsOf(entity, facts, 8).filter((field) => !/^(?:created|updated)$/.test(field));
  return page(
    screen,
    el('nav', { class: 'wf-breadcrumb', 'aria-label': 'Breadcrumb' }, text('a', titleCase(pluralize(entity.name)), { href: '#' }), text('span', ' / '), text('span', 'New')),
    text('h1', `New ${entity.name}`),
    el(
      'form',
      { class: 'wf-card wf-form', 'aria-label': `New ${entity.name}` },
      ...fields.map((field) => inputFor(entity, field)),
      el('div', { class: 'wf-form-actions' }, button('Cancel'), button(`Save ${entity.name}`, 'primary')),
    ),
  );
}

function dashboardScreen(screen: Screen): string {
  const { entity, facts } = screen;
  const kpis = [
    [`Total ${pluralize(entity.name)}`, '248'],
    ...facts.groups.slice(0, 2).map((group) => [`Active ${group}`, String(36 + group.length * 3)]),
    ['This week', '+12%'],
  ].slice(0, 4);
  const columns = fieldsOf(entity, facts, 3);
  const recent = [0, 1, 2].map((row) => el('tr', {}, ...columns.map((field) => el('td', {}, cellContent(entity, field, row)))));
  const todo = facts.analysis.actions.slice(0, 4).map((action) => text('li', `${capitalize(action.actor)}: ${truncate(action.action, 70)}`));
  return page(
    screen,
    el('div', { class: 'wf-page-head' }, text('h1', 'Dashboard'), button(`New ${entity.name}`, 'primary')),
    el('div', { class: 'wf-kpis' }, ...kpis.map(([label, value]) => el('div', { class: 'wf-card wf-kpi' }, text('span', label ?? '', { class: 'wf-kpi-label' }), text('strong', value ?? '')))),
    el(
      'div',
      { class: 'wf-columns' },
      el('section', { class: 'wf-card', 'aria-label': 'Chart' }, text('h2', `${titleCase(pluralize(entity.name))} per week`), el('div', { class: 'wf-chart', role: 'img', 'aria-label': 'Chart placeholder' }, ...[40, 65, 50, 80, 70, 90, 60].map((h) => el('span', { class: `wf-chart-bar wf-h${h}` })))),
      el('section', { class: 'wf-card', 'aria-label': 'To do' }, text('h2', 'To do'), el('ul', { class: 'wf-list' }, ...(todo.length ? todo : [text('li', `Review new ${pluralize(entity.name)}`)]))),
    ),
    el(
      'section',
      { class: 'wf-card', 'aria-label': `Recent ${pluralize(entity.name)}` },
      text('h2', `Recent ${pluralize(entity.name)}`),
      el('table', { class: 'wf-table' }, el('thead', {}, el('tr', {}, ...columns.map((field) => text('th', titleCase(field), { scope: 'col' })))), el('tbody', {}, ...recent)),
    ),
  );
}

function authScreen(screen: Screen): string {
  const { facts } = screen;
  const roles = facts.groups.slice(0, 3).map((group, index) =>
    el('label', { class: 'wf-radio' }, voidEl('input', { type: 'radio', name: 'wf-role', checked: index === 0 ? true : undefined }), text('span', capitalize(singularPhrase(group)))),
  );
  return lines(
    '<div class="wf-auth">',
    el(
      'form',
      { class: 'wf-card wf-auth-card', 'aria-label': 'Sign in' },
      text('div', truncate(facts.name, 40), { class: 'wf-logo' }),
      text('h1', `Sign in to ${truncate(facts.name, 60)}`),
      el('div', { class: 'wf-form-row' }, text('label', 'Email', { for: 'wf-auth-email' }), voidEl('input', { id: 'wf-auth-email', type: 'email', class: 'wf-input', placeholder: 'you@example.com' })),
      el('div', { class: 'wf-form-row' }, text('label', 'Password', { for: 'wf-auth-password' }), voidEl('input', { id: 'wf-auth-password', type: 'password', class: 'wf-input' })),
      roles.length >= 2 ? el('fieldset', { class: 'wf-roles' }, text('legend', 'I am a'), ...roles) : '',
      el('div', { class: 'wf-form-actions' }, text('a', 'Forgot password?', { href: '#' }), button('Sign in', 'primary')),
      el('p', { class: 'wf-muted' }, escapeText('New here? '), text('a', 'Create an account', { href: '#' })),
    ),
    '</div>',
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The stylesheet: one low-fi look for every template

export const WIREFRAME_CSS = `:root{--ink:#333;--muted:#777;--line:#bbb;--fill:#e4e4e4;--paper:#fafafa;--accent:#555}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
h1{font-size:22px;margin:0}
h2{font-size:15px;margin:0 0 10px}
a{color:var(--ink)}
.wf-topbar{display:flex;align-items:center;gap:24px;padding:10px 20px;border-bottom:2px solid var(--line);background:#fff}
.wf-logo{font-weight:700;padding:4px 10px;border:2px dashed var(--line)}
.wf-nav{display:flex;gap:16px;flex:1;flex-wrap:wrap}
.wf-nav-link{text-decoration:none;color:var(--muted);padding:4px 0}
.wf-nav-link.wf-active{color:var(--ink);border-bottom:2px solid var(--ink)}
.wf-avatar{width:32px;height:32px;border-radius:50%;background:var(--fill);display:grid;place-items:center;font-size:12px;font-weight:600}
.wf-main{padding:20px;display:grid;gap:16px;max-width:1100px;margin:0 auto}
.wf-page-head{display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap}
.wf-breadcrumb{color:var(--muted);font-size:13px}
.wf-toolbar{display:flex;gap:8px;flex-wrap:wrap}
.wf-input{font:inherit;padding:7px 10px;border:1.5px solid var(--line);border-radius:4px;background:#fff;min-width:0}
input.wf-input[type=search]{flex:1;min-width:180px}
.wf-button{font:inherit;padding:7px 14px;border:1.5px solid var(--accent);border-radius:4px;background:#fff;color:var(--ink);cursor:default;margin-left:6px}
.wf-primary{background:var(--accent);color:#fff}
.wf-card{background:#fff;border:1.5px solid var(--line);border-radius:6px;padding:16px}
.wf-table{width:100%;border-collapse:collapse;background:#fff;border:1.5px solid var(--line)}
.wf-table th,.wf-table td{text-align:left;padding:9px 12px;border-bottom:1px solid var(--fill)}
.wf-table th{background:var(--fill);font-weight:600;font-size:13px}
.wf-bar{display:inline-block;height:10px;border-radius:5px;background:var(--fill);vertical-align:middle}
.wf-bar-1{width:120px}.wf-bar-2{width:90px}.wf-bar-3{width:150px}
.wf-badge{display:inline-block;padding:1px 8px;border:1px solid var(--line);border-radius:10px;font-size:12px}
.wf-pager{display:flex;justify-content:space-between;align-items:center;color:var(--muted)}
.wf-columns{display:grid;grid-template-columns:2fr 1fr;gap:16px}
.wf-fields{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:0}
.wf-field dt{font-size:12px;color:var(--muted)}
.wf-field dd{margin:2px 0 0}
.wf-image{height:140px;background:var(--fill);border:1.5px dashed var(--line);display:grid;place-items:center;color:var(--muted);margin-bottom:14px}
.wf-list{margin:0;padding-left:18px;display:grid;gap:6px}
.wf-latest{font-weight:600}
.wf-form{display:grid;gap:14px;max-width:640px}
.wf-form-row{display:grid;gap:4px}
.wf-form-row label{font-size:13px;font-weight:600}
.wf-check{display:flex;gap:8px;align-items:center}
.wf-form-actions{display:flex;justify-content:flex-end;align-items:center;gap:8px}
.wf-kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.wf-kpi{display:grid;gap:4px}
.wf-kpi-label{color:var(--muted);font-size:12px}
.wf-kpi strong{font-size:24px}
.wf-chart{height:160px;display:flex;align-items:flex-end;gap:10px;padding:10px;border-left:2px solid var(--line);border-bottom:2px solid var(--line)}
.wf-chart-bar{flex:1;background:var(--fill);border:1px solid var(--line)}
.wf-h40{height:40%}.wf-h50{height:50%}.wf-h60{height:60%}.wf-h65{height:65%}.wf-h70{height:70%}.wf-h80{height:80%}.wf-h90{height:90%}
.wf-auth{min-height:100vh;display:grid;place-items:center;padding:20px}
.wf-auth-card{width:100%;max-width:380px;display:grid;gap:14px}
.wf-auth-card h1{font-size:20px}
.wf-roles{border:1.5px solid var(--line);border-radius:4px;display:flex;gap:14px;flex-wrap:wrap}
.wf-radio{display:flex;gap:6px;align-items:center}
.wf-muted{color:var(--muted);margin:0;text-align:center}
@media (max-width:640px){.wf-columns,.wf-fields{grid-template-columns:1fr}.wf-topbar{flex-wrap:wrap;gap:10px}.wf-table th:nth-child(n+4),.wf-table td:nth-child(n+4){display:none}}
`;

// ---------------------------------------------------------------------------------------------------------------
// Entry points

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
export function writeWireframe(facts: WireframeFacts, templateType: WireframeTemplateType, entity: Entity, screenName?: string): WireframeOutput {
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
