import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/http';
import { Dialog } from '../../../components/dialog';
import { ErrorBanner } from '../../../components/error-banner';
import { SelectField, TextField } from '../../../components/field';
import { DownloadIcon } from '../../../components/icons';
import { Spinner } from '../../../components/spinner';
import { formatNumber } from '../../../lib/format';
import { useDebounced } from '../../../lib/use-debounced';
import { mockLocales, type MockFormat, type MockLocale, type MockTarget } from '../../../../shared/dbassist-kinds';
import { JobProgress } from '../../jobs/job-progress';
import { useJobStart } from '../../jobs/use-job-start';
import type { MockConfigInput, MockJob, MockPreview, SchemaTable } from '../client';
import { useConnectionContext } from '../connection-context';
import { tableKeyOf } from '../dbassist-paths';
import { ResultTable } from '../sql/result-table';

type Props = { open: boolean; table: SchemaTable; onClose(): void };

const localeLabels: Record<MockLocale, string> = {
  en: 'English (US)',
  en_GB: 'English (UK)',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  nl: 'Dutch',
  pt_BR: 'Portuguese (Brazil)',
  ja: 'Japanese',
  zh_CN: 'Chinese (simplified)',
};

/**
 * Mock rows for one table (and, as needed, its parents, in foreign-key order): the settings, a preview of ten rows as
 * they would be made, then a background job into a file to download or straight into a read-write connection.
 */
export function MockDataDialog({ open, table, onClose }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title={`Mock data for ${table.name}`} description="Rows that honour the keys, foreign keys, lengths and checks; the same seed gives the same rows." testId="mock-dialog" size="lg">
      {open && <MockForm table={table} onClose={onClose} />}
    </Dialog>
  );
}

/** A whole number typed in a field, or the fallback while the field is empty or not a number. */
function wholeNumber(text: string, fallback: number): number {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) ? value : fallback;
}

function MockForm({ table, onClose }: { table: SchemaTable; onClose(): void }) {
  const { connection } = useConnectionContext();
  const writable = connection.mode === 'read-write';
  const [rows, setRows] = useState('1000');
  const [seed, setSeed] = useState('1');
  const [locale, setLocale] = useState<MockLocale>('en');
  const [edgeCases, setEdgeCases] = useState(false);
  const [target, setTarget] = useState<MockTarget>('file');
  const [format, setFormat] = useState<MockFormat>('csv');
  const job = useJobStart();
  const [finished, setFinished] = useState<MockJob | null>(null);
  const [finishError, setFinishError] = useState<unknown>(null);
  const locked = job.starting || job.running;

  const rowCount = wholeNumber(rows, 1000);
  const config: MockConfigInput = { rows: rowCount, seed: wholeNumber(seed, 1), locale, edgeCases, target, format };
  // The preview follows the settings that change what rows look like (not how many, nor where they go).
  const previewKey = useDebounced(JSON.stringify({ seed: config.seed, locale, edgeCases }), 300);
  const [preview, setPreview] = useState<MockPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const settings = JSON.parse(previewKey) as Pick<MockConfigInput, 'seed' | 'locale' | 'edgeCases'>;
    setPreviewing(true);
    setPreviewError(null);
    api.dbassist.connections
      .mockPreview(connection.id, { tableId: table.id, config: { ...settings, rows: 10 } }, controller.signal)
      .then(setPreview)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setPreviewError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setPreviewing(false);
      });
    return () => controller.abort();
  }, [connection.id, table.id, previewKey]);

  // The mock job's own id (the job id is the background job's): its row has the file and the counts at the end.
  const mockJobId = useRef<string | null>(null);
  const start = () => {
    setFinished(null);
    setFinishError(null);
    void job.start(async () => {
      const created = await api.dbassist.connections.createMockJob(connection.id, { tableId: table.id, config });
      mockJobId.current = created.id;
      return created;
    });
  };
  const fieldError = (field: string) => (job.error instanceof ApiError ? job.error.fieldError(field) : undefined);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!locked) start();
      }}
      data-testid="mock-form"
    >
      <div className="dialog-body">
        <ErrorBanner error={job.error} title="The mock data could not be started." />
        <div className="dba-mock-fields">
          <TextField label="Rows" type="number" inputMode="numeric" min={1} max={1_000_000} value={rows} onChange={(e) => setRows(e.target.value)} error={fieldError('rows')} disabled={locked} data-testid="mock-rows" data-autofocus />
          <TextField label="Seed" type="number" inputMode="numeric" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} error={fieldError('seed')} hint="Same seed, same rows." disabled={locked} data-testid="mock-seed" />
          <SelectField label="Locale" value={locale} onChange={(e) => setLocale(e.target.value as MockLocale)} disabled={locked} data-testid="mock-locale">
            {mockLocales.map((value) => (
              <option key={value} value={value}>
                {localeLabels[value]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Into"
            value={target}
            onChange={(e) => setTarget(e.target.value as MockTarget)}
            disabled={locked}
            hint={writable ? undefined : 'A read-only connection gets a file only.'}
            data-testid="mock-target"
          >
            <option value="file">A file to download</option>
            {writable && <option value="connection">This database (one transaction)</option>}
          </SelectField>
          {target === 'file' && (
            <SelectField label="File format" value={format} onChange={(e) => setFormat(e.target.value as MockFormat)} disabled={locked} data-testid="mock-format">
              <option value="csv">CSV</option>
              <option value="sql">SQL inserts</option>
            </SelectField>
          )}
        </div>
        <label className="dba-check">
          <input type="checkbox" checked={edgeCases} onChange={(e) => setEdgeCases(e.target.checked)} disabled={locked} data-testid="mock-edge-cases" />
          <span>Edge cases: nulls where allowed, maximum lengths, boundary numbers, Unicode</span>
        </label>

        <section className="dba-section" aria-label="Preview" data-testid="mock-preview">
          <h3 className="section-title">
            Preview <span className="muted dba-count">10 rows of {tableKeyOf(table)}</span> {previewing && <Spinner size={12} label="Making the preview" />}
          </h3>
          <ErrorBanner error={previewError} title="No preview could be made." />
          {preview && preview.parents.length > 0 && (
            <p className="muted dba-none" data-testid="mock-parents">
              Rows are made for its parent tables first: {preview.parents.join(', ')}.
            </p>
          )}
          {preview && <ResultTable columns={preview.columns} rows={preview.rows} testId="mock-preview-table" label="Preview rows" />}
        </section>

        {job.jobId && (
          <JobProgress
            jobId={job.jobId}
            label={`Making mock rows for ${table.name}`}
            testId="mock-progress"
            onDone={job.onDone((done) => {
              if (done.status === 'succeeded' && mockJobId.current) {
                api.dbassist.mockJobs.get(mockJobId.current).then(setFinished).catch(setFinishError);
              }
              return done.status === 'succeeded';
            })}
          />
        )}
        <ErrorBanner error={finishError} />
        {finished && <MockOutcome job={finished} />}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {job.running ? 'Close (it keeps running)' : 'Close'}
        </button>
        <button type="submit" className="btn btn-primary" disabled={locked} data-testid="mock-generate">
          {job.starting ? 'Starting…' : job.running ? 'Generating…' : finished || job.ended ? 'Generate again' : `Generate ${formatNumber(rowCount)} rows`}
        </button>
      </footer>
    </form>
  );
}

/** CSV rows for more than one table come as a ZIP of one CSV per table. */
function fileKind(job: MockJob): string {
  if (job.config.format === 'sql') return 'the SQL file';
  return (job.result?.tables.length ?? 1) > 1 ? 'the ZIP of CSV files' : 'the CSV file';
}

/** What the finished job made: rows per table, the rate, and the file when there is one. */
function MockOutcome({ job }: { job: MockJob }) {
  if (job.status === 'failed') {
    return (
      <p className="banner banner-error" role="alert" data-testid="mock-failed">
        {job.errorMsg ?? 'The mock data could not be made.'}
      </p>
    );
  }
  return (
    <div className="banner banner-success" data-testid="mock-done" data-status={job.status}>
      <div className="banner-body">
        {job.result && (
          <span>
            Made {job.result.tables.map((t) => `${formatNumber(t.rows)} rows for ${t.table}`).join(', ')} ({formatNumber(Math.round(job.result.rowsPerSecond))} rows/s).
          </span>
        )}
        {job.fileUrl && (
          <a className="btn btn-secondary btn-sm dba-mock-download" href={job.fileUrl} download data-testid="mock-download">
            <DownloadIcon size={14} /> Download {fileKind(job)}
          </a>
        )}
      </div>
    </div>
  );
}
