import { useState } from 'react';
import { apiRequest, enc } from '../../api/http';
import { ErrorBanner } from '../../components/error-banner';
import { useToast } from '../../components/toast';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useResource } from '../../lib/use-resource';
import type { ResponseOf } from '../../api/contract-types';
import type { githubLinkListSchema, pushResultSchema } from '../../../modules/integrations/github/github.contract';
import { isMissingEndpoint } from './client';

type GitHubLink = ResponseOf<typeof githubLinkListSchema>['items'][number];
type PushResult = ResponseOf<typeof pushResultSchema>;
type IntegrationSummary = { id: string; type: string; name: string; enabled: boolean; config: Record<string, unknown> };

const syncLabels: Record<GitHubLink['syncState'], string> = { synced: 'In sync', pending: 'Waiting for GitHub', error: 'Sync failed' };

/**
 * The story's GitHub issues (Settings → Integrations connects a repository): the issue link, whether it is open or
 * closed on GitHub and whether the last sync worked; editors push the story from here.
 */
export function StoryGitHub({ projectId, organizationId, storyId, rev, canEdit }: { projectId: string; organizationId: string; storyId: string; rev: number; canEdit: boolean }) {
  const toast = useToast();
  const links = useResource<GitHubLink[] | null>(`${projectId}|${storyId}|${rev}`, (signal) =>
    apiRequest<{ items: GitHubLink[] }>('GET', `/projects/${enc(projectId)}/github-links`, { query: { storyId }, signal })
      .then((answer) => answer.items)
      .catch((error: unknown) => {
        if (isMissingEndpoint(error)) return null;
        throw error;
      }),
  );
  const targets = useResource<IntegrationSummary[]>(`${organizationId}|${canEdit}`, (signal) =>
    canEdit
      ? apiRequest<{ items: IntegrationSummary[] }>('GET', `/organizations/${enc(organizationId)}/integrations`, { query: { limit: 100 }, signal })
          .then((page) => page.items.filter((i) => i.type === 'github' && i.enabled && (!i.config.projectId || i.config.projectId === projectId)))
          .catch(() => [])
      : Promise.resolve([]),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (links.status === 'ready' && links.data === null) return null;
  const linked = links.status === 'ready' ? (links.data ?? []) : [];
  const available = targets.status === 'ready' ? targets.data : [];
  if (linked.length === 0 && available.length === 0) return null;

  const push = async (integration: IntegrationSummary) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await apiRequest<PushResult>('POST', `/integrations/${enc(integration.id)}/github/push`, { body: { storyIds: [storyId] } });
      const item = answer.items[0];
      if (item?.result === 'failed') setError(new Error(item.error ?? 'The push failed'));
      else toast.show(item?.result === 'created' ? `Issue #${item.issueNumber} created` : item?.result === 'updated' ? `Issue #${item.issueNumber} updated` : 'The issue is already up to date');
      links.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="story-github" aria-labelledby="github-heading" data-testid="story-github">
      <h3 className="field-label" id="github-heading">
        GitHub
      </h3>
      {linked.map((link) => (
        <div key={link.integrationId} className="story-github-link" data-testid="story-github-link" data-sync={link.syncState} data-state={link.remoteState}>
          <a href={link.issueUrl} target="_blank" rel="noreferrer noopener">
            Issue #{link.issueNumber}
          </a>{' '}
          <span className={`tag ${link.remoteState === 'closed' ? 'tag-accent' : ''}`}>{link.remoteState === 'closed' ? 'Closed' : 'Open'}</span>{' '}
          <span className={link.syncState === 'error' ? 'story-github-error' : 'muted'} title={link.lastSyncedAt ? `Last synced ${formatDateTime(link.lastSyncedAt)}` : undefined}>
            {syncLabels[link.syncState]}
            {link.lastSyncedAt ? ` · ${formatRelative(link.lastSyncedAt)}` : ''}
          </span>
          {link.lastError && <p className="story-github-error">{link.lastError}</p>}
          <div className="muted">{link.integrationName}</div>
        </div>
      ))}
      {canEdit &&
        available.map((integration) => (
          <button
            key={integration.id}
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={busy}
            onClick={() => void push(integration)}
            data-testid="story-github-push"
          >
            {linked.some((l) => l.integrationId === integration.id) ? 'Update issue' : 'Push to GitHub'}
            {available.length > 1 ? ` (${integration.name})` : ''}
          </button>
        ))}
      {error !== null && <ErrorBanner error={error} />}
    </section>
  );
}
