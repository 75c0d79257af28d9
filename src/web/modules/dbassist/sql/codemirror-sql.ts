import { MariaSQL, PostgreSQL, SQLite, StandardSQL, sql, type SQLDialect } from '@codemirror/lang-sql';
import { Compartment } from '@codemirror/state';
import { basicSetup, EditorView } from 'codemirror';
import type { DbType } from '../../../../modules/dbassist/dbassist.contract';

/**
 * CodeMirror with SQL highlighting in the connection's dialect. It is its own module so the editor (about 400 kB) is
 * only fetched when the SQL workspace opens; the workspace shows a plain text area until it is here.
 */

const dialects: Partial<Record<DbType, SQLDialect>> = { postgres: PostgreSQL, mysql: MariaSQL, sqlite: SQLite };

export type SqlEditorOptions = {
  parent: HTMLElement;
  doc: string;
  dbType: DbType;
  label: string;
  /** Table → columns, for completion of names. */
  schema?: Record<string, string[]>;
  readOnly: boolean;
  onChange(text: string): void;
};

export type SqlEditorHandle = {
  /** Replaces the text (an answer or a saved query) without reporting it back as a change. */
  setText(text: string): void;
  /** The tables and columns offered as completions, once the snapshot is read. */
  setSchema(schema: Record<string, string[]> | undefined): void;
  focus(): void;
  destroy(): void;
};

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: 'var(--surface)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55', minHeight: '140px', maxHeight: '420px' },
  '.cm-content': { padding: '8px 0' },
  '&.cm-focused': { outline: 'none' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', borderRight: '1px solid var(--border)', color: 'var(--muted)' },
});

export function createSqlEditor(options: SqlEditorOptions): SqlEditorHandle {
  let applying = false;
  const language = new Compartment();
  const languageOf = (schema: Record<string, string[]> | undefined) => sql({ dialect: dialects[options.dbType] ?? StandardSQL, schema, upperCaseKeywords: true });
  const view = new EditorView({
    parent: options.parent,
    doc: options.doc,
    extensions: [
      basicSetup,
      language.of(languageOf(options.schema)),
      // Long lines wrap, so the editor never scrolls sideways on a phone.
      EditorView.lineWrapping,
      EditorView.editable.of(!options.readOnly),
      EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': 'sql-editor-input' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !applying) options.onChange(update.state.doc.toString());
      }),
      theme,
    ],
  });
  return {
    setText(text) {
      if (view.state.doc.toString() === text) return;
      applying = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      applying = false;
    },
    setSchema: (schema) => view.dispatch({ effects: language.reconfigure(languageOf(schema)) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
