import { projectModelTask } from '../src/modules/project-model/index.js';
import { documentKinds } from '../src/modules/generation/index.js';
import { generateDiagramTask } from '../src/modules/diagrams/index.js';
const ideas = [
  { projectName: 'Pawpal', idea: 'Busy dog owners book trusted walkers in their neighbourhood and follow each walk live. Walkers set their availability and get paid after each walk.', answers: [{ question: 'Which platform?', answer: 'A mobile web app.' }] },
  { projectName: 'ShelfShare', idea: 'Neighbours lend books to each other. A member lists a book, another member requests to borrow it, and the owner approves the request. A loan lasts two weeks and the borrower gets a reminder before the due date.', answers: [] },
  { projectName: 'CourtTime', idea: 'Our tennis club wants members to reserve courts online. Each reservation is one hour. Coaches can block courts for lessons, and the club secretary approves new members.', answers: [{ question: 'How is success measured?', answer: 'Half of all reservations made online within three months.' }] },
];
for (const input of ideas) {
  const model = projectModelTask.builtin(input, {});
  console.log('\n#', input.projectName, '| actors:', model.actors.map((a) => a.name).join(', '), '| entities:', model.entities.map((e) => `${e.name}(${e.attributes.map((a) => a.name).join(',')})`).join(', '));
  console.log('use cases:', model.useCases.map((u) => u.name).join('; '));
  console.log('rules:', model.rules.map((r) => r.text).join(' / '), '| metrics:', model.metrics.map((m) => m.name + ' → ' + m.target).join(' / '));
  const srs = documentKinds.srs.task.builtin({ ...input, model }, {}) as { specificRequirements: { functional: Array<{ title: string; description: string; acceptanceCriteria?: string[] }> } };
  for (const fr of srs.specificRequirements.functional.slice(0, 4)) console.log('  FR:', fr.title, '—', fr.description, '\n     ', (fr.acceptanceCriteria ?? []).slice(0, 1).join(' '));
  const prd = documentKinds.prd.task.builtin({ ...input, model }, {}) as { userStories: Array<{ persona?: string; want: string; soThat?: string }> };
  for (const s of prd.userStories.slice(0, 3)) console.log('  STORY:', JSON.stringify(s).slice(0, 200));
  console.log(generateDiagramTask.builtin({ type: 'er', projectName: input.projectName, sourceText: '', model } as never, {}).mermaid.split('\n').filter((l) => l.includes('{') || l.includes('--')).join(' | '));
}
