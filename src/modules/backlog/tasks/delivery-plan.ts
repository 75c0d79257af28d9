import { z } from 'zod';

/**
 * What the backlog reads of a delivery plan (the structured content of a `tasks` document, written by the generation
 * module's document-tasks task): its phases in order and each phase's tasks. Only the fields turned into task rows are
 * read and anything else is ignored, so the backlog does not depend on the generation module (which calls it) and the
 * plan may grow fields without breaking it; test/backlog-tasks.test.ts parses a generated plan with it.
 */
const planTask = z.object({
  id: z.string().optional(),
  title: z.string().trim().min(1).max(500),
  description: z.string().max(100_000).optional(),
  estimateDays: z.number().optional(),
  dependsOn: z.array(z.string()).optional(),
});

export const deliveryPlanSchema = z.object({
  phases: z
    .array(z.object({ name: z.string().optional(), goal: z.string().optional(), tasks: z.array(planTask) }))
    .min(1)
    .max(100),
});
export type DeliveryPlan = z.infer<typeof deliveryPlanSchema>;

export type PlannedTask = { phase: number; position: number; title: string; description: string };

function days(value: number): string {
  return `${value} person-day${value === 1 ? '' : 's'}`;
}

/**
 * The plan's tasks as rows: phase N is the plan's N-th phase, positions follow the plan's order within a phase, and
 * the description keeps what a row has no column for (the phase's name, the estimate, what the task waits for).
 */
export function plannedTasks(plan: DeliveryPlan): PlannedTask[] {
  const titleOf = new Map(plan.phases.flatMap((phase) => phase.tasks.filter((task) => task.id).map((task) => [task.id!, task.title] as const)));
  return plan.phases.flatMap((phase, index) =>
    phase.tasks.map((task, position) => {
      const notes = [
        phase.name ? `Phase: ${phase.name}` : undefined,
        task.estimateDays !== undefined ? `Estimate: ${days(task.estimateDays)}` : undefined,
        task.dependsOn?.length ? `Depends on: ${task.dependsOn.map((id) => titleOf.get(id) ?? id).join('; ')}` : undefined,
      ].filter((note): note is string => note !== undefined);
      const description = [task.description?.trim() ?? '', notes.join('\n')].filter((part) => part !== '').join('\n\n');
      return { phase: index + 1, position, title: task.title.trim(), description };
    }),
  );
}

/** Titles compare as people read them: case, spacing and a trailing full stop do not make a task new. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}
