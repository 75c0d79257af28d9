import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/http';
import { ErrorBanner } from '../../../components/error-banner';
import { PlayIcon, SparklesIcon, StopIcon } from '../../../components/icons';
import { Spinner } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { useResource } from '../../../lib/use-resource';
import type { AskAnswer, Execution, SavedQuery } from '../client';
import { useConnectionContext } from '../connection-context';
import { tableKeyOf } from '../dbassist-paths';
import { AskAnswerPanel } from './ask-answer';
import { ExecutionHistory } from './execution-history';
import { ExecutionResults, PAGE_SIZE } from './execution-results';
import { SaveQueryDialog } from './save-query-dialog';
import { SavedQueries } from './saved-queries';
import { findRunningExecution } from './running-execution';
import { isRunKey, SqlEditor } from './sql-editor';
import { WriteConfirmDialog, writePreviewOf, type WritePreview } from './write-confirm-dialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const RUN_KEYS = isMac ? '⌘ Enter' : 'Ctrl Enter';

/**
 * /databases/{connectionId}/sql: ask a question and get SQL, edit it (highlighted, Ctrl/⌘+Enter runs), run it with
 * Cancel while it runs, page through and export the result; the saved queries and every past run beside it. Asking,
 * running and saving are for editors; a viewer reads the history.
 */
export function SqlWorkspace() {
  const { connection, canEdit } = useConnectionContext();
  const toast = useToast();
  const [question, setQuestion] = useState('');
  const [asking, setAsking] = useState(false);
  const [askError, setAskError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<(AskAnswer & { question: string }) | null>(null);
  const [sql, setSql] = useState('');
  // The saved query in the editor, while its text is unchanged: a run is then recorded against it.
  const [openQuery, setOpenQuery] = useState<SavedQuery | null>(null);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [execution, setExecution] = useState<Execution | null>(null);
  const [pendingWrite, setPendingWrite] = useState<{ sql: string; preview: WritePreview } | null>(null);
  const [saving, setSaving] = useState(false);
  const [side, setSide] = useState<'saved' | 'history'>('saved');
  const [savedVersion, setSavedVersion] = useState(0);
  const [historyVersion, setHistoryVersion] = useState(0);
  const runController = useRef<AbortController | null>(null);
  const runningSql = useRef('');

  // The newest snapshot's tables and columns, offered as completions in the editor.
  const schemaId = connection.latestSchema?.id ?? '';
  const snapshot = useResource(`schema|${schemaId}`, (signal) => (schemaId ? api.dbassist.schemas.get(schemaId, signal) : Promise.resolve(null)));
  const completions = useMemo(() => {
    if (!snapshot.data) return undefined;
    const single = snapshot.data.namespaces.length <= 1;
    return Object.fromEntries(snapshot.data.tables.map((table) => [single ? table.name : tableKeyOf(table), table.columns.map((column) => column.name)]));
  }, [snapshot.data]);

  const ask = async () => {
    const text = question.trim();
    if (!text || asking) return;
    setAsking(true);
    setAskError(null);
    try {
      const answered = await api.dbassist.connections.ask(connection.id, { question: text });
      setAnswer({ ...answered, question: text });
      if (answered.sql) {
        setSql(answered.sql);
        setOpenQuery(null);
      }
    } catch (caught) {
      setAskError(caught);
    } finally {
      setAsking(false);
    }
  };

  const run = async (confirmWrite = false) => {
    const text = sql.trim();
    if (!canEdit || running || !text) return;
    const controller = new AbortController();
    runController.current = controller;
    runningSql.current = text;
    setRunning(true);
    setRunError(null);
    try {
      const body = openQuery && openQuery.sqlText === sql ? { queryId: openQuery.id, confirmWrite, pageSize: PAGE_SIZE } : { sql: text, confirmWrite, pageSize: PAGE_SIZE };
      setExecution(await api.dbassist.connections.execute(connection.id, body, controller.signal));
      setPendingWrite(null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'WRITE_NOT_CONFIRMED') setPendingWrite({ sql: text, preview: writePreviewOf(caught.data) });
      else if (controller.signal.aborted) setRunError(new Error('Stopped waiting for the result.'));
      else setRunError(caught);
    } finally {
      setRunning(false);
      setCancelling(false);
      runController.current = null;
      // A refused or failed run is history too.
      setHistoryVersion((v) => v + 1);
    }
  };

  // The run is known to the server by its execution row: find it (it is inserted before the statement is sent) and
  // cancel it there; the answer of the execute request then carries the cancelled execution.
  const cancel = async () => {
    if (cancelling) return;
    setCancelling(true);
    try {
      const target = await findRunningExecution(connection.id, runningSql.current);
      if (target) await api.dbassist.executions.cancel(target.id);
      else runController.current?.abort();
    } catch (caught) {
      setRunError(caught);
      setCancelling(false);
    }
  };

  const openSaved = (query: SavedQuery) => {
    setSql(query.sqlText);
    setOpenQuery(query);
    setAnswer(null);
    setRunError(null);
  };

  const openRun = (run: Execution) => {
    setSql(run.sqlText);
    setOpenQuery(null);
    setRunError(null);
    // The list carries no rows: the result reads its first page.
    setExecution(run);
  };

  const onWorkspaceKey = (event: KeyboardEvent) => {
    if (!isRunKey(event) || (event.target as HTMLElement).closest('[data-ask]')) return;
    event.preventDefault();
    void run();
  };

  const refused = runError instanceof ApiError && runError.code === 'SQL_NOT_ALLOWED';
  const answerForSave = answer?.sql && answer.sql === sql ? { question: answer.question, generationId: answer.generationId } : null;

  return (
    <div className="dba-sql" data-testid="sql-workspace" onKeyDown={onWorkspaceKey}>
      <div className="dba-sql-main">
        {canEdit ? (
          <form
            className="dba-ask"
            data-ask
            onSubmit={(e) => {
              e.preventDefault();
              void ask();
            }}
            aria-label="Ask a question"
          >
            <label className="sr-only" htmlFor="dba-question">
              Question about {connection.name}
            </label>
            <input
              id="dba-question"
              className="input"
              placeholder={connection.latestSchema ? 'Ask a question, e.g. “How many orders per customer?”' : 'Ingest the schema first to ask questions'}
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              maxLength={2000}
              disabled={!connection.latestSchema}
              data-testid="ask-question"
            />
            <button type="submit" className="btn btn-secondary" disabled={asking || !question.trim() || !connection.latestSchema} data-testid="ask-submit">
              {asking ? <Spinner size={14} label="Writing SQL" /> : <SparklesIcon size={14} />} {asking ? 'Writing SQL…' : 'Write SQL'}
            </button>
          </form>
        ) : (
          <p className="muted dba-viewer-note" data-testid="sql-viewer-note">
            Viewers can read the saved queries and the history; an editor or admin runs SQL.
          </p>
        )}
        <ErrorBanner error={askError} title="No SQL could be written for this question." />
        {answer && <AskAnswerPanel answer={answer} />}

        <SqlEditor
          value={sql}
          onChange={(text) => {
            setSql(text);
            if (openQuery && text !== openQuery.sqlText) setOpenQuery(null);
          }}
          dbType={connection.dbType}
          schema={completions}
          readOnly={!canEdit}
          onRun={() => void run()}
        />

        {canEdit && (
          <div className="dba-run-bar">
            <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={running || !sql.trim()} data-testid="sql-run" aria-keyshortcuts="Control+Enter Meta+Enter">
              {running ? <Spinner size={14} label="Running" /> : <PlayIcon size={14} />} {running ? 'Running…' : 'Run'}
              <span className="dba-keys" aria-hidden="true">
                {RUN_KEYS}
              </span>
            </button>
            {running && (
              <button type="button" className="btn btn-secondary" onClick={() => void cancel()} disabled={cancelling} data-testid="sql-cancel">
                <StopIcon size={14} /> {cancelling ? 'Cancelling…' : 'Cancel'}
              </button>
            )}
            <button type="button" className="btn btn-secondary" onClick={() => setSaving(true)} disabled={!sql.trim()} data-testid="sql-save">
              Save
            </button>
            {openQuery && (
              <span className="muted dba-open-query" data-testid="open-query">
                Saved query: {openQuery.description ?? openQuery.question ?? 'untitled'}
              </span>
            )}
          </div>
        )}

        {runError != null &&
          (refused ? (
            <div className="banner banner-error" role="alert" data-testid="sql-refused">
              <div className="banner-body">
                <strong className="banner-title">Not allowed on this connection</strong>
                <span>{runError.message}</span>
              </div>
            </div>
          ) : (
            <ErrorBanner error={runError} title="The statement did not run." />
          ))}
        {execution && <ExecutionResults key={execution.id} execution={execution} />}
      </div>

      <aside className="dba-sql-side" aria-label="Saved queries and history">
        <div className="segmented" role="tablist" aria-label="Saved queries or history">
          <button type="button" role="tab" aria-selected={side === 'saved'} className={side === 'saved' ? 'active' : undefined} onClick={() => setSide('saved')} data-testid="side-saved">
            Saved
          </button>
          <button type="button" role="tab" aria-selected={side === 'history'} className={side === 'history' ? 'active' : undefined} onClick={() => setSide('history')} data-testid="side-history">
            History
          </button>
        </div>
        {side === 'saved' ? (
          <SavedQueries connectionId={connection.id} canEdit={canEdit} version={savedVersion} onOpen={openSaved} />
        ) : (
          <ExecutionHistory connectionId={connection.id} version={historyVersion} onOpen={openRun} />
        )}
      </aside>

      <WriteConfirmDialog
        open={pendingWrite !== null}
        sql={pendingWrite?.sql ?? ''}
        preview={pendingWrite?.preview ?? null}
        busy={running}
        onConfirm={() => void run(true)}
        onClose={() => setPendingWrite(null)}
      />
      <SaveQueryDialog
        open={saving}
        connectionId={connection.id}
        sql={sql}
        answer={answerForSave}
        onClose={() => setSaving(false)}
        onSaved={(query) => {
          setSaving(false);
          setOpenQuery(query);
          setSavedVersion((v) => v + 1);
          setSide('saved');
          toast.show('Query saved');
        }}
      />
    </div>
  );
}
