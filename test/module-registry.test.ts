import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { moduleRegistry } from '../src/app.js';
import { defineTextTask, type AiTask } from '../src/core/ai/task.js';
import type { AppContext } from '../src/core/context.js';
import { defineJobHandler } from '../src/core/jobs/index.js';
import { createModuleRegistry } from '../src/core/module.js';

/** The registry the composition root builds from the module list, and the mistakes it refuses. */

// Handlers and tasks are only collected here, never run: nothing reads the context.
const context = {} as AppContext;

const task = (name: string): AiTask =>
  defineTextTask({ name, description: name, input: z.string(), buildPrompt: (input) => ({ system: '', prompt: input }), builtin: (input) => input });
const job = (type: string) => defineJobHandler({ type, payload: z.object({}), run: async () => ({ result: {} }) });

describe('the module registry', () => {
  it('registers every AI task and job type of the modules, each once', () => {
    expect([...moduleRegistry.aiTasks.all.map((t) => t.name)].sort()).toEqual([
      'answer-question',
      'board-contribution',
      'board-framing',
      'board-moderator',
      'board-single-answer',
      'board-synthesis',
      'board-vote',
      'clarifying-questions',
      'dbassist-ask-sql',
      'dbassist-document-schema',
      'document-marketing',
      'document-overview',
      'document-prd',
      'document-srs',
      'document-tasks',
      'document-tech',
      'extract-insights',
      'generate-diagram',
      'generate-wireframe',
      'project-brief',
      'project-model',
      'story-estimate',
      'story-generation',
    ]);
    expect(moduleRegistry.aiTasks.find('project-brief')?.name).toBe('project-brief');
    expect(moduleRegistry.aiTasks.find('no-such-task')).toBeUndefined();
    expect(moduleRegistry.jobHandlers(context).map((handler) => handler.type).sort()).toEqual([
      'ai.task-batch',
      'backlog.generate-stories',
      'board.deliberate',
      'dbassist.docs',
      'dbassist.ingest',
      'dbassist.mock',
      'diagrams.generate',
      'documents.generate',
      'integrations.deliver',
      'integrations.github-poll',
      'project-model.build',
      'projects.idea-pipeline',
      'wireframes.generate',
    ]);
  });

  it('keeps the modules’ order and refuses a name, a task or a job type registered twice', async () => {
    const mounted: string[] = [];
    const registry = createModuleRegistry([
      { name: 'a', aiTasks: [task('one')], routes: async () => void mounted.push('a') },
      { name: 'b', aiTasks: [task('two')], routes: async () => void mounted.push('b'), jobs: () => [job('b.work')] },
    ]);
    expect(registry.aiTasks.all.map((t) => t.name)).toEqual(['one', 'two']);
    await registry.registerRoutes({} as never, context);
    expect(mounted).toEqual(['a', 'b']);
    expect(registry.jobHandlers(context).map((handler) => handler.type)).toEqual(['b.work']);

    expect(() => createModuleRegistry([{ name: 'a' }, { name: 'a' }])).toThrow(/Two modules are named "a"/);
    expect(() => createModuleRegistry([{ name: 'a', aiTasks: [task('one')] }, { name: 'b', aiTasks: [task('one')] }])).toThrow(/Two AI tasks are named "one"/);
    const twice = createModuleRegistry([{ name: 'a', jobs: () => [job('x.work')] }, { name: 'b', jobs: () => [job('x.work')] }]);
    expect(() => twice.jobHandlers(context)).toThrow(/Job type "x.work" is registered by both a and b/);
  });
});
