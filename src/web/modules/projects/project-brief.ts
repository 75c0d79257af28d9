/**
 * The output of the `project-brief` AI task, as the brief card reads it from a task job's result. Its schema
 * (projectBriefOutput) still lives with the task in src/core/ai/tasks/project-brief.task.ts, out of the web's reach;
 * this copy goes once that schema moves to src/shared.
 */
export type ProjectBrief = {
  title: string;
  summary: string;
  problem: string;
  goals: string[];
  targetUsers: Array<{ name: string; needs: string[] }>;
  features: Array<{ name: string; description: string; priority: 'must' | 'should' | 'could' }>;
  risks: Array<{ risk: string; mitigation: string }>;
  successMetrics: string[];
};
