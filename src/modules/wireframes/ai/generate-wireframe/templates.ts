import { capitalize, escapeText, pluralize, singularPhrase, truncate } from '../../../../core/text/index.js';
import type { ModelEntity, ModelMetric } from '../../../project-model/index.js';
import type { WireframeFacts } from './facts.js';
import { cellContent, columnsOf, fieldsOf, inputsOf, sampleValue, type Field } from './fields.js';
import { el, fieldId, lines, text, titleCase, voidEl } from './markup.js';
import { button, emptyState, page, type Screen } from './page.js';

// The five templates: list, detail, form, dashboard and sign-in, filled from the project model.

const headerCell = (field: Field) => text('th', titleCase(field.name), { scope: 'col' });

export function listScreen(screen: Screen): string {
  const { entity, facts } = screen;
  if (!entity) return page(screen, text('h1', 'Records'), emptyState('No records are known yet'));
  const plural = titleCase(pluralize(entity.name));
  const columns = columnsOf(entity);
  const head = el('thead', {}, el('tr', {}, ...columns.map(headerCell), text('th', 'Actions', { scope: 'col' })));
  const rows = [0, 1, 2, 3, 4].map((row) => el('tr', {}, ...columns.map((field) => el('td', {}, cellContent(facts, entity, field, row))), el('td', {}, text('a', 'View', { href: '#' }))));
  const filter = columns.find((field) => field.type === 'enum' && field.values?.length);
  return page(
    screen,
    el('div', { class: 'wf-page-head' }, text('h1', plural), button(`New ${entity.name.toLowerCase()}`, 'primary')),
    el(
      'div',
      { class: 'wf-toolbar', role: 'search' },
      voidEl('input', { type: 'search', class: 'wf-input', placeholder: `Search ${pluralize(entity.name.toLowerCase())}`, 'aria-label': `Search ${pluralize(entity.name.toLowerCase())}` }),
      filter
        ? el('select', { class: 'wf-input', 'aria-label': titleCase(filter.name) }, text('option', `Any ${filter.name.toLowerCase()}`), ...(filter.values ?? []).map((value) => text('option', capitalize(value))))
        : '',
    ),
    el('table', { class: 'wf-table' }, head, el('tbody', {}, ...rows)),
    el('div', { class: 'wf-pager' }, text('span', `1–5 of 48 ${pluralize(entity.name.toLowerCase())}`), el('span', {}, button('Previous'), button('Next'))),
  );
}

/** The records a detail page lists: those `entity` has many of, through the model's relationships. */
function relatedOf(facts: WireframeFacts, entity: ModelEntity): ModelEntity[] {
  const ids = facts.model.relationships.flatMap((r) => {
    if (r.from === entity.id && (r.cardinality === 'one-to-many' || r.cardinality === 'many-to-many')) return [r.to];
    if (r.to === entity.id && (r.cardinality === 'many-to-one' || r.cardinality === 'many-to-many')) return [r.from];
    return [];
  });
  return facts.model.entities.filter((other) => other.id !== entity.id && ids.includes(other.id));
}

/** The actions people take on a record: the verbs of the use cases acting on it ("Approve", "Return"). */
function actionsOn(facts: WireframeFacts, entity: ModelEntity): string[] {
  return [...new Set(facts.model.useCases.filter((u) => u.entity === entity.id).map((u) => capitalize(u.action.trim())))].filter(Boolean).slice(0, 3);
}

export function detailScreen(screen: Screen): string {
  const { entity, facts } = screen;
  if (!entity) return page(screen, text('h1', 'Record'), emptyState('No records are known yet'));
  const fields = fieldsOf(entity).slice(0, 12);
  const title = fields.find((f) => f.type === 'text' && /\b(?:name|title)\b/i.test(f.name));
  const heading = (title && sampleValue(facts, entity, title, 0)) ?? `${titleCase(entity.name)} 1`;
  const rows = fields.map((field) => el('div', { class: 'wf-field' }, text('dt', titleCase(field.name)), el('dd', {}, cellContent(facts, entity, field, 0))));
  const related = relatedOf(facts, entity)[0];
  const relatedRows = related
    ? [0, 1, 2].map((row) => {
        const label = columnsOf(related, 2).map((field) => sampleValue(facts, related, field, row)).filter((v): v is string => v !== null);
        return label.length ? text('li', label.join(' · ')) : el('li', {}, el('span', { class: `wf-bar wf-bar-${row + 1}` }));
      })
    : [];
  return page(
    screen,
    el('nav', { class: 'wf-breadcrumb', 'aria-label': 'Breadcrumb' }, text('a', titleCase(pluralize(entity.name)), { href: '#' }), text('span', ' / '), text('span', heading)),
    el('div', { class: 'wf-page-head' }, text('h1', heading), el('span', {}, ...actionsOn(facts, entity).map((action) => button(action)), button('Edit'))),
    el(
      'div',
      { class: 'wf-columns' },
      el('section', { class: 'wf-card', 'aria-label': 'Details' }, text('h2', 'Details'), el('dl', { class: 'wf-fields' }, ...rows)),
      related
        ? el('aside', { class: 'wf-card', 'aria-label': titleCase(pluralize(related.name)) }, text('h2', titleCase(pluralize(related.name))), el('ul', { class: 'wf-list' }, ...relatedRows))
        : '',
    ),
  );
}

function inputFor(screen: Screen & { entity: ModelEntity }, field: Field): string {
  const id = fieldId(screen.entity.name, field.name);
  const label = text('label', titleCase(field.name), { for: id });
  const placeholder = sampleValue(screen.facts, screen.entity, field, 0) ?? undefined;
  const row = (...children: string[]) => el('div', { class: 'wf-form-row' }, ...children);
  switch (field.type) {
    case 'long_text':
      return row(label, el('textarea', { id, class: 'wf-input', rows: '4' }));
    case 'boolean':
      return el('div', { class: 'wf-form-row wf-check' }, voidEl('input', { id, type: 'checkbox' }), label);
    case 'enum':
      return row(label, el('select', { id, class: 'wf-input' }, text('option', `Choose ${field.name.toLowerCase()}`), ...(field.values ?? []).map((value) => text('option', capitalize(value)))));
    case 'reference': {
      const target = screen.facts.model.entities.find((e) => e.id === field.references);
      const options = [0, 1, 2].map((n) => sampleValue(screen.facts, screen.entity, field, n)).filter((v): v is string => v !== null);
      return row(label, el('select', { id, class: 'wf-input' }, text('option', `Choose ${(target?.name ?? field.name).toLowerCase()}`), ...options.map((option) => text('option', option))));
    }
    case 'file':
      return row(label, voidEl('input', { id, type: 'file', class: 'wf-input' }));
    case 'money':
      return row(label, voidEl('input', { id, type: 'number', class: 'wf-input', step: '0.01', min: '0', placeholder: placeholder?.replace(/^\$/, '') }));
    default: {
      const types: Partial<Record<Field['type'], string>> = { date: 'date', datetime: 'datetime-local', number: 'number', email: 'email', phone: 'tel', url: 'url' };
      return row(label, voidEl('input', { id, type: types[field.type] ?? 'text', class: 'wf-input', placeholder, required: field.required ? true : undefined }));
    }
  }
}

export function formScreen(screen: Screen): string {
  const { entity } = screen;
  if (!entity) return page(screen, text('h1', 'New record'), emptyState('No records are known yet'));
  const name = entity.name.toLowerCase();
  return page(
    screen,
    el('nav', { class: 'wf-breadcrumb', 'aria-label': 'Breadcrumb' }, text('a', titleCase(pluralize(entity.name)), { href: '#' }), text('span', ' / '), text('span', 'New')),
    text('h1', `New ${name}`),
    el(
      'form',
      { class: 'wf-card wf-form', 'aria-label': `New ${name}` },
      ...inputsOf(entity).map((field) => inputFor({ ...screen, entity }, field)),
      el('div', { class: 'wf-form-actions' }, button('Cancel'), button(`Save ${name}`, 'primary')),
    ),
  );
}

/** A plausible current figure for a metric, by what it measures: a share, a time or a count. */
function metricValue(metric: ModelMetric, index: number): string {
  const name = metric.name.toLowerCase();
  if (/\b(?:share|rate|percent|percentage|proportion|ratio)\b|%/.test(`${name} ${metric.target}`)) return `${87 - index * 4}%`;
  if (/\b(?:time|duration|minutes|hours|days|delay|wait)\b/.test(name)) return `${(2.5 + index).toFixed(1)} days`;
  if (/\b(?:score|rating|satisfaction|nps)\b/.test(name)) return `${(4.6 - 0.2 * index).toFixed(1)} / 5`;
  return String(42 + index * 17);
}

export function dashboardScreen(screen: Screen): string {
  const { entity, facts } = screen;
  const metrics = facts.model.metrics.slice(0, 4);
  const kpis = metrics.length
    ? metrics.map((metric, i) =>
        el('div', { class: 'wf-card wf-kpi' }, text('span', metric.name, { class: 'wf-kpi-label' }), text('strong', metricValue(metric, i)), metric.target ? text('span', `Target: ${truncate(metric.target, 60)}`, { class: 'wf-kpi-label' }) : ''),
      )
    : facts.entities.slice(0, 4).map((e, i) => el('div', { class: 'wf-card wf-kpi' }, text('span', `${titleCase(pluralize(e.name))}`, { class: 'wf-kpi-label' }), text('strong', String(248 - i * 61))));
  const next = facts.model.useCases
    .filter((u) => u.priority === 'must')
    .concat(facts.model.useCases.filter((u) => u.priority !== 'must'))
    .slice(0, 4)
    .map((u) => text('li', u.name));
  const main: string[] = [
    el('div', { class: 'wf-page-head' }, text('h1', 'Dashboard'), entity ? button(`New ${entity.name.toLowerCase()}`, 'primary') : ''),
    kpis.length ? el('div', { class: 'wf-kpis' }, ...kpis) : '',
  ];
  if (!entity) return page(screen, ...main, emptyState('No records are known yet'));
  const plural = pluralize(entity.name.toLowerCase());
  const columns = columnsOf(entity, 3);
  const recent = [0, 1, 2].map((row) => el('tr', {}, ...columns.map((field) => el('td', {}, cellContent(facts, entity, field, row)))));
  main.push(
    el(
      'div',
      { class: 'wf-columns' },
      el('section', { class: 'wf-card', 'aria-label': 'Chart' }, text('h2', `${capitalize(plural)} per week`), el('div', { class: 'wf-chart', role: 'img', 'aria-label': 'Chart placeholder' }, ...[40, 65, 50, 80, 70, 90, 60].map((h) => el('span', { class: `wf-chart-bar wf-h${h}` })))),
      next.length ? el('section', { class: 'wf-card', 'aria-label': 'What to do' }, text('h2', 'What to do'), el('ul', { class: 'wf-list' }, ...next)) : '',
    ),
    el('section', { class: 'wf-card', 'aria-label': `Recent ${plural}` }, text('h2', `Recent ${plural}`), el('table', { class: 'wf-table' }, el('thead', {}, el('tr', {}, ...columns.map(headerCell))), el('tbody', {}, ...recent))),
  );
  return page(screen, ...main);
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
