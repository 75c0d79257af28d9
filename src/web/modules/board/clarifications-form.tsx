import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/error-banner';
import type { Clarification, SessionSummary } from './client';

const ANSWER_MAX = 4000;

/**
 * The board's clarifying questions, asked when something decisive is missing: answer any of them (unanswered ones
 * are left to the panel's assumptions) or skip them all. Either resumes the session.
 */
export function ClarificationsForm({
  sessionId,
  questions,
  onAnswered,
}: {
  sessionId: string;
  questions: Clarification[];
  onAnswered(summary: SessionSummary): void;
}) {
  const open = questions.filter((q) => q.answer === null && !q.skipped);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState<'answers' | 'skip' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const answered = open.filter((q) => (answers[q.id] ?? '').trim() !== '');

  const submit = async (skip: boolean) => {
    setSubmitting(skip ? 'skip' : 'answers');
    setError(null);
    try {
      const summary = await api.board.sessions.answer(
        sessionId,
        skip ? { skip: true } : { answers: answered.map((q) => ({ id: q.id, answer: answers[q.id]!.trim() })) },
      );
      onAnswered(summary);
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(null);
    }
  };

  return (
    <section className="card room-section room-clarifications" aria-labelledby="clarifications-heading" data-testid="room-clarifications">
      <h2 className="section-title" id="clarifications-heading">
        The board needs to know
      </h2>
      <p className="muted">The session is paused until you answer or skip. Unanswered questions become stated assumptions.</p>
      <form
        className="clarifications-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (answered.length > 0) void submit(false);
        }}
      >
        {error != null && <ErrorBanner error={error} title="The answers could not be sent." />}
        <ol className="questions">
          {open.map((item, index) => (
            <li key={item.id} className="question" data-testid="board-clarification">
              <label className="question-text" htmlFor={`board-answer-${item.id}`}>
                <span className="question-number" aria-hidden="true">
                  {index + 1}
                </span>
                {item.question}
              </label>
              {item.why && <p className="question-why">{item.why}</p>}
              <textarea
                id={`board-answer-${item.id}`}
                className="input textarea"
                rows={2}
                maxLength={ANSWER_MAX}
                value={answers[item.id] ?? ''}
                onChange={(e) => setAnswers((current) => ({ ...current, [item.id]: e.target.value }))}
                placeholder="Your answer"
                disabled={submitting !== null}
                data-testid="board-clarification-answer"
              />
            </li>
          ))}
        </ol>
        <div className="clarifications-actions">
          <span className="muted form-note">
            {answered.length} of {open.length} answered
          </span>
          <button type="button" className="btn btn-secondary" onClick={() => void submit(true)} disabled={submitting !== null} data-testid="skip-clarifications">
            {submitting === 'skip' ? 'Skipping…' : 'Skip and continue'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={submitting !== null || answered.length === 0} data-testid="send-clarifications">
            {submitting === 'answers' ? 'Sending…' : 'Send answers'}
          </button>
        </div>
      </form>
    </section>
  );
}
