import { pluralize, singularPhrase, tokenize, truncate } from '../../../../core/text/index.js';
import type { Entity } from '../../../projects/index.js';
import type { WireframeFacts } from './facts.js';
import { el, lines, text, titleCase } from './markup.js';

// Page furniture: the top bar with its navigation, the page frame and buttons.

export type Screen = { facts: WireframeFacts; entity: Entity; active: string };

export function navItems(facts: WireframeFacts): string[] {
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

export function page(screen: Screen, ...main: string[]): string {
  return lines('<div class="wf-app">', topbar(screen), '<main class="wf-main">', ...main, '</main>', '</div>');
}

export function button(label: string, variant: 'primary' | 'secondary' = 'secondary'): string {
  return text('button', label, { type: 'button', class: `wf-button wf-${variant}` });
}
