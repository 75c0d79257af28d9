import { capitalize, escapeText, pluralize, singularPhrase, truncate } from '../../../../core/text/index.js';
import type { Entity } from '../../../projects/index.js';
import { cellContent, fieldsOf, kindOf, sampleValue, type FieldKind } from './fields.js';
import { el, fieldId, lines, text, titleCase, voidEl } from './markup.js';
import { button, page, type Screen } from './page.js';

// The five templates: list, detail, form, dashboard and sign-in.

export function listScreen(screen: Screen): string {
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

export function detailScreen(screen: Screen): string {
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

export function formScreen(screen: Screen): string {
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

export function dashboardScreen(screen: Screen): string {
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

export function authScreen(screen: Screen): string {
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
