import type { SupportedDbType } from '../../../shared/dbassist-kinds.js';
import type { SchemaModel, TableModel } from '../snapshot/schema-model.js';

/** What "Test connection" learns from the server. */
export type ServerProbe = {
  serverVersion: string;
  /** The database user the connection signs in as. */
  user: string;
  /** Whether that user could write (create, insert, update or delete) in the connected database. */
  canWrite: boolean;
};

/** Raw statistics of a sample of one column's values (masking personal data is the caller's job). */
export type ColumnSample = {
  sampledRows: number;
  nullCount: number;
  distinctCount: number;
  min: string | null;
  max: string | null;
  /** Up to five distinct non-null values, as text, each cut to 80 characters. */
  examples: string[];
};

export type IntrospectProgress = (done: number, total: number) => void;

/**
 * One open connection to an outside database. Every method reads only; a driver never writes to the database it
 * documents. Callers close it in a finally.
 */
export interface DatabaseDriver {
  readonly engine: SupportedDbType;
  probe(): Promise<ServerProbe>;
  /** The whole schema, normalized (see SchemaModel). Reports progress per table. */
  introspect(onProgress?: IntrospectProgress): Promise<SchemaModel>;
  /** Statistics of up to `rows` rows of a table, per column name. */
  sampleColumns(table: Pick<TableModel, 'namespace' | 'name' | 'columns'>, rows: number): Promise<Record<string, ColumnSample>>;
  close(): Promise<void>;
}
