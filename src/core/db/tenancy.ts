import { RUNTIME_ROLE, SYSTEM_ROLE, type Database, type Tx } from './database.js';
import { actAs } from './pooled-client.js';

/**
 * Every request acting for a user runs in one transaction as the runtime role with app.current_user_id set
 * transaction-locally (set_config(..., true)), so the row level security policies see who is asking and the setting
 * cannot leak to the next borrower of a pooled connection.
 */
export async function withUser<T>(db: Database, userId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => {
    await switchToUser(tx, userId);
    return work(tx);
  });
}

/**
 * For the few steps that act for nobody yet: finding an account by email at login, checking a token, recording a
 * failed attempt. Runs as atelier_system (BYPASSRLS); keep what runs here small and obvious.
 */
export async function asSystem<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.orm.transaction(async (tx) => {
    await tx.execute(actAs(SYSTEM_ROLE, ''));
    return work(tx);
  });
}

/**
 * Switches a transaction that started as atelier_system to the runtime role acting for `userId`: for the one
 * transaction that must first do what no user may (create the account itself) and then act as that user under RLS.
 */
export async function switchToUser(tx: Tx, userId: string): Promise<void> {
  await tx.execute(actAs(RUNTIME_ROLE, userId));
}
