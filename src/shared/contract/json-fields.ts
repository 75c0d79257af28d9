import { z } from 'zod';

/** Free-form settings of an organization or a project: a JSON object, replaced as a whole. */
export const settingsSchema = z.record(z.string(), z.unknown(), { error: 'Settings must be an object' });
