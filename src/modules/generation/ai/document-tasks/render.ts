import { MarkdownWriter, type RenderOptions } from '../document-writer/index.js';
import type { DocumentTasks } from './schema.js';

// The delivery plan as Markdown, the document a project keeps.

function days(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)} d`;
}

export function renderTasks(plan: DocumentTasks, _options: RenderOptions = {}): string {
  const md = new MarkdownWriter();
  const total = plan.phases.reduce((sum, phase) => sum + phase.tasks.reduce((s, t) => s + t.estimateDays, 0), 0);
  md.heading(1, plan.title);
  md.paragraph(plan.summary);
  md.table(['Phase', 'Tasks', 'Estimate'], [...plan.phases.map((p) => [p.name, String(p.tasks.length), days(p.tasks.reduce((s, t) => s + t.estimateDays, 0))]), ['Total', String(plan.phases.reduce((s, p) => s + p.tasks.length, 0)), days(total)]]);
  for (const phase of plan.phases) {
    md.heading(2, phase.name);
    md.fields([['Goal', phase.goal]]);
    for (const task of phase.tasks) {
      md.heading(3, `${task.id} ${task.title}`);
      md.paragraph(task.description);
      md.fields([['Estimate', days(task.estimateDays)], ['Depends on', task.dependsOn.length ? task.dependsOn.join(', ') : undefined]]);
    }
  }
  return md.toString();
}
