import { z } from 'zod';

/**
 * The query fields and the answer of a keyset-paged list. A cursor is opaque: the nextCursor of the previous page,
 * passed back unchanged (src/core/http/pagination.ts encodes and decodes it).
 */
export const limitSchema = z.coerce
  .number({ error: 'Limit must be a number' })
  .int('Limit must be a whole number')
  .min(1, 'Limit must be at least 1')
  .max(200, 'Limit must be at most 200')
  .default(50);
export const cursorSchema = z.string().max(512, 'Cursor must be at most 512 characters').optional();

export type Page<T> = { items: T[]; nextCursor: string | null };

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
