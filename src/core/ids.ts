import { v7 as uuidv7, validate, version } from 'uuid';

/** Time-ordered UUIDv7 keys, generated here so inserts stay index-local and PostgreSQL 15 needs no uuidv7(). */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value) && version(value) >= 1;
}
