import { createContext, useContext } from 'react';
import type { Connection } from './client';

/** What every page of one connection shares: the connection, whether the person may change it, and a fresh read. */
export type ConnectionContextValue = {
  connection: Connection;
  canEdit: boolean;
  /** Reads the connection again (after an ingest made a new version). */
  reload(): Promise<Connection>;
};

export const ConnectionContext = createContext<ConnectionContextValue | null>(null);

export function useConnectionContext(): ConnectionContextValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnectionContext outside ConnectionPage');
  return value;
}
