import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/core/jobs/index.js';
import { withUser } from '../src/core/db/tenancy.js';
import { saveProjectModel } from '../src/modules/project-model/index.js';
import { apiHarness } from './support/api-harness.js';
import { createUser } from './support/factories.js';
import { toolLibraryModel } from './support/project-model-fixture.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { testDrivers } from './support/test-db.js';

/** The project model through the API: reading, correcting, history, diff, restore, rebuild, and who may do what. */

const description = 'Neighbours lend each other tools: a member books a tool for a few days and the owner confirms the booking.';

describe.each(testDrivers)('project model on %s', (kind) => {
  let t: TestApp;
  let runner: JobRunner;
  const { api, finished, startJobRunner, team: teamOf } = apiHarness(() => t);

  beforeAll(async () => {
    t = await createTestApp(kind);
    runner = startJobRunner();
  });
  afterAll(async () => {
    await runner?.stop();
    await t?.close();
  });

  /** A team whose project has the tool library model as revision 1, saved as the builder would save it. */
  async function teamWithModel() {
    const team = await teamOf({ name: 'Tool library', description });
    const { rev } = await withUser(t.database.db, team.editor.id, (tx) =>
      saveProjectModel(tx, team.editor.id, team.orgId, team.projectId, toolLibraryModel(), { note: 'Built from the idea' }),
    );
    expect(rev).toBe(1);
    return team;
  }

  it('says plainly that a project has no model yet, and lets an editor write the first one', async () => {
    const { projectId, editor, viewer } = await teamOf({ name: 'Empty', description });
    const missing = await api('GET', `/projects/${projectId}/model`, viewer);
    expect(missing.statusCode).toBe(404);
    expect(missing.data.error.message).toMatch(/This project has no model yet/);
    expect((await api('GET', `/projects/${projectId}/model/revisions`, viewer)).data).toEqual({ items: [], nextCursor: null });
    expect((await api('GET', `/projects/${projectId}/model/diff`, viewer)).statusCode).toBe(404);

    const first = await api('POST', `/projects/${projectId}/model/corrections`, editor, {
      baseRev: 0,
      correction: { kind: 'add-actor', actor: { name: 'Member', kind: 'person' } },
    });
    expect(first.statusCode, JSON.stringify(first.data)).toBe(200);
    expect(first.data).toMatchObject({ rev: 1, note: 'Added actor Member', model: { actors: [{ id: 'member', name: 'Member' }] } });
  });

  it('lets members read the model and editors correct it; a viewer’s correction is a 403 and changes nothing', async () => {
    const { projectId, editor, viewer, owner, orgId } = await teamWithModel();
    const read = await api('GET', `/projects/${projectId}/model`, viewer);
    expect(read.statusCode).toBe(200);
    expect(read.data.rev).toBe(1);
    expect(read.data.model.entities.map((e: { name: string }) => e.name)).toEqual(['Tool', 'Booking', 'Reservation']);

    const rename = { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'booking', name: 'Loan' } };
    const refused = await api('POST', `/projects/${projectId}/model/corrections`, viewer, rename);
    expect(refused.statusCode).toBe(403);
    expect((await api('PUT', `/projects/${projectId}/model`, viewer, { baseRev: 1, model: {} })).statusCode).toBe(403);
    expect((await api('POST', `/projects/${projectId}/model/rebuild`, viewer, {})).statusCode).toBe(403);
    expect((await api('GET', `/projects/${projectId}/model`, viewer)).data.rev).toBe(1);

    const renamed = await api('POST', `/projects/${projectId}/model/corrections`, editor, rename);
    expect(renamed.statusCode, JSON.stringify(renamed.data)).toBe(200);
    expect(renamed.data.rev).toBe(2);
    expect(renamed.data.note).toBe('Renamed entity Booking to Loan');
    const loan = renamed.data.model.entities.find((e: { id: string }) => e.id === 'booking');
    expect(loan.name).toBe('Loan');
    expect(loan.sources[0]).toEqual({ kind: 'correction' });

    // The history lists both revisions with their notes; the diff reads as the rename.
    const history = await api('GET', `/projects/${projectId}/model/revisions`, viewer);
    expect(history.data.items.map((r: { rev: number; note: string }) => [r.rev, r.note])).toEqual([
      [2, 'Renamed entity Booking to Loan'],
      [1, 'Built from the idea'],
    ]);
    expect(history.data.items[0].createdByName).toBe(editor.name);
    const page = await api('GET', `/projects/${projectId}/model/revisions?limit=1`, viewer);
    expect(page.data.items.map((r: { rev: number }) => r.rev)).toEqual([2]);
    const next = await api('GET', `/projects/${projectId}/model/revisions?limit=1&cursor=${page.data.nextCursor}`, viewer);
    expect(next.data).toMatchObject({ items: [{ rev: 1 }], nextCursor: null });

    const diff = await api('GET', `/projects/${projectId}/model/diff?from=1&to=2`, viewer);
    expect(diff.statusCode).toBe(200);
    expect(diff.data.unified).toContain('-### Booking');
    expect(diff.data.unified).toContain('+### Loan');
    expect(diff.data.unified).toContain('+- Loan reserves Tool (many-to-one)');
    expect(diff.data.stats.added).toBeGreaterThan(0);
    expect((await api('GET', `/projects/${projectId}/model/diff`, viewer)).data.unified).toBe(diff.data.unified);

    const rev1 = await api('GET', `/projects/${projectId}/model/revisions/1`, viewer);
    expect(rev1.data.model.entities[1].name).toBe('Booking');
    const missingRev = await api('GET', `/projects/${projectId}/model/revisions/9`, viewer);
    expect(missingRev.statusCode).toBe(404);
    expect(missingRev.data.error.message).toMatch(/revisions 1 to 2/);

    // The audit log says who corrected the model.
    const audit = await api('GET', `/audit?organizationId=${orgId}&limit=50`, owner);
    expect(audit.statusCode).toBe(200);
    expect(audit.data.items.find((e: { action: string }) => e.action === 'project_model_corrected')).toMatchObject({
      resourceId: projectId,
      details: { rev: 2, note: 'Renamed entity Booking to Loan', correction: 'rename-entity' },
    });
  });

  it('answers a stale baseRev with 409 and the current model, and restores an old revision as a new one', async () => {
    const { projectId, editor, owner } = await teamWithModel();
    const first = await api('POST', `/projects/${projectId}/model/corrections`, editor, { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'tool', name: 'Item' } });
    expect(first.statusCode).toBe(200);
    const stale = await api('POST', `/projects/${projectId}/model/corrections`, owner, { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'tool', name: 'Gear' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.error.details).toMatchObject({ field: 'baseRev', currentRev: 2, model: { rev: 2 } });
    expect(stale.data.error.details.model.model.entities[0]).toMatchObject({ id: 'tool', name: 'Item' });
    expect((await api('PUT', `/projects/${projectId}/model`, owner, { baseRev: 1, model: toolLibraryModel() })).statusCode).toBe(409);

    const restored = await api('POST', `/projects/${projectId}/model/revisions/1/restore`, editor, { baseRev: 2 });
    expect(restored.statusCode, JSON.stringify(restored.data)).toBe(200);
    expect(restored.data).toMatchObject({ rev: 3, note: 'Restored revision 1' });
    expect(restored.data.model.entities[0].name).toBe('Tool');
    const history = await api('GET', `/projects/${projectId}/model/revisions`, editor);
    expect(history.data.items[0]).toMatchObject({ rev: 3, restoredFrom: 1 });
    expect((await api('POST', `/projects/${projectId}/model/revisions/7/restore`, editor, {})).statusCode).toBe(404);
  });

  it('refuses a model or a correction that does not hold together with a 422 naming the path', async () => {
    const { projectId, editor } = await teamWithModel();
    const model = toolLibraryModel();
    const broken = { ...model, relationships: [...model.relationships, { from: 'booking', to: 'shelf', cardinality: 'many-to-one', label: 'sits on' }] };
    const put = await api('PUT', `/projects/${projectId}/model`, editor, { baseRev: 1, model: broken });
    expect(put.statusCode).toBe(422);
    expect(put.data.error.message).toContain('model.relationships.3.to');
    expect(put.data.error.details).toEqual([{ field: 'model.relationships.3.to', message: '"shelf" is not the id of an entity', in: 'body' }]);

    const unknown = await api('POST', `/projects/${projectId}/model/corrections`, editor, { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'shelf', name: 'Rack' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.data.error.details[0].field).toBe('correction.entityId');

    const badShape = await api('POST', `/projects/${projectId}/model/corrections`, editor, { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'tool' } });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.data.error.message).toContain('correction.name');
    const badKind = await api('POST', `/projects/${projectId}/model/corrections`, editor, { baseRev: 1, correction: { kind: 'paint-it-blue' } });
    expect(badKind.statusCode).toBe(400);
    expect((await api('GET', `/projects/${projectId}/model`, editor)).data.rev).toBe(1);

    const replaced = await api('PUT', `/projects/${projectId}/model`, editor, { baseRev: 1, model: { ...model, summary: 'Tools for one street.' }, note: 'Shorter summary' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.data).toMatchObject({ rev: 2, note: 'Shorter summary', model: { summary: 'Tools for one street.' } });
  });

  it('rebuilds the model as a job, keeping the corrections people made', async () => {
    const { projectId, editor } = await teamWithModel();
    await api('POST', `/projects/${projectId}/model/corrections`, editor, { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'booking', name: 'Loan' } });
    const queued = await api('POST', `/projects/${projectId}/model/rebuild`, editor, { instructions: 'focus on lending' });
    expect(queued.statusCode, JSON.stringify(queued.data)).toBe(202);
    const job = await finished(editor, queued.data.jobId);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ rev: 3 });
    const history = await api('GET', `/projects/${projectId}/model/revisions?limit=1`, editor);
    expect(history.data.items[0].note).toMatch(/^Rebuilt from the idea/);
    expect(history.data.items[0].generationId).toBe(job.result!.generationId);
    const current = await api('GET', `/projects/${projectId}/model`, editor);
    expect(current.data.model.entities.find((e: { id: string }) => e.id === 'booking')?.name).toBe('Loan');
  });

  it('answers 404 for a project of another organization, as for one that does not exist', async () => {
    const { projectId } = await teamWithModel();
    const stranger = await createUser(t);
    for (const [method, url, body] of [
      ['GET', `/projects/${projectId}/model`, undefined],
      ['GET', `/projects/${projectId}/model/revisions`, undefined],
      ['GET', `/projects/${projectId}/model/diff`, undefined],
      ['POST', `/projects/${projectId}/model/corrections`, { baseRev: 1, correction: { kind: 'rename-entity', entityId: 'tool', name: 'Mine' } }],
    ] as const) {
      const res = await api(method, url, stranger, body);
      expect(res.statusCode, url).toBe(404);
      expect(res.data.error.message).toBe('Project not found');
    }
  });
});
