import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DbType } from '../../../../modules/dbassist/dbassist.contract';
import type { SqlEditorHandle } from './codemirror-sql';

type Props = {
  value: string;
  onChange(text: string): void;
  dbType: DbType;
  /** Table → columns, offered as completions. */
  schema?: Record<string, string[]>;
  readOnly: boolean;
  /** Ctrl+Enter (⌘+Enter on a Mac) in the editor. */
  onRun(): void;
};

/** True for Ctrl+Enter, or ⌘+Enter on a Mac: the key that runs the statement. */
export function isRunKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/**
 * The SQL editor: CodeMirror with highlighting and completion, fetched on first use; until it is loaded (or if it
 * cannot be) a plain text area does the same job. Tab leaves the editor, as it does any field, so the page stays
 * usable by keyboard.
 */
export function SqlEditor({ value, onChange, dbType, schema, readOnly, onRun }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<SqlEditorHandle | null>(null);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef({ value, onChange, schema });
  latest.current = { value, onChange, schema };

  useEffect(() => {
    let cancelled = false;
    import('./codemirror-sql')
      .then(({ createSqlEditor }) => {
        if (cancelled || !host.current) return;
        editor.current = createSqlEditor({
          parent: host.current,
          doc: latest.current.value,
          dbType,
          label: 'SQL',
          schema: latest.current.schema,
          readOnly,
          onChange: (text) => latest.current.onChange(text),
        });
        setLoaded(true);
      })
      // Without the editor the text area stays: the statement can still be written and run.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
      setLoaded(false);
    };
  }, [dbType, readOnly]);

  useEffect(() => {
    editor.current?.setText(value);
  }, [value, loaded]);

  // New completions reconfigure the editor in place: the text, selection and focus stay.
  useEffect(() => {
    editor.current?.setSchema(schema);
  }, [schema, loaded]);

  // Captured before CodeMirror sees it, so Ctrl+Enter runs instead of inserting a line.
  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (!isRunKey(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onRun();
  };

  return (
    <div className="dba-sql-editor" onKeyDownCapture={onKeyDownCapture} data-testid="sql-editor" data-loaded={loaded ? 'true' : 'false'}>
      <div ref={host} hidden={!loaded} />
      {!loaded && (
        <textarea
          className="input textarea dba-sql-fallback"
          aria-label="SQL"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          readOnly={readOnly}
          spellCheck={false}
          rows={8}
          data-testid="sql-editor-input"
        />
      )}
    </div>
  );
}
