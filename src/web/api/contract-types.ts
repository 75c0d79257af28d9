import type { z } from 'zod';

/**
 * The web's API types are inferred from the module contracts (src/modules/<module>/<module>.contract.ts), the same
 * schemas the server validates and serializes with. Contracts declare dates as ISO strings, so what is inferred is
 * what the JSON carries.
 */

/** What the server answers for a response schema: the schema's output. */
export type ResponseOf<Schema extends z.ZodType> = z.output<Schema>;

/** What a request may send for a body or query schema: the schema's input (fields with defaults are optional). */
export type RequestOf<Schema extends z.ZodType> = z.input<Schema>;

/** A list's query: the schema's input, with the cursor of the previous page (null on the first page). */
export type ListQueryOf<Schema extends z.ZodType> = Omit<RequestOf<Schema>, 'cursor'> & { cursor?: string | null };
