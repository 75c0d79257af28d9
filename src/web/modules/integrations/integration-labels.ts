import type { Integration, IntegrationType, WebhookEventType } from './client';

export const typeLabels: Record<IntegrationType, string> = {
  webhook: 'Webhook',
  zapier: 'Zapier',
  github: 'GitHub',
  google_analytics: 'Google Analytics',
};

export const typeHints: Record<IntegrationType, string> = {
  webhook: 'POSTs the events you choose, signed, to any URL.',
  zapier: 'POSTs the events you choose to a Zapier “Catch Hook” URL.',
  github: 'Pushes stories to issues of a repository and keeps them in step.',
  google_analytics: 'Shows a GA4 property’s users, sessions and conversions beside a project’s success metrics.',
};

export const eventLabels: Record<WebhookEventType, string> = {
  'story.created': 'Story created',
  'story.moved': 'Story moved (status, sprint or order)',
  'story.updated': 'Story edited',
  'sprint.completed': 'Sprint completed',
  'document.published': 'Document published',
  'board.decision_made': 'Board decision made',
};

export const eventTypes = Object.keys(eventLabels) as WebhookEventType[];

export const takesEvents = (type: IntegrationType) => type === 'webhook' || type === 'zapier';

/** One line saying where the integration points. */
export function targetOf(integration: Integration): string {
  const config = integration.config;
  const text = (key: string) => (typeof config[key] === 'string' ? (config[key]) : '');
  switch (integration.type) {
    case 'webhook':
    case 'zapier':
      return text('url');
    case 'github':
      return `${text('owner')}/${text('repo')}${text('baseUrl') && text('baseUrl') !== 'https://api.github.com' ? ` · ${text('baseUrl')}` : ''}`;
    case 'google_analytics':
      return `Property ${text('propertyId')}`;
  }
}
