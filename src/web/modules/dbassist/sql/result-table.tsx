import type { ResultColumn } from '../client';

/** How one result value reads in a cell: NULL marked as such, objects and arrays as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * Rows as a dense table that scrolls inside its own frame (a result can be wider than any screen). A value keeps to one
 * line of bounded width, cut with an ellipsis and whole in its tooltip, so a long text never makes rows tall or
 * squeezes the other columns into letters. Numbers line up on the right.
 */
export function ResultTable({ columns, rows, firstRow = 1, testId = 'result-table', label }: { columns: ResultColumn[]; rows: unknown[][]; firstRow?: number; testId?: string; label: string }) {
  return (
    <div className="table-wrap dba-result-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="table table-dense dba-result" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col" className="dba-rownum">
              <span className="sr-only">Row</span>#
            </th>
            {columns.map((column, index) => (
              <th scope="col" key={index} title={`${column.name} (${column.dataType})`}>
                <div className="dba-cell">{column.name}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={firstRow + index} data-testid="result-row">
              <td className="dba-rownum muted">{firstRow + index}</td>
              {columns.map((_, c) => {
                const value = row[c];
                const isNull = value === null || value === undefined;
                const text = cellText(value);
                return (
                  <td key={c} className={isNull ? 'dba-null' : typeof value === 'number' ? 'dba-num' : undefined}>
                    <div className="dba-cell" title={text.length > 40 ? text : undefined}>
                      {text}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
