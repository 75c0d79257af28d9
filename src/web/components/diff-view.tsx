import { Fragment, useMemo } from 'react';
import { parseUnifiedDiff, splitRows } from '../lib/unified-diff';

export type DiffMode = 'inline' | 'split';

/**
 * A unified diff of Markdown, inline (one column, removed lines above added ones) or side by side, with line numbers,
 * added lines in green and removed lines in red.
 */
export function DiffView({ unified, mode = 'inline', testId = 'diff-view', emptyText = 'The two revisions have the same text.' }: { unified: string; mode?: DiffMode; testId?: string; emptyText?: string }) {
  const hunks = useMemo(() => parseUnifiedDiff(unified), [unified]);
  if (hunks.length === 0)
    return (
      <div className="diff-empty" data-testid={testId} data-empty="true">
        {emptyText}
      </div>
    );
  return (
    <div className={`diff diff-${mode}`} data-testid={testId} data-mode={mode}>
      <table className="diff-table">
        {mode === 'split' && (
          <colgroup>
            <col className="diff-col-no" />
            <col className="diff-col-text" />
            <col className="diff-col-no" />
            <col className="diff-col-text" />
          </colgroup>
        )}
        <tbody>
          {hunks.map((hunk, h) => (
            <Fragment key={h}>
              <tr className="diff-hunk">
                <td colSpan={mode === 'split' ? 4 : 3}>{hunk.header}</td>
              </tr>
              {mode === 'inline'
                ? hunk.lines.map((line, i) => (
                    <tr key={i} className={`diff-line diff-line-${line.kind}`} data-testid={line.kind === 'context' ? undefined : `diff-${line.kind}`}>
                      <td className="diff-no">{line.kind === 'added' ? '' : line.oldNo}</td>
                      <td className="diff-no">{line.kind === 'removed' ? '' : line.newNo}</td>
                      <td className="diff-text">
                        <span className="diff-sign" aria-hidden="true">
                          {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                        </span>
                        <span className="sr-only">{line.kind === 'added' ? 'Added: ' : line.kind === 'removed' ? 'Removed: ' : ''}</span>
                        {line.text}
                      </td>
                    </tr>
                  ))
                : splitRows(hunk).map((row, i) =>
                    row.kind === 'context' ? (
                      <tr key={i} className="diff-line diff-line-context">
                        <td className="diff-no">{row.oldNo}</td>
                        <td className="diff-text">{row.text}</td>
                        <td className="diff-no">{row.newNo}</td>
                        <td className="diff-text">{row.text}</td>
                      </tr>
                    ) : (
                      <tr key={i} className="diff-line">
                        <td className={row.left ? 'diff-no diff-cell-removed' : 'diff-no diff-cell-blank'}>{row.left?.no}</td>
                        <td className={row.left ? 'diff-text diff-cell-removed' : 'diff-text diff-cell-blank'} data-testid={row.left ? 'diff-removed' : undefined}>
                          {row.left && <span className="sr-only">Removed: </span>}
                          {row.left?.text}
                        </td>
                        <td className={row.right ? 'diff-no diff-cell-added' : 'diff-no diff-cell-blank'}>{row.right?.no}</td>
                        <td className={row.right ? 'diff-text diff-cell-added' : 'diff-text diff-cell-blank'} data-testid={row.right ? 'diff-added' : undefined}>
                          {row.right && <span className="sr-only">Added: </span>}
                          {row.right?.text}
                        </td>
                      </tr>
                    ),
                  )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
