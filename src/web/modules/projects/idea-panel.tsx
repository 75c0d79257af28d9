import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Job } from '../jobs/client';
import type { IdeaPipeline, Project } from './client';
import { ErrorBanner } from '../../components/error-banner';
import { LightbulbIcon, SparklesIcon } from '../../components/icons';
import { JobProgress } from '../jobs/job-progress';
import { SkeletonRows } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { isJobFinished } from '../jobs/use-job';
import { useResource } from '../../lib/use-resource';
import { IdeaWorkspace } from './idea-workspace';

const ANSWER_MAX = 10_000;

/**
 * A project started from an idea: Atelier asks two or three clarifying questions, the author answers (or skips them),
 * then the project model is built and six documents are written from it — SRS, overview, PRD, marketing plan,
 * technical design and delivery plan — and shown as the project's workspace. Each step's job is followed live.
 */
export function IdeaPanel({ project, canEdit, onProjectChange }: { project: Project; canEdit: boolean; onProjectChange(project: Project): void }) {
  const pipeline = useResource<IdeaPipeline>(project.id, (signal) => api.projects.ideaPipeline(project.id, signal));
  const [startedJobId, setStartedJobId] = useState<string | null>(null);
  const data = pipeline.data;
  const { reload } = pipeline;

  // Between creating the project and its first job, or a job ending and the pipeline knowing it, ask again shortly.
  const waiting = pipeline.status === 'ready' && data !== undefined && !data.job && data.documents.length === 0 && data.projectStatus === 'processing';
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  }, [waiting, reload]);

  const onJobDone = useCallback(
    (job: Job) => {
      if (job.status !== 'succeeded') return;
      setStartedJobId(null);
      reload();
      void api.projects.get(project.id).then(onProjectChange, () => undefined);
    },
    [reload, project.id, onProjectChange],
  );

  if (pipeline.status === 'loading' && !data)
    return (
      <section className="card idea-card" aria-label="Idea">
        <SkeletonRows rows={2} />
      </section>
    );
  if (pipeline.status === 'error') return <ErrorBanner error={pipeline.error} title="The idea’s progress could not be loaded." onRetry={reload} />;
  if (!data) return null;

  if (data.documents.length > 0) return <IdeaWorkspace project={project} documents={data.documents} />;

  const job = data.job;
  const followId = startedJobId ?? (job && (!isJobFinished(job) || job.status === 'failed') ? job.id : null);
  const stage = startedJobId ? 'documents' : job?.stage ?? 'questions';

  if (followId) {
    return (
      <section className="card idea-card" aria-labelledby="idea-heading" data-testid="idea-progress" data-stage={stage}>
        <IdeaHeading
          title={stage === 'questions' ? 'Reading your idea' : 'Writing your workspace'}
          subtitle={
            stage === 'questions'
              ? 'Atelier is preparing a few questions about the idea before it writes anything.'
              : 'Overview, product requirements, marketing plan, technical design and delivery plan — one after the other.'
          }
        />
        <JobProgress jobId={followId} label={stage === 'questions' ? 'Preparing clarifying questions' : 'Writing the documents'} onDone={onJobDone} />
        {job?.status === 'failed' && !startedJobId && canEdit && (
          <RetryButton projectId={project.id} onStarted={setStartedJobId} label={stage === 'questions' ? 'Skip the questions and write the documents' : 'Try again'} />
        )}
      </section>
    );
  }

  if (data.items.length > 0 && job?.stage === 'questions') {
    return <ClarificationsForm project={project} pipeline={data} canEdit={canEdit} onStarted={setStartedJobId} />;
  }

  // An idea added to a project that never ran the pipeline: nothing to show.
  if (!waiting) return null;

  return (
    <section className="card idea-card" aria-labelledby="idea-heading" data-testid="idea-progress" data-stage="starting">
      <IdeaHeading title="Reading your idea" subtitle="Starting…" />
      <SkeletonRows rows={1} />
    </section>
  );
}

function IdeaHeading({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <header className="idea-head">
      <span className="idea-icon" aria-hidden="true">
        <LightbulbIcon size={18} />
      </span>
      <div>
        <h2 className="idea-title" id="idea-heading">
          {title}
        </h2>
        <p className="muted idea-subtitle">{subtitle}</p>
      </div>
    </header>
  );
}

function RetryButton({ projectId, onStarted, label }: { projectId: string; onStarted(jobId: string): void; label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="idea-retry">
      {error != null && <ErrorBanner error={error} />}
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          api.projects
            .answerClarifications(projectId, { skip: true })
            .then(({ jobId }) => onStarted(jobId))
            .catch((caught: unknown) => setError(caught))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Starting…' : label}
      </button>
    </div>
  );
}

function ClarificationsForm({
  project,
  pipeline,
  canEdit,
  onStarted,
}: {
  project: Project;
  pipeline: IdeaPipeline;
  canEdit: boolean;
  onStarted(jobId: string): void;
}) {
  const toast = useToast();
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(pipeline.items.map((item) => [item.id, item.answer ?? ''])),
  );
  const [submitting, setSubmitting] = useState<'answer' | 'skip' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const answered = pipeline.items.filter((item) => (answers[item.id] ?? '').trim() !== '');

  const submit = async (skip: boolean) => {
    setSubmitting(skip ? 'skip' : 'answer');
    setError(null);
    try {
      const given = answered.map((item) => ({ id: item.id, answer: (answers[item.id] ?? '').trim() }));
      const { jobId } = await api.projects.answerClarifications(project.id, skip ? { skip: true, ...(given.length ? { answers: given } : {}) } : { answers: given });
      toast.show(skip ? 'Writing the documents without further answers' : 'Thanks — writing the documents');
      onStarted(jobId);
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(null);
    }
  };

  return (
    <section className="card idea-card" aria-labelledby="idea-heading" data-testid="clarifications">
      <IdeaHeading
        title={`${pipeline.items.length} question${pipeline.items.length === 1 ? '' : 's'} about your idea`}
        subtitle="Answers make the documents specific to your product. Answer what you can; any question can stay blank."
      />
      <blockquote className="idea-quote" data-testid="idea-prompt">
        {project.ideaPrompt}
      </blockquote>
      <form
        className="clarifications-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (answered.length) void submit(false);
        }}
        data-testid="clarifications-form"
      >
        {error != null && <ErrorBanner error={error} title="The answers could not be sent." />}
        <ol className="questions">
          {pipeline.items.map((item, index) => (
            <li key={item.id} className="question" data-testid="clarification">
              <label className="question-text" htmlFor={`answer-${item.id}`}>
                <span className="question-number" aria-hidden="true">
                  {index + 1}
                </span>
                {item.question}
              </label>
              {item.why && <p className="question-why">{item.why}</p>}
              <textarea
                id={`answer-${item.id}`}
                className="input textarea"
                rows={3}
                maxLength={ANSWER_MAX}
                value={answers[item.id] ?? ''}
                onChange={(e) => setAnswers((current) => ({ ...current, [item.id]: e.target.value }))}
                placeholder="Your answer"
                disabled={!canEdit || submitting !== null}
                data-testid="clarification-answer"
              />
            </li>
          ))}
        </ol>
        {canEdit ? (
          <div className="clarifications-actions">
            <span className="muted form-note">
              {answered.length} of {pipeline.items.length} answered
            </span>
            <button type="button" className="btn btn-ghost" onClick={() => void submit(true)} disabled={submitting !== null} data-testid="skip-clarifications">
              {submitting === 'skip' ? 'Starting…' : 'Skip questions'}
            </button>
            <button type="submit" className="btn btn-primary" disabled={submitting !== null || answered.length === 0} data-testid="submit-clarifications">
              <SparklesIcon size={15} />
              {submitting === 'answer' ? 'Sending…' : 'Write the documents'}
            </button>
          </div>
        ) : (
          <p className="muted">An editor of this project answers the questions.</p>
        )}
      </form>
    </section>
  );
}
