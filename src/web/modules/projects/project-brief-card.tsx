import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { AiSettings, Generation, TaskBatchResult } from '../ai/client';
import type { Job } from '../jobs/client';
import type { Project } from './client';
import type { ProjectBrief } from './project-brief';
import { ErrorBanner } from '../../components/error-banner';
import { SparklesIcon } from '../../components/icons';
import { JobProgress } from '../jobs/job-progress';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { describeModel, isUnpriced, providerNames } from '../ai/ai-labels';
import { formatDateTime, formatDuration, formatNumber, formatRelative, formatUsd } from '../../lib/format';
import { isJobFinished } from '../jobs/use-job';
import { useResource } from '../../lib/use-resource';

const BRIEF_TASK = 'project-brief';
const BATCH_JOB_TYPE = 'ai.task-batch';
const IDEA_MAX = 20_000;

const priorityLabels: Record<ProjectBrief['features'][number]['priority'], string> = { must: 'Must', should: 'Should', could: 'Could' };

/** The job this browser started for a project, so a reload keeps following it. */
const storageKey = (projectId: string) => `atelier.briefJob.${projectId}`;
function rememberJob(projectId: string, jobId: string | null): void {
  try {
    if (jobId) sessionStorage.setItem(storageKey(projectId), jobId);
    else sessionStorage.removeItem(storageKey(projectId));
  } catch {
    // Storage may be refused; following then lasts for this page only.
  }
}
function rememberedJob(projectId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(projectId));
  } catch {
    return null;
  }
}

function isBrief(value: unknown): value is ProjectBrief {
  if (typeof value !== 'object' || value === null) return false;
  const brief = value as Partial<ProjectBrief>;
  return typeof brief.title === 'string' && typeof brief.summary === 'string' && Array.isArray(brief.features);
}

function briefOf(job: Job): ProjectBrief | null {
  const result = job.result as Partial<TaskBatchResult> | null;
  if (!result || result.task !== BRIEF_TASK || !Array.isArray(result.outputs)) return null;
  const output = result.outputs[0];
  return isBrief(output) ? output : null;
}

type Loaded = { latest: Job | null; active: string | null };

/**
 * The project's AI brief: the newest one generated, and "Generate brief" (editors and up), which runs the
 * project-brief task as a background job and follows it live.
 */
export function ProjectBriefCard({ project, canGenerate }: { project: Project; canGenerate: boolean }) {
  const toast = useToast();
  const [latest, setLatest] = useState<Job | null>(null);
  const [activeJobId, setActiveJobId] = useState<string | null>(null);
  /** The followed job ended without a brief (failed or cancelled): its message stays until dismissed or replaced. */
  const [activeEnded, setActiveEnded] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);

  const loaded = useResource<Loaded>(project.id, async (signal) => {
    const page = await api.jobs.list({ projectId: project.id, limit: 25 }, signal);
    const remembered = rememberedJob(project.id);
    const batches = page.items.filter((job) => job.type === BATCH_JOB_TYPE);
    const latestBrief = batches.find((job) => job.status === 'succeeded' && briefOf(job) !== null) ?? null;
    const pending = batches.find((job) => job.id === remembered);
    // Keep following a job this browser started that is still running, or that failed (its message stays up).
    const active = pending && (!isJobFinished(pending) || pending.status === 'failed') ? pending.id : null;
    if (!active) rememberJob(project.id, null);
    return { latest: latestBrief, active };
  });
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    setLatest(loaded.data.latest);
    setActiveJobId(loaded.data.active);
    setActiveEnded(false);
  }, [loaded.status, loaded.data]);

  const settings = useResource<AiSettings>(project.organizationId, (signal) => api.ai.settings.get(project.organizationId, signal));

  const generate = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const idea = (project.ideaPrompt?.trim() || project.description?.trim() || project.name).slice(0, IDEA_MAX);
      const { jobId } = await api.ai.startJob(BRIEF_TASK, { projectId: project.id, inputs: [{ name: project.name, idea }] });
      rememberJob(project.id, jobId);
      setActiveEnded(false);
      setActiveJobId(jobId);
    } catch (caught) {
      setStartError(caught);
    } finally {
      setStarting(false);
    }
  };

  const onDone = useCallback(
    (job: Job) => {
      if (job.status === 'succeeded' && briefOf(job)) {
        setLatest(job);
        setActiveJobId(null);
        rememberJob(project.id, null);
        toast.show('The brief is ready');
      } else {
        setActiveEnded(true);
      }
    },
    [project.id, toast],
  );

  const brief = latest ? briefOf(latest) : null;
  const busy = starting || (activeJobId !== null && !activeEnded);
  const inTrash = project.status === 'deleted';

  return (
    <section className="card brief-card" aria-labelledby="brief-heading" data-testid="project-brief-card">
      <header className="brief-card-head">
        <div>
          <h2 className="section-title brief-heading" id="brief-heading">
            <SparklesIcon size={15} /> AI brief
          </h2>
          <p className="muted brief-engine" data-testid="brief-engine">
            <EngineLine settings={settings.data} />
          </p>
        </div>
        <div className="brief-actions">
          {brief && <CopyBriefButton brief={brief} />}
          {canGenerate && !inTrash && (
            <button type="button" className={brief ? 'btn btn-secondary' : 'btn btn-primary'} onClick={() => void generate()} disabled={busy} data-testid="generate-brief">
              <SparklesIcon size={15} />
              {starting ? 'Starting…' : busy ? 'Generating…' : brief ? 'Regenerate' : activeEnded ? 'Try again' : 'Generate brief'}
            </button>
          )}
        </div>
      </header>

      {startError != null && <ErrorBanner error={startError} title="The brief could not be started." />}
      {loaded.status === 'error' && <ErrorBanner error={loaded.error} title="Earlier briefs could not be loaded." onRetry={loaded.reload} />}

      {activeJobId && (
        <div className="brief-job">
          <JobProgress
            jobId={activeJobId}
            label="Generating the project brief"
            onDone={onDone}
            onDismiss={() => {
              setActiveJobId(null);
              rememberJob(project.id, null);
            }}
          />
        </div>
      )}

      {loaded.status === 'loading' ? (
        <SkeletonRows rows={3} />
      ) : brief && latest ? (
        <BriefView brief={brief} job={latest} />
      ) : (
        !activeJobId && (
          <div className="brief-empty" data-testid="brief-empty">
            <p>
              No brief yet. {canGenerate && !inTrash ? 'Generate one' : 'An editor can generate one'} from this project’s
              {project.ideaPrompt ? ' idea' : project.description ? ' description' : ' name'}: the problem, goals, target users,
              prioritised features, risks and success metrics — a starting point for the team to edit.
            </p>
          </div>
        )
      )}
    </section>
  );
}

function EngineLine({ settings }: { settings: AiSettings | undefined }) {
  if (!settings) return <>Drafted by the organization’s AI provider.</>;
  const { provider, model } = settings.effective;
  if (provider === 'builtin') {
    return (
      <>
        Drafted by Atelier’s offline engine — templates and text analysis, no external model. <Link to="/settings/ai">Connect a model</Link>
      </>
    );
  }
  return (
    <>
      Drafted by <strong>{describeModel(provider, model)}</strong>. <Link to="/settings/ai">Change</Link>
    </>
  );
}

function BriefView({ brief, job }: { brief: ProjectBrief; job: Job }) {
  return (
    <article className="brief" data-testid="project-brief">
      <h3 className="brief-title" data-testid="brief-title">
        {brief.title}
      </h3>
      <p className="brief-summary">{brief.summary}</p>

      <div className="brief-grid">
        <BriefSection title="Problem">
          <p>{brief.problem}</p>
        </BriefSection>
        <BriefSection title="Goals">
          <ul className="brief-list">
            {brief.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
        </BriefSection>
      </div>

      <BriefSection title="Target users">
        <div className="brief-users">
          {brief.targetUsers.map((user, i) => (
            <div className="brief-user" key={i}>
              <strong>{user.name}</strong>
              {user.needs.length > 0 && (
                <ul className="brief-list">
                  {user.needs.map((need, j) => (
                    <li key={j}>{need}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </BriefSection>

      <BriefSection title="Features">
        <ul className="brief-features" data-testid="brief-features">
          {brief.features.map((feature, i) => (
            <li key={i} className="brief-feature" data-testid="brief-feature">
              <span className={`priority priority-${feature.priority}`}>{priorityLabels[feature.priority] ?? feature.priority}</span>
              <div>
                <strong className="brief-feature-name">{feature.name}</strong>
                <p className="muted">{feature.description}</p>
              </div>
            </li>
          ))}
        </ul>
      </BriefSection>

      {brief.risks.length > 0 && (
        <BriefSection title="Risks">
          <ul className="brief-risks">
            {brief.risks.map((risk, i) => (
              <li key={i}>
                <span>{risk.risk}</span>
                <span className="muted">Mitigation: {risk.mitigation}</span>
              </li>
            ))}
          </ul>
        </BriefSection>
      )}

      <BriefSection title="Success metrics">
        <ul className="brief-list">
          {brief.successMetrics.map((metric, i) => (
            <li key={i}>{metric}</li>
          ))}
        </ul>
      </BriefSection>

      <BriefFooter job={job} />
    </article>
  );
}

function BriefSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="brief-section">
      <h4 className="brief-section-title">{title}</h4>
      {children}
    </section>
  );
}

/** Who wrote the brief (the offline engine, or which model), what it took and what it cost. */
function BriefFooter({ job }: { job: Job }) {
  const result = job.result as Partial<TaskBatchResult> | null;
  const generationId = result?.generationIds?.[0] ?? '';
  const generation = useResource<Generation | null>(generationId, (signal) =>
    generationId ? api.ai.generations.get(generationId, signal) : Promise.resolve(null),
  );
  const call = generation.data ?? null;
  const tokens = (result?.tokensIn ?? 0) + (result?.tokensOut ?? 0);
  const cost = result?.cost ?? 0;
  const took = job.startedAt && job.finishedAt ? Date.parse(job.finishedAt) - Date.parse(job.startedAt) : null;

  const parts: string[] = [];
  if (call && call.provider !== 'builtin') parts.push(`${formatNumber(tokens)} tokens`);
  if (call) parts.push(call.provider === 'builtin' ? 'free' : isUnpriced(call) ? 'cost not priced' : formatUsd(cost));
  if (took !== null) parts.push(`took ${formatDuration(took)}`);
  if (job.finishedAt) parts.push(formatRelative(job.finishedAt));

  return (
    <footer className="brief-footer" data-testid="brief-provenance" title={job.finishedAt ? formatDateTime(job.finishedAt) : undefined}>
      <SparklesIcon size={13} />
      <span>
        {call === null ? (
          generation.status === 'loading' ? 'Generated' : 'AI-generated'
        ) : call.provider === 'builtin' ? (
          'Written by Atelier’s offline engine — templates and text analysis, no external model'
        ) : (
          <>
            Written by <strong>{call.model}</strong> via {providerNames[call.provider]}
          </>
        )}
        {parts.length > 0 && ` · ${parts.join(' · ')}`}
      </span>
      <span className="brief-disclaimer">Review before sharing — AI drafts can be wrong.</span>
    </footer>
  );
}

function briefAsMarkdown(brief: ProjectBrief): string {
  const lines = [`# ${brief.title}`, '', brief.summary, '', '## Problem', '', brief.problem, '', '## Goals', ''];
  lines.push(...brief.goals.map((goal) => `- ${goal}`), '', '## Target users', '');
  for (const user of brief.targetUsers) lines.push(`### ${user.name}`, ...user.needs.map((need) => `- ${need}`), '');
  lines.push('## Features', '', ...brief.features.map((f) => `- **${f.name}** (${f.priority}): ${f.description}`), '');
  if (brief.risks.length) lines.push('## Risks', '', ...brief.risks.map((r) => `- ${r.risk} — *Mitigation:* ${r.mitigation}`), '');
  lines.push('## Success metrics', '', ...brief.successMetrics.map((m) => `- ${m}`), '');
  return lines.join('\n');
}

function CopyBriefButton({ brief }: { brief: ProjectBrief }) {
  const toast = useToast();
  return (
    <button
      type="button"
      className="btn btn-ghost"
      onClick={() => {
        navigator.clipboard
          .writeText(briefAsMarkdown(brief))
          .then(() => toast.show('Brief copied as Markdown'))
          .catch(() => toast.show('The clipboard is not available in this browser', { tone: 'error' }));
      }}
    >
      Copy as Markdown
    </button>
  );
}
