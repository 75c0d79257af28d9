import { z } from 'zod';

/** GET /projects/{projectId}/analytics: a GA4 property's daily numbers, shown beside the project's success metrics. */

const isoDate = (field: string) =>
  z
    .string({ error: `${field} must be a date (YYYY-MM-DD)` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date (YYYY-MM-DD)`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), `${field} is not a calendar date`);

/** The longest range one request may ask (a year and a day, so a leap year fits). */
export const MAX_ANALYTICS_DAYS = 366;

export const analyticsParams = z.object({ projectId: z.string() });

export const analyticsQuery = z
  .object({
    from: isoDate('from').optional().describe('first day (YYYY-MM-DD, UTC); default: 28 days before `to`'),
    to: isoDate('to').optional().describe('last day, inclusive (YYYY-MM-DD, UTC); default: yesterday'),
  })
  .strict()
  .superRefine((query, issues) => {
    if (query.from && query.to && query.from > query.to) {
      issues.addIssue({ code: 'custom', path: ['from'], message: 'from must be on or before to' });
    }
    if (query.from && query.to && (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1 > MAX_ANALYTICS_DAYS) {
      issues.addIssue({ code: 'custom', path: ['from'], message: `from and to may span at most ${MAX_ANALYTICS_DAYS} days` });
    }
  });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export const analyticsDaySchema = z.object({
  date: z.string(),
  activeUsers: z.number(),
  sessions: z.number(),
  conversions: z.number().describe('key events (GA4’s name for conversions since 2024)'),
});

export const analyticsReportSchema = z.object({
  configured: z.boolean().describe('false: the organization has no enabled Google Analytics integration for this project'),
  message: z.string().nullable().describe('why there are no numbers, as a person reads it'),
  integrationId: z.string().nullable(),
  integrationName: z.string().nullable(),
  propertyId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  conversionMetric: z.enum(['keyEvents', 'conversions']).nullable(),
  days: z.array(analyticsDaySchema),
  totals: z
    .object({ activeUsers: z.number().describe('distinct users over the range'), sessions: z.number(), conversions: z.number() })
    .nullable(),
});
export type AnalyticsReport = z.infer<typeof analyticsReportSchema>;
