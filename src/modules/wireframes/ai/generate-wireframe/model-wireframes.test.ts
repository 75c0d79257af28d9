import { describe, expect, it } from 'vitest';
import { lendingLibraryModel } from '../../../../../test/support/lending-library-model.js';
import { emptyProjectModel } from '../../../project-model/index.js';
import { sanitizeCss } from '../../css-sanitizer.js';
import { sanitizeHtml } from '../../html-sanitizer.js';
import { wireframeFacts } from './facts.js';
import { composeWireframe, screenSetRequests } from './offline.js';

/** Wireframes drawn from a lending library's model: what a person sees on each screen. */

const model = lendingLibraryModel();
const base = { projectName: 'Tool Library', idea: 'Neighbours lend each other tools.', model };

describe('wireframes drawn from the project model', () => {
  it('a set has sign-in, the dashboard, and a list, a detail and a form for each main entity, all unchanged by the sanitizer', () => {
    const requests = screenSetRequests(wireframeFacts(base));
    expect(requests.map((r) => r.screen)).toEqual(['Sign in', 'Dashboard', 'Tools', 'Tool details', 'New tool', 'Loans', 'Loan details', 'New loan', 'Members', 'Member details', 'New member']);
    for (const request of requests) {
      const output = composeWireframe({ ...base, ...request });
      expect(sanitizeHtml(output.html)).toEqual({ html: output.html, removed: [] });
      expect(sanitizeCss(output.css).removed).toEqual([]);
      // The app shell's navigation lists the entities by their plural names.
      if (request.templateType !== 'auth') expect(output.html).toMatch(/>Dashboard<\/a><a[^>]*>Tools<\/a><a[^>]*>Loans<\/a><a[^>]*>Members<\/a>/);
    }
  });

  it('a list has the main attributes as columns with realistic values and the lifecycle as a filter', () => {
    const { html } = composeWireframe({ ...base, templateType: 'list', entity: 'loan' });
    expect(html).toContain('<h1>Loans</h1>');
    for (const column of ['Tool', 'Borrower', 'Starts on', 'Due on', 'Status']) expect(html).toContain(`<th scope="col">${column}</th>`);
    expect(html).toContain('<td>12 Mar 2026</td><td>19 Mar 2026</td>');
    expect(html).toContain('<span class="wf-badge">Requested</span>');
    expect(html).toContain('<option>Any status</option><option>Requested</option><option>Active</option><option>Returned</option>');
  });

  it('a form has inputs by attribute type: an enum is a select with its values, long text a textarea, money a number, a file a file input', () => {
    const { html, title } = composeWireframe({ ...base, screen: 'New tool' });
    expect(title).toBe('New tool');
    expect(html).toContain('<select id="wf-tool-category" class="wf-input"><option>Choose category</option><option>Garden</option><option>Woodwork</option><option>Kitchen</option></select>');
    expect(html).toContain('<textarea id="wf-tool-description"');
    expect(html).toMatch(/<input id="wf-tool-deposit" type="number"[^>]*step="0.01"/);
    expect(html).toContain('<input id="wf-tool-photo" type="file"');
    expect(html).toMatch(/<select id="wf-tool-owner" class="wf-input"><option>Choose member<\/option>/);
    const member = composeWireframe({ ...base, screen: 'New member' }).html;
    expect(member).toMatch(/id="wf-member-email" type="email"/);
    expect(member).toMatch(/id="wf-member-joined-on" type="date"/);
    expect(member).toMatch(/id="wf-member-phone" type="tel"/);
  });

  it('a detail shows every field, the actions of the use cases and the records it has many of', () => {
    const { html } = composeWireframe({ ...base, templateType: 'detail', entity: 'member' });
    expect(html).toContain('<h1>Alex Morgan</h1>');
    expect(html).toContain('<dt>Joined on</dt>');
    expect(html).toMatch(/<aside class="wf-card" aria-label="(Tools|Loans)">/);
    const loan = composeWireframe({ ...base, templateType: 'detail', entity: 'loan' }).html;
    expect(loan).toContain('>Approve</button>');
    expect(loan).toContain('>Return</button>');
  });

  it('the dashboard shows the model’s metrics with their targets', () => {
    const { html, description } = composeWireframe({ ...base, templateType: 'dashboard' });
    expect(html).toContain('<span class="wf-kpi-label">Loans per month</span><strong>42</strong><span class="wf-kpi-label">Target: 50 within three months</span>');
    expect(html).toContain('Share of tools returned on time');
    expect(description).toContain('loans per month and share of tools returned on time');
  });

  it('never draws the project as an entity, nor a field named after a priority or metadata', () => {
    const odd = lendingLibraryModel();
    odd.entities.push({ id: 'tool-library', name: 'Tool library', description: '', attributes: [{ name: 'P0 story', type: 'text', required: false }], states: [], sources: [] });
    odd.entities[1]!.attributes.push({ name: 'priority', type: 'enum', values: ['must', 'should'], required: false }, { name: 'metadata', type: 'text', required: false });
    const facts = wireframeFacts({ ...base, model: odd });
    expect(facts.entities.map((e) => e.name)).not.toContain('Tool library');
    const requests = screenSetRequests(facts);
    expect(requests.map((r) => r.screen)).not.toContain('Tool libraries');
    const form = composeWireframe({ ...base, model: odd, screen: 'New tool' }).html;
    expect(form).not.toMatch(/Priority|Metadata|P0/);
  });

  it('an empty model gives sign-in and a dashboard, and a screen asked for says the records are missing', () => {
    const empty = { ...base, model: emptyProjectModel() };
    expect(screenSetRequests(wireframeFacts(empty)).map((r) => r.templateType)).toEqual(['auth', 'dashboard']);
    const list = composeWireframe({ ...empty, templateType: 'list' });
    expect(list.html).toContain('No records are known yet');
    expect(list.description).toMatch(/holds no records yet/);
    expect(sanitizeHtml(list.html).removed).toEqual([]);
  });
});
