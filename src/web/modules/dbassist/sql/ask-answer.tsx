import type { AskAnswer } from '../client';

/** What the question was read as: the explanation, the tables the SQL reads, and any part that was not understood. */
export function AskAnswerPanel({ answer }: { answer: AskAnswer }) {
  return (
    <div className={answer.sql ? 'dba-answer' : 'dba-answer dba-answer-missed'} data-testid="ask-answer" data-has-sql={answer.sql ? 'true' : 'false'} aria-live="polite">
      <p className="dba-answer-text" data-testid="ask-explanation">
        {answer.explanation}
      </p>
      {answer.tables.length > 0 && (
        <p className="dba-answer-tables">
          <span className="muted">Tables: </span>
          {answer.tables.map((table) => (
            <span key={table} className="tag dba-mono" data-testid="ask-table">
              {table}
            </span>
          ))}
        </p>
      )}
      {answer.notUnderstood.length > 0 && (
        <div className="dba-answer-missing">
          <span className="muted">Not understood: </span>
          <ul data-testid="ask-not-understood">
            {answer.notUnderstood.map((part) => (
              <li key={part}>“{part}”</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
