import { pluralize, singularPhrase, tokenize, truncate } from '../../../../core/text/index.js';
import type { ModelEntity } from '../../../project-model/index.js';
import type { WireframeFacts } from './facts.js';
import { el, lines, text, titleCase } from './markup.js';

// Page furniture: the top bar with its navigation (the main entities, by their plural names), the frame, buttons.

export type Screen = { facts: WireframeFacts; entity: ModelEntity | undefined; active: string };

const MAX_NAV_ENTITIES = 4;

export function navItems(facts: WireframeFacts): string[] {
  return ['Dashboard', ...facts.entities.slice(0, MAX_NAV_ENTITIES).map((entity) => titleCase(pluralize(entity.name))), 'Settings'];
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

export function page(screen: Screen, ...main: string[]): string {
  return lines('<div class="wf-app">', topbar(screen), '<main class="wf-main">', ...main, '</main>', '</div>');
}

export function button(label: string, variant: 'primary' | 'secondary' = 'secondary'): string {
  return text('button', label, { type: 'button', class: `wf-button wf-${variant}` });
}

/** What a screen shows when the model holds no record to draw it for. */
export function emptyState(what: string): string {
  return el('section', { class: 'wf-card', 'aria-label': 'Nothing to show yet' }, text('h2', what), text('p', 'Add the records this product keeps in the Model tab, then generate this screen again.', { class: 'wf-muted' }));
}
