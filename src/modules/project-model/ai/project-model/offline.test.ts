import { describe, expect, it } from 'vitest';
import { projectModelSchema } from '../../project-model.contract.js';
import { projectModelTask } from './index.js';
import { buildProjectModel } from './offline.js';

type Model = ReturnType<typeof buildProjectModel>;

/** The name of the actor of the first use case whose name is `name` or matches it. */
function actorOfUseCase(model: Model, name: string | RegExp): string | undefined {
  const useCase = model.useCases.find((u) => (typeof name === 'string' ? u.name === name : name.test(u.name)));
  return model.actors.find((a) => a.id === useCase?.actor)?.name;
}

const idea = 'A lending library for tools. Members borrow tools like drills and ladders. A member reserves a tool online. A loan lasts one week. Volunteers check tools in and out. Success means 90% of tools are returned on time within three months.';

describe('the offline project model', () => {
  it('reads a compound the writer uses elsewhere as that compound, never as a verb and its object', () => {
    const studio = buildProjectModel({ projectName: 'Snoutline', idea: "We're a small studio, mostly dog portraits and logos. Dog portraits are £90 and clients approve a sketch first." });
    expect(studio.entities.map((e) => e.name)).toContain('Dog portrait');
    expect(studio.useCases.map((u) => u.name).join(' ')).not.toMatch(/^Dog|Dog a/);
  });

  it('reads booking with nothing named as making the booking the model keeps, unless the text says what is booked', () => {
    const farm = buildProjectModel({ projectName: 'Gatepost', idea: 'Families book online and pay at the gate. Bookings close the night before. The farmer leads each tour.' });
    expect(actorOfUseCase(farm, 'Make a booking')).toBe('Family');
    const cafe = buildProjectModel({ projectName: 'Tablefor', idea: 'Diners book tables online and bookings close at noon. Groups of eight must book by phone.' });
    expect(cafe.useCases.map((u) => u.name)).not.toContain('Make a booking');
  });

  it('never gives a passive to the people it is done to', () => {
    const model = buildProjectModel({ projectName: 'Paddles', idea: 'Members hire kayaks at the boathouse and the instructor signs them out. When a paddle goes missing the member is charged for it.' });
    expect(actorOfUseCase(model, /^Charge a member/)).toBe('Instructor');
  });

  it('never takes a day, a month or a range of them for a system', () => {
    const model = buildProjectModel({ projectName: 'Thatchline', idea: 'Thatchers repair roofs for owners. Work is squeezed into Mar-Oct and owners book a survey first.' });
    expect(model.actors.map((a) => a.name)).not.toContain('Mar-Oct');
  });

  it('reads billing with no one named as sending the document, never a participle that says how something is paid', () => {
    const studio = buildProjectModel({ projectName: 'Kilnroom', idea: 'Schools book pottery workshops for a class. I invoice at the end of each term and chase schools that have not paid.' });
    expect(studio.useCases.map((u) => u.name)).toContain('Send an invoice');
    expect(studio.useCases.map((u) => u.name).join(' ')).not.toMatch(/Invoice (?:at|on)/);
    const lunches = buildProjectModel({ projectName: 'Lunchbox', idea: 'Offices order lunches at £6 per head, invoiced monthly.' });
    expect(actorOfUseCase(lunches, 'Send an invoice')).not.toBe('Office');
  });

  it('reads a "mobile web app" answer as a web platform, never a native app', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea, answers: [{ question: 'Which platform?', answer: 'A mobile web app, no native app.' }] });
    const platform = model.constraints.filter((c) => c.category === 'platform');
    expect(platform.map((c) => c.text).join(' ')).toMatch(/web app/);
    expect(platform.map((c) => c.text).join(' ')).not.toMatch(/native mobile app|app store/);
  });

  it('names records and people in the author\'s spelling and reads who does what a "who" question asks', () => {
    const model = buildProjectModel({
      projectName: 'Hoodcar',
      idea: 'Organisers list cars. The renter uploads a driving licence and the organiser approves the licence. Couples rent cars for a weekend.',
      answers: [{ question: 'Who inspects the cars?', answer: 'The fleet scheduler, every month.' }],
    });
    expect(model.entities.map((e) => e.name)).toContain('Licence');
    expect(model.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Organiser', 'Couple', 'Scheduler']));
    expect(model.useCases.map((u) => u.name)).toEqual(expect.arrayContaining(['Upload a driving licence', 'Rent a car', 'Inspect a car']));
    expect(model.useCases.find((u) => u.name === 'Inspect a car')?.actor).toBe(model.actors.find((a) => a.name === 'Scheduler')?.id);
  });

  it('asks an unanswered question again and never an answered one', () => {
    const model = buildProjectModel({
      projectName: 'Toolshed',
      idea,
      answers: [
        { question: 'How do members pay the fee?', answer: '' },
        { question: 'Who runs the library?', answer: 'Ten volunteers and a coordinator.' },
      ],
    });
    const questions = model.openQuestions.map((q) => q.question);
    expect(questions).toContain('How do members pay the fee?');
    expect(questions).not.toContain('Who runs the library?');
  });

  it('states "a loan lasts one week" as a rule with its quantity', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea });
    const rule = model.rules.find((r) => /loan lasts/i.test(r.text));
    expect(rule?.quantity).toEqual({ value: 1, unit: 'week' });
    expect(rule?.entity).toBe(model.entities.find((e) => e.name === 'Loan')?.id);
  });

  it('reads a number as a rule\'s only when a rule word governs it, and takes that number', () => {
    const model = buildProjectModel({
      projectName: 'Towpath',
      idea: 'We look after 40 narrowboat moorings, from a couple of short stays up to the big winter berths. Boaters can stay for up to 14 nights. In 3 divisions, each crew may enter max 6 boats. We must keep the logs for seven years.',
    });
    const rules = model.rules.map((rule) => [rule.text.slice(0, 20), rule.quantity?.value]);
    expect(rules).toEqual([
      ['Boaters can stay for', 14],
      ['In 3 divisions, each', 6],
      ['We must keep the log', 7],
    ]);
  });

  it('keeps a rule whose verb follows a prepositional phrase as the writer put it, never as a fragment to be explained', () => {
    const model = projectModelTask.builtin(
      {
        projectName: 'Fieldwork',
        idea: 'Our surveyors log site visits and raise change requests for clients.',
        answers: [{ question: 'Any rules or limits?', answer: 'Any change request over £1,500 needs a partner\'s sign-off.' }],
      },
      {},
    );
    expect(model.rules.map((rule) => rule.text)).toContain("Any change request over £1,500 needs a partner's sign-off.");
  });

  it('makes no use case of the act a wish replaces ("instead of faxing", "rather than posting")', () => {
    const model = buildProjectModel({
      projectName: 'Scriptline',
      idea: 'Doctors send prescriptions to the pharmacy online instead of faxing paper copies. Patients collect their medicines rather than posting them back.',
    });
    const names = model.useCases.map((useCase) => useCase.name);
    expect(names).toEqual(expect.arrayContaining(['Send a prescription to a pharmacy', 'Collect a medicine']));
    expect(names.filter((name) => /^(?:Fax|Post)\b/.test(name))).toEqual([]);
  });

  it('makes a fragment that describes the product a sentence about it, and quotes any other fragment as the writer\'s note', () => {
    const model = projectModelTask.builtin({ projectName: 'Rotaline', idea: 'A rota planner for a food bank. Three sites, about 40 volunteers. Coordinators assign shifts and volunteers swap them.' }, {});
    expect(model.summary).toContain('Rotaline is a rota planner for a food bank.');
    expect(model.summary).toContain('The idea also notes: “Three sites, about 40 volunteers”.');
    expect(model.summary).not.toMatch(/Rotaline is three/i);
  });

  it('gives the approval a record needs, past an amount, to the person whose approval it is', () => {
    const model = buildProjectModel({ projectName: 'Partsdesk', idea: "Technicians raise purchase orders for parts. Any purchase order over £500 needs a manager's approval. Managers also set the yearly budget." });
    const approve = model.useCases.find((useCase) => useCase.name === 'Approve a purchase order');
    expect(model.actors.find((actor) => actor.id === approve?.actor)?.name).toBe('Manager');
  });

  it('reads a verb that takes no object, after people in the plural, as acting on what its preposition names', () => {
    const model = buildProjectModel({ projectName: 'Estate Voice', idea: '- tenants vote on the proposed designs at the open meeting\n- the caretaker publishes the results' });
    const vote = model.useCases.find((useCase) => useCase.name === 'Vote on a proposed design');
    expect(model.actors.find((actor) => actor.id === vote?.actor)?.name).toBe('Tenant');
    // A thing after "on" is no place the vote is made at, though WordNet's second sense of "vote" takes an object.
    const photos = buildProjectModel({ projectName: 'Club Lens', idea: '- members vote on the shortlisted photos at the annual meeting' });
    expect(photos.useCases.map((useCase) => useCase.name)).toEqual(['Vote on a shortlisted photo']);
  });

  it('reads a participle after a note\'s opening phrase as its passive, done to every phrase joined in it', () => {
    const model = buildProjectModel({ projectName: 'Tally', idea: '- cafe receipts + raffle sales counted after each fete, the treasurer keeps the float\n- late renewals chased by text' });
    expect(model.useCases.map((useCase) => useCase.name)).toEqual(expect.arrayContaining(['Count a cafe receipt', 'Count a raffle sale', 'Chase a renewal']));
  });

  it('makes no use case of a verb that only says an act starts or stops ("stop turning people away")', () => {
    const model = buildProjectModel({ projectName: 'Pitchside', idea: 'Guests book pitches online, with pitches counted, so we stop turning campers away.' });
    expect(model.useCases.map((useCase) => useCase.name)).toEqual(['Book a pitch']);
  });

  it('makes no use case of where a thing comes from ("reorder from the wholesaler")', () => {
    const model = buildProjectModel({ projectName: 'Shelf Life', idea: 'Volunteers stack the shelves and reorder from the wholesaler on Fridays. Shoppers collect from the counter.' });
    expect(model.useCases.map((useCase) => useCase.name).filter((name) => / from /.test(name))).toEqual([]);
    expect(model.useCases.map((useCase) => useCase.name)).toContain('Stack a shelf');
  });

  it('reads a note to text a person as sending them a message, done by someone other than that person', () => {
    const model = buildProjectModel({ projectName: 'Fixline', idea: 'Owners drop bikes off and mechanics repair them.\n- text owner when the bike is ready' });
    const text = model.useCases.find((useCase) => useCase.name === 'Text an owner');
    expect(model.actors.find((actor) => actor.id === text?.actor)?.name).toBe('Mechanic');
  });

  it('checks a short rule in its own words in a step, and quotes a rule of several clauses', () => {
    const model = buildProjectModel({ projectName: 'Courtside', idea: 'Members book courts online. A booking can be made up to 7 days ahead - anything later than that goes on the waiting list and the desk confirms it by phone. A booking lasts 40 minutes.' });
    const steps = model.useCases.find((useCase) => useCase.name === 'Confirm a booking')?.steps.map((step) => step.action);
    expect(steps).toContain('checks that a booking lasts 40 minutes');
    expect(steps).toContain('checks the booking against the rule “A booking can be made up to 7 days ahead - anything later than that goes on the waiting list and the desk confirms it by phone”');
  });

  it('makes a success statement a metric, never a use case', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea });
    expect(model.metrics.map((m) => m.target).join(' ')).toMatch(/90%/);
    expect(model.useCases.some((u) => u.sources.some((s) => /success/i.test(s.quote ?? '')))).toBe(false);
  });

  it('never makes an adjective, a number or the product an entity', () => {
    const model = buildProjectModel({
      projectName: 'Toolshed',
      idea: `${idea} The first version must be reliable and accurate; two volunteers show missing or partial returns.`,
    });
    const names = model.entities.map((e) => e.name.toLowerCase());
    for (const word of ['reliable', 'first', 'two', 'accurate', 'missing', 'partial', 'show', 'toolshed']) expect(names).not.toContain(word);
    expect(names).toEqual(expect.arrayContaining(['tool', 'loan']));
  });

  it('finds the actors, the records, the act of borrowing and who does it', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea });
    expect(model.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Member', 'Volunteer']));
    const borrow = model.useCases.find((u) => u.action === 'borrow');
    expect(borrow?.actor).toBe('member');
    expect(borrow?.entity).toBe('tool');
    expect(borrow?.steps.length).toBeGreaterThanOrEqual(3);
    expect(borrow?.sources[0]).toMatchObject({ kind: 'idea', quote: 'Members borrow tools like drills and ladders.' });
  });

  it('reads records and use cases from passives, coordinated verbs and what a record waits for', () => {
    const model = buildProjectModel({
      projectName: 'Second Chance',
      idea: 'Staff add each animal with photos, breed and age. Adopters browse animals online and submit an adoption application. A home visit is arranged by a volunteer before an application is approved. Group adoptions need approval from the manager. We also need to track vaccinations and vet appointments for each animal.',
    });
    expect(model.relationships).toEqual(expect.arrayContaining([
      { from: 'vaccination', to: 'animal', cardinality: 'many-to-one', label: 'belongs to an animal' },
      { from: 'vet-appointment', to: 'animal', cardinality: 'many-to-one', label: 'belongs to an animal' },
    ]));
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Animal', 'Adoption application']));
    expect(model.entities.map((e) => e.name)).not.toContain('Breed');
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Add an animal', 'Submit an adoption application', 'Arrange a home visit', 'Approve an adoption application']));
    expect(model.useCases.find((u) => u.name === 'Arrange a home visit')?.actor).toBe('volunteer');
    expect(model.useCases.find((u) => u.action === 'approve' && /group adoption/i.test(u.name))?.actor).toBe('manager');
  });

  it('defines a term only from a sentence that defines it, and checks the rules on its record', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea: `${idea} A tool is any item a member can take home.` });
    expect(model.glossary.find((t) => t.term === 'Tool')?.definition).toBe('Any item a member can take home.');
    expect(model.glossary.some((t) => t.term === 'Volunteer')).toBe(false);
    const rule = model.rules.find((r) => /loan lasts/i.test(r.text));
    const onLoan = model.useCases.filter((u) => u.entity === rule?.entity);
    for (const useCase of onLoan) expect(useCase.steps.map((s) => s.action)).toContain('checks that a loan lasts one week');
  });

  it('defines no term by how it is ("a nightmare of paper slips"), which says nothing of what it is', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea: `${idea} The loan is a nightmare of paper slips.` });
    expect(model.entities.map((e) => e.name)).toContain('Loan');
    expect(model.glossary.find((t) => t.term === 'Loan')).toBeUndefined();
  });

  it('defines no term by how it is done today, a condition or how often it happens, none of which says what it is', () => {
    for (const said of ['Loans are a paper ledger and a biro at the moment.', 'If the loan is a long one we phone the member.', 'Loans are every other Saturday morning.']) {
      const model = buildProjectModel({ projectName: 'Toolshed', idea: `${idea} ${said}` });
      expect(model.entities.map((e) => e.name)).toContain('Loan');
      expect(model.glossary.find((t) => t.term === 'Loan')).toBeUndefined();
    }
  });

  it('defines no term by an amount or a ranking ("a maximum of 4 tools", "the best loan"), which says nothing of what it is', () => {
    for (const said of ['The loan is a maximum of 4 tools, one per member.', 'The loan is the most useful thing we do, honestly.', 'The loan is the best thing we run.']) {
      const model = buildProjectModel({ projectName: 'Toolshed', idea: `${idea} ${said}` });
      expect(model.entities.map((e) => e.name)).toContain('Loan');
      expect(model.glossary.find((t) => t.term === 'Loan')).toBeUndefined();
    }
  });

  it('keeps a record the text names again and again and says what it has, though nobody is said to act on it', () => {
    const model = buildProjectModel({
      projectName: 'Brightbox',
      idea: 'Our charity lends sensory toys to families of autistic children across the county. Referrals come in from health visitors and schools, and a referral has a priority and a named contact. Families borrow up to three toys for a month. Each toy gets checked and cleaned after every loan. Volunteers drive the toys out on Tuesdays. Referrals sit in a shared inbox for weeks at the moment.',
    });
    const names = model.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Toy', 'Referral', 'Loan']));
    for (const never of ['Month', 'Week', 'Moment', 'Inbox', 'County', 'Charity']) expect(names).not.toContain(never);
  });

  it('makes no constraint of a stray word: a price is no scale, a language pair no language, a quote deadline no schedule', () => {
    const model = buildProjectModel({
      projectName: 'Wordsmith',
      idea: 'Clients request a quote for a language pair and deadline. The adopter pays a fee of £150 and the animal is marked as rehomed. About 600 freelancers work with us.',
    });
    expect(model.constraints.map((c) => c.category)).toEqual(['scale']);
    expect(model.constraints[0]?.text).toMatch(/600 freelancers/);
  });

  it('puts what the author asks to focus on first', () => {
    const model = buildProjectModel({ projectName: 'Toolshed', idea, instructions: 'Focus on loans.' });
    expect(model.entities[0]?.name).toBe('Loan');
  });

  it('keeps a correction a person made when the model is rebuilt', () => {
    const first = buildProjectModel({ projectName: 'Toolshed', idea });
    const corrected = {
      ...first,
      entities: first.entities.map((e) => (e.id === 'tool' ? { ...e, name: 'Equipment', sources: [{ kind: 'correction' as const }] } : e)),
    };
    const rebuilt = buildProjectModel({ projectName: 'Toolshed', idea, previous: corrected });
    expect(rebuilt.entities.find((e) => e.id === 'tool')?.name).toBe('Equipment');
  });

  it('cancels the booking a verb without its object refers to, and keeps the booking', () => {
    const model = buildProjectModel({ projectName: 'Coachline', idea: 'Commuters book a seat on a coach and can cancel up to 6 hours before. Drivers check tickets.' });
    expect(model.useCases.map((u) => u.name)).toContain('Cancel a booking');
    expect(model.entities.map((e) => e.name)).toContain('Booking');
  });

  it('keeps the act of a verb done to a thing that changes hands, and folds kinds of a thing into it', () => {
    const model = buildProjectModel({
      projectName: 'Pedalo',
      idea: 'We hire out tandems, cargo bikes and ordinary bicycles. Riders book a bicycle for a day and pay a deposit. A bicycle under repair cannot be booked.',
    });
    const names = model.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Bicycle', 'Booking', 'Deposit']));
    expect(names).not.toContain('Tandem');
    expect(names).not.toContain('Cargo bike');
  });

  it('reads a passive that puts a number on a record as its rule, not as something anyone does ("capped at 10")', () => {
    const model = buildProjectModel({
      projectName: 'Little Movers',
      idea: 'Parents book toddler gym sessions online. Each session is capped at 10 children, and the sessions are priced at £6 a child.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toContain('Book a toddler gym session');
    expect(names.filter((name) => /^(?:Cap|Price)\b/.test(name))).toEqual([]);
    expect(model.rules.map((r) => r.text).join(' ')).toMatch(/capped at 10 children/);
  });

  it('reads no place or tool a verb is done on or at as what it acts on ("track on a chart", "pay at the kiosk")', () => {
    const model = buildProjectModel({
      projectName: 'Harbour Swim',
      idea: 'Swimmers book on a course each term, and coaches plan the lessons. Coaches take the register, which they then track on a chart. Parents pay at the kiosk by card.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Plan a lesson', 'Take a register']));
    expect(names.filter((name) => /\b(?:chart|kiosk)\b/i.test(name))).toEqual([]);
  });

  it('names a record by the compound when the text goes on to call it by its last word ("the cards" after "answer cards")', () => {
    const model = buildProjectModel({
      projectName: 'Quizline',
      idea: 'Our pub quiz league has 14 teams. Each team gets an answer card for every round, and answer cards are numbered by table. Teams hand the cards back, and the quizmaster marks the cards and enters the scores. Cards with no team name get no points.',
    });
    const names = model.entities.map((e) => e.name);
    expect(names).toContain('Answer card');
    expect(names).not.toContain('Card');
    expect(model.useCases.map((u) => u.name)).toContain('Mark an answer card');
  });

  it('reads what stands in brackets or after a dash as examples, and the writer\'s own organisation as no record', () => {
    const model = buildProjectModel({
      projectName: 'Inkwell',
      idea: 'I run a small sign-making workshop. Clients order signs and choose a material (acrylic, aluminium, timber) for each sign. We also repair signs from other makers — shop fronts, lightboxes, banners. Parents at our primary school order name tags too.',
    });
    const names = model.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Sign', 'Material']));
    for (const example of ['Acrylic', 'Aluminium', 'Timber', 'Lightbox', 'Banner', 'Shop front', 'Sign-making workshop', 'Workshop', 'Primary school', 'School']) expect(names).not.toContain(example);
  });

  it('keeps a document someone gets or wants, which the product makes', () => {
    const model = buildProjectModel({
      projectName: 'Galley',
      idea: 'Diners order dishes from a tablet. Every evening the chef gets a prep list for the next day, and the owner wants a weekly report of food waste.',
    });
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Dish', 'Prep list', 'Report']));
  });

  it('names what a declaring verb makes its object, keeps "the" on a sum, and makes no use case of an aside', () => {
    const model = buildProjectModel({
      projectName: 'Cellar',
      idea: 'Sommeliers log each bottle and mark bottles opened at the bar. At closing the manager counts the money in the till. Staff restock the shelves (sort crates, wipe labels).',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Mark a bottle as opened', 'Count the money']));
    expect(names.some((name) => /crate|label/i.test(name))).toBe(false);
    const said = buildProjectModel({ projectName: 'Cellar', idea: 'Guests book tables online or by phone (the host enters the phone bookings).' });
    expect(said.useCases.map((u) => u.name)).toContain('Enter a phone booking');
  });

  it('keeps a group that is acted on as a record, though it acts too', () => {
    const model = buildProjectModel({
      projectName: 'Quizzer',
      idea: 'Pub quiz league. Hosts register a team for the season and enter each round score. Teams answer questions on paper and swap sheets for marking.',
    });
    expect(model.entities.map((e) => e.name)).toContain('Team');
  });

  it('makes one record of the kinds of animal the product treats alike', () => {
    const model = buildProjectModel({
      projectName: 'Whiskers',
      idea: 'Sitters look after cats and rabbits while owners travel. Owners book a visit for each cat or rabbit and leave feeding notes.',
    });
    const names = model.entities.map((e) => e.name);
    expect(names).toContain('Animal');
    expect(names).not.toContain('Cat');
    expect(names).not.toContain('Rabbit');
  });

  it('makes no use case of "keep doing", of an example or of a compound\'s first word, and reads an acronym\'s article aloud', () => {
    const model = buildProjectModel({
      projectName: 'Roomly',
      idea: 'We keep double booking rooms. Guests send a CV and cover letter for jobs. Residents report problems in their street — broken benches, blocked drains. Guests receive an SMS message when the room is ready.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names.filter((name) => /^Keep|^Cover|^Break|^Block/.test(name))).toEqual([]);
    expect(names).toContain('Send an SMS message');
  });

  it('gives a row of deciding verbs left without an object the last thing acted on before them', () => {
    const model = buildProjectModel({
      projectName: 'Hallkeeper',
      idea: '- hirers request a slot online\n- the caretaker approves or declines\n- hirers pay the fee by card',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Approve a slot', 'Decline a slot']));
  });

  it('makes no use case of when something happens or of the writer\'s own organisation', () => {
    const model = buildProjectModel({
      projectName: 'Tutti',
      idea: 'We run a community choir. Singers rehearse Tuesday evenings and buy concert tickets online. Only registered singers can download scores from the choir.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Buy a concert ticket', 'Download a score']));
    expect(names.filter((name) => /evening|choir/i.test(name))).toEqual([]);
  });

  it('cancels what was last booked when a verb is left with only a time limit, and keeps what is counted', () => {
    const model = buildProjectModel({
      projectName: 'Snip',
      idea: '- clients book appointments online\n- 3 stylists, 40 pitches in the garden, 10 pitches with power\n- cancel less than 24 hours before = £10 fee',
    });
    expect(model.useCases.map((u) => u.name)).toContain('Cancel an appointment');
    expect(model.entities.map((e) => e.name)).toContain('Pitch');
  });

  it('reads a question someone answered yes to as what the product does, and a social verb ending its sentence as undoing the booking', () => {
    const model = buildProjectModel({
      projectName: 'Holiday Paws',
      idea: 'Owners reserve kennels for their dogs over the holidays.',
      answers: [
        { question: 'Can owners extend a stay online?', answer: 'Yes, if the kennel is still free.' },
        { question: 'Can owners bring their own food?', answer: 'No, we feed every dog the same.' },
        { question: 'Can owners cancel?', answer: 'Yes until a week before.' },
      ],
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Extend a stay', 'Cancel a reservation']));
    expect(names).not.toContain('Bring food');
    expect(model.useCases.find((u) => u.name === 'Extend a stay')?.sources[0]).toMatchObject({ kind: 'answer', label: 'Can owners extend a stay online?' });
  });

  it('puts what "I" and "we" do on the role the writer says is theirs, never on someone they call "our"', () => {
    const tuner = buildProjectModel({ projectName: 'Stringline', idea: "I'm a harp restorer and work alone. Owners send their harps by courier. After each job I write a report." });
    const restorer = tuner.actors.find((actor) => actor.name === 'Harp restorer' || actor.name === 'Restorer');
    expect(restorer).toBeDefined();
    expect(tuner.useCases.find((u) => u.name === 'Write a report')?.actor).toBe(restorer?.id);
    const orchard = buildProjectModel({ projectName: 'Pressday', idea: 'I manage a cider orchard. We pay the pickers weekly and our bookkeeper files the taxes.' });
    const manager = orchard.actors.find((actor) => actor.name === 'Manager');
    expect(orchard.useCases.find((u) => u.name.startsWith('Pay'))?.actor).toBe(manager?.id);
    const club = buildProjectModel({ projectName: 'Lanes', idea: 'Our bookkeeper sends the invoices. We own three lanes that members book by the hour.' });
    expect(club.useCases.map((u) => u.name)).toEqual(['Send an invoice', 'Book a lane']);
    expect(club.useCases[1]?.actor).toBe(club.actors.find((actor) => actor.name === 'Member')?.id);
    const care = buildProjectModel({ projectName: 'Rounds', idea: 'I coordinate a small physiotherapy service with 6 therapists. I plan the visits and therapists write a note after each visit.' });
    expect(care.actors.map((actor) => actor.name)).toEqual(expect.arrayContaining(['Coordinator', 'Therapist']));
    expect(care.actors.map((actor) => actor.name.toLowerCase())).not.toContain('physiotherapy service');
  });

  it('reads a deciding verb alone at the end of its sentence as acting on the last record, never on its examples', () => {
    const model = buildProjectModel({
      projectName: 'Leave',
      idea: 'Employees submit a leave request: dates, reason, cover. The line manager approves. Each approved request is logged and the employee gets the manager to sign.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toContain('Approve a leave request');
    expect(names.filter((name) => name.startsWith('Sign') || /cover|reason|date/i.test(name))).toEqual([]);
  });

  it('reads what a person gets, a message or a document, as sent by the writer\'s people, never an account or a count', () => {
    const model = buildProjectModel({
      projectName: 'Inkwell',
      idea: 'We restore old fountain pens. The owner gets a report after each repair and receives a reminder when the pen is ready. Trade clients get an account. Sellers who get three complaints are blocked.',
    });
    const sends = model.useCases.filter((u) => u.action === 'send');
    expect(sends.map((u) => u.name)).toEqual(['Send a report', 'Send a reminder']);
    expect(new Set(sends.map((u) => model.actors.find((actor) => actor.id === u.actor)?.name))).toEqual(new Set(['Staff']));
  });

  it('reads a date someone picks as what they act on, and a unit\'s short form ("48h") as a time limit', () => {
    const model = buildProjectModel({
      projectName: 'Stables',
      idea: '- riders book a lesson online and pick a date from the free slots\n- riders can cancel up to 48h before\n- the instructor works 8 hours a day',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Book a lesson', 'Pick a date', 'Cancel a lesson']));
    expect(names.filter((name) => /hour|48/.test(name))).toEqual([]);
    const rounds = buildProjectModel({ projectName: 'Bins', idea: '- residents book a pickup online\n- drivers get their route list each morning\n- residents can cancel up to 48h before' });
    expect(rounds.useCases.filter((u) => u.action === 'cancel').map((u) => u.name)).toEqual(['Cancel a pickup']);
  });

  it('reads "1-to-1" as a ratio, never a quantity or a definition', () => {
    const model = buildProjectModel({ projectName: 'Maths Help', idea: 'Tutors teach sessions online. Sessions are 1-to-1 or small groups of max 5. Parents book sessions.' });
    expect(model.rules.find((rule) => rule.text.includes('1-to-1'))?.quantity).toEqual({ value: 5, unit: '' });
    expect(model.glossary.filter((term) => term.term === 'Session')).toEqual([]);
  });

  it('reads "the head" who approves something as a person, though WordNet knows a head first as a body part', () => {
    const model = buildProjectModel({ projectName: 'Junior Cup', idea: 'Coaches plan tournaments, then the head has to approve them before anything goes to families.' });
    const head = model.actors.find((actor) => actor.name === 'Head');
    expect(head?.kind).toBe('person');
    expect(model.useCases.find((u) => u.name === 'Approve a tournament')?.actor).toBe(head?.id);
  });

  it('keeps a document that says something as a record, not as someone who acts', () => {
    const model = buildProjectModel({ projectName: 'Physio Rounds', idea: 'Every client has a training plan based on the surgeon\'s report which says what exercise and how often. Reports expire after 6 months. Therapists update the plan after each visit.' });
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Plan', 'Report']));
  });

  it('keeps the document a business charges by ("we bill monthly") and one its customers see, never a verb\'s noun that is no document', () => {
    const model = buildProjectModel({ projectName: 'Sparkle Windows', idea: 'Cleaners wash windows every fortnight. We bill monthly through QuickBooks. Customers should see their statements online. Customers can cancel any time.' });
    const names = model.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Bill', 'Statement']));
    expect(names).not.toContain('Cancel');
  });

  it('names a service paid "through" as an outside system, and people the text only counts as actors after those who act', () => {
    const model = buildProjectModel({ projectName: 'Brightsmile', idea: 'We are a dental practice with four dentists and two hygienists. Patients book check-ups online and pay through Stripe. Reminders are sent the day before.' });
    expect(model.actors.map((actor) => [actor.name, actor.kind])).toEqual(expect.arrayContaining([['Stripe', 'system'], ['Dentist', 'person'], ['Hygienist', 'person']]));
    expect(model.actors[0]?.name).toBe('Patient');
  });

  it('names an action on an uncountable record without "a", and never makes the writer ("us") an earlier record', () => {
    const model = buildProjectModel({
      projectName: 'Tandem',
      idea: 'Partners arrange sessions in a café. After each session a partner can leave feedback. Members book a room for a session. If a member misses a session without telling us, the session is closed.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['Leave feedback', 'Book a room for a session', 'Arrange a session']));
    expect(names.some((name) => /^Tell\b/.test(name))).toBe(false);
  });

  it('leaves a greeting out of the summary, and never reads "His" as one', () => {
    expect(buildProjectModel({ projectName: 'Groomy', idea: 'Hi, I have a dog grooming salon. Customers book a groom.' }).summary).toBe('I have a dog grooming salon. Customers book a groom.');
    expect(buildProjectModel({ projectName: 'Walkies', idea: 'His dog needs a walk. Owners book walkers.' }).summary).toBe('His dog needs a walk. Owners book walkers.');
  });

  it('puts what "we" do on the writer\'s own people, never on the customers named first', () => {
    const salon = buildProjectModel({ projectName: 'Groomy', idea: 'Customers book an appointment for their dog. We send a reminder the day before.' });
    expect(actorOfUseCase(salon, 'Book an appointment for a dog')).toBe('Customer');
    expect(actorOfUseCase(salon, 'Send a reminder')).toBe('Staff');
    const lab = buildProjectModel({ projectName: 'Labby', idea: 'Dentists create a case for a patient. Our technicians review each case, and we ship the crown.' });
    expect(actorOfUseCase(lab, 'Create a case')).toBe('Dentist');
    expect(actorOfUseCase(lab, 'Ship a crown')).toBe('Technician');
  });

  it('finds the outside systems an answer names, and no system in a plain word', () => {
    const model = buildProjectModel({
      projectName: 'Sunny',
      idea: 'Customers request a quote and sign it online.',
      answers: [
        { question: 'Tools today?', answer: 'HubSpot for leads, and a spreadsheet.' },
        { question: 'Payments?', answer: 'Online only, with card via Stripe when ordering.' },
      ],
    });
    const systems = model.actors.filter((actor) => actor.kind === 'system').map((actor) => actor.name);
    expect(systems).toEqual(expect.arrayContaining(['HubSpot', 'Stripe']));
    expect(systems).not.toContain('Online');
  });

  it('reads each step of a flow written with arrows as a sentence of its own', () => {
    const model = buildProjectModel({ projectName: 'Sunny', idea: 'Flow: customer requests a quote → surveyor visits the roof → customer signs the quote -> we schedule the installation.' });
    expect(model.useCases.map((u) => u.name)).toEqual(['Request a quote', 'Visit a roof', 'Sign a quote', 'Schedule an installation']);
  });

  it('makes no use case of the opening sentence that says what the business runs', () => {
    const model = buildProjectModel({ projectName: 'Spinhouse', idea: 'We run a small gym with group classes. Members book a place in a class and cancel a booking up to 2 hours before.' });
    const names = model.useCases.map((u) => u.name);
    expect(names).toContain('Cancel a booking');
    expect(names.some((name) => /^Run\b/.test(name))).toBe(false);
  });

  it('keeps a payment when people pay without naming what, and records listed with an action, not the place phoned', () => {
    const riding = buildProjectModel({ projectName: 'Saddle', idea: 'A riding school for children. Riders pay at the front desk after each lesson. Instructors schedule lessons for each pony.' });
    expect(riding.entities.map((e) => e.name)).toContain('Payment');
    const market = buildProjectModel({ projectName: 'Swapshop', idea: 'Sellers create a listing with photos, a title and a price. Buyers phone the shop about a listing.' });
    expect(market.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Listing', 'Photo']));
    expect(market.entities.map((e) => e.name)).not.toContain('Title');
    expect(market.entities.map((e) => e.name)).not.toContain('Shop');
  });

  it('keeps money asked about and answered, money someone gets, and what is rated, checked in or listed after a relative clause', () => {
    const names = (idea: string, answers: { question: string; answer: string }[] = []): string[] =>
      buildProjectModel({ projectName: 'Quayside', idea, answers }).entities.map((e) => e.name);
    expect(names('Sailors hire dinghies by the hour. Instructors run lessons for each dinghy.', [{ question: 'Payments?', answer: 'Taken by card when hiring.' }])).toContain('Payment');
    expect(names('Sailors hire dinghies by the hour. Instructors run lessons for each dinghy.', [{ question: 'Payments?', answer: 'No, never.' }])).not.toContain('Payment');
    expect(names('Sailors hire dinghies. When a storm comes the harbour master closes the quay and each sailor gets a full refund.')).toContain('Refund');
    expect(names('Pupils borrow instruments. Teachers record the names of pupils who came along and any breakages.')).toContain('Breakage');
    expect(names('Diners book tables. Diners rate dishes and chefs can suggest and rate.')).toContain('Rating');
    expect(names('Guests book rooms. On arrival each guest checks in at the desk.')).toContain('Check-in');
  });

  it('reads what a note written short says is done: a participle after its noun, "get" before one, a subject past its aside', () => {
    const model = buildProjectModel({
      projectName: 'Fixit',
      idea: 'Tenants report faults with photos. Urgent faults (leaks, no heating) assigned to a contractor within a day. Repairs needed after an inspection are quoted by the manager. When a job is done the invoices get approved by the landlord.',
    });
    const useCases = model.useCases.map((u) => u.name);
    expect(useCases).toEqual(expect.arrayContaining(['Report a fault', 'Assign a fault', 'Quote a repair', 'Approve an invoice']));
    expect(model.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Fault', 'Repair', 'Invoice']));
  });

  it('reads a time booked as what is booked, keeps the booking and cancels it before anything bought since', () => {
    const model = buildProjectModel({
      projectName: 'Playtime',
      idea: 'Parents book afternoons at the play centre or buy a ten-visit card. Can parents cancel? Yes, up to noon the day before. I want receipts sent to parents.',
    });
    expect(model.useCases.map((u) => u.name)).toEqual(expect.arrayContaining(['Book an afternoon', 'Cancel a booking', 'Send a receipt to a parent']));
    expect(model.entities.map((e) => e.name)).toContain('Booking');
    expect(model.entities.map((e) => e.name)).not.toContain('Afternoon');
  });

  it('reads a question of what someone can do as confirmed by an answer giving its terms, never by a denial or a narrowing', () => {
    const model = buildProjectModel({
      projectName: 'Courtside',
      idea: 'Members book tennis courts by the hour.',
      answers: [
        { question: 'Can members swap a booking?', answer: 'Free up to a day before, after that it costs £5.' },
        { question: 'Can members pay by card?', answer: 'Cash only at the desk.' },
        { question: 'Can guests join a league?', answer: 'Not this year.' },
      ],
    });
    const useCases = model.useCases.map((u) => u.name);
    expect(useCases).toContain('Swap a booking');
    expect(useCases.some((name) => /^Join|card/.test(name))).toBe(false);
  });

  it('gives a verb left without its object the thing decided on past an aside, or the thing its sentence is about', () => {
    const model = buildProjectModel({
      projectName: 'Makerspace',
      idea: 'Makers upload designs and the technician checks them (size, material, cost) then approves or rejects with a note. Makers book workshops online. Workshops need at least 3 makers or we cancel and refund.',
    });
    const useCases = model.useCases.map((u) => u.name);
    expect(useCases).toEqual(expect.arrayContaining(['Approve a design', 'Reject a design', 'Cancel a workshop']));
    expect(model.useCases.find((u) => u.name === 'Approve a design')?.actor).toBe(model.actors.find((a) => a.name === 'Technician')?.id);
  });

  it('reads an act named with what it is done to as a use case, never an amount or a list', () => {
    const model = buildProjectModel({
      projectName: 'Bagtrack',
      idea: 'Passengers report lost suitcases at the desk. Agents match found suitcases to open reports. We want courier delivery of found suitcases to the passenger. We count the number of reports and keep a list of airports.',
    });
    const useCases = model.useCases.map((u) => u.name);
    expect(useCases).toContain('Deliver a suitcase');
    expect(useCases.some((name) => /^(?:Number|List|Count a number)/.test(name))).toBe(false);
  });

  it('keeps the people the product serves as records, never a role of the business named one at a time', () => {
    const model = buildProjectModel({
      projectName: 'Pawsome',
      idea: 'Owners book grooming slots for their dogs online. The groomer sees the day list and marks each dog done. We email owners when their dog is ready and send them the invoice.',
    });
    const entities = model.entities.map((e) => e.name);
    expect(entities).toEqual(expect.arrayContaining(['Owner', 'Dog']));
    expect(entities).not.toContain('Groomer');
    expect(model.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Owner', 'Groomer']));
  });

  it('gives a passive without its agent to the business, not to its customers', () => {
    const model = buildProjectModel({ projectName: 'Trails', idea: 'We run guided walks. Walkers book a walk online. Each walk is assigned a guide and the route is published the day before.' });
    expect(actorOfUseCase(model, 'Book a walk')).toBe('Walker');
    expect(actorOfUseCase(model, 'Publish a route')).toBe('Staff');
  });

  it('keeps the booking of people who book or rent with nothing named, never a judgement or an undoing', () => {
    const model = buildProjectModel({ projectName: 'Seats', idea: 'Families pick their seats when booking. Staff accept or cancel online. Visitors arrive at noon.' });
    const entities = model.entities.map((e) => e.name);
    expect(entities).toContain('Booking');
    expect(entities.some((name) => /^(?:Acceptation|Acceptance|Cancellation|Arrival)$/.test(name))).toBe(false);
  });

  it('names outside systems in brackets, used for something, or asked about without "should we"; and organisations acting in a passive', () => {
    const model = buildProjectModel({
      projectName: 'Homebound',
      idea: 'Readers are referred by charities. Loans live in our catalogue system (Koha). The parish uses Wilberforce for rotas. Volunteers deliver books to readers.',
      answers: [{ question: 'Connect to Mailchimp?', answer: 'Yes please.' }],
    });
    const actors = model.actors.map((a) => `${a.name}${a.kind === 'system' ? ' (system)' : ''}`);
    expect(actors).toEqual(expect.arrayContaining(['Charity', 'Koha (system)', 'Wilberforce (system)', 'Mailchimp (system)']));
    expect(actors.some((name) => /catalogue system/i.test(name))).toBe(false);
  });

  it('reads a word WordNet lacks, acted on by someone, as a record, and an SMS someone gets as one the business sends', () => {
    const model = buildProjectModel({ projectName: 'Claims', idea: 'We handle expense claims. Managers approve any payout over £200. The employee gets an SMS when it is paid.' });
    const useCases = model.useCases.map((u) => u.name);
    expect(useCases).toEqual(expect.arrayContaining(['Approve a payout', 'Send an SMS']));
  });

  it('reads the organisation the writer\'s role is of as the business, never a record', () => {
    const model = buildProjectModel({ projectName: 'Chorus', idea: "I'm the treasurer of a village brass band. Players pay subs each term and borrow instruments." });
    expect(model.entities.map((e) => e.name.toLowerCase())).not.toContain('village brass band');
    expect(model.entities.map((e) => e.name)).toContain('Instrument');
  });

  it('keeps machines counted by their make as records, never as people', () => {
    const model = buildProjectModel({ projectName: 'Printlab', idea: 'Our makerspace has 4 Prusa printers and 2 laser cutters. Members book printers by the hour.' });
    expect(model.entities.map((e) => e.name)).toContain('Printer');
    expect(model.actors.map((a) => a.name)).not.toContain('Printer');
  });

  it('reads who opens an answer to a "who" question, doing something, as a person', () => {
    const model = buildProjectModel({
      projectName: 'Pups',
      idea: 'Owners book daycare days. Dogs are grouped by size.',
      answers: [{ question: 'Who sorts the groups?', answer: 'The floor lead assigns dogs each morning.' }],
    });
    expect(model.actors.map((a) => a.name)).toContain('Floor lead');
    expect(model.useCases.find((u) => u.name === 'Assign a dog')?.actor).toBe(model.actors.find((a) => a.name === 'Floor lead')?.id);
  });

  it('reads a message the writer wishes for as one the business sends, never a record another clause acts on', () => {
    const model = buildProjectModel({
      projectName: 'Lettings',
      idea: 'We let 30 garages. Would love: a rent ledger, a quarterly statement to each tenant. I need lease dates tracked and a warning a month before. I also need to keep each tenant\'s ID and any signed letters.',
    });
    const useCases = model.useCases.map((u) => u.name);
    expect(useCases).toEqual(expect.arrayContaining([expect.stringMatching(/^Send an? (?:quarterly )?statement$/), 'Send a warning']));
    expect(useCases.filter((name) => /letter|ledger/.test(name) && name.startsWith('Send'))).toEqual([]);
  });

  it('keeps no act of a verb whose object is a pronoun or the phrase its relative clause hangs from', () => {
    const model = buildProjectModel({
      projectName: 'Stores',
      idea: 'We run a parts store for a bus depot. Mechanics order parts.',
      answers: [{ question: 'Any stock system?', answer: 'Yes, an old Access database. We could export it, or a spreadsheet they can import is fine.' }],
    });
    expect(model.entities.map((e) => e.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(?:Exportation|Export|Importation|Import)$/)]));
  });

  it('keeps people records are logged against as records', () => {
    const model = buildProjectModel({ projectName: 'Frames', idea: 'We repair spectacle frames. Clients drop their frames in and every frame is logged against the client with a ticket number.' });
    expect(model.entities.map((e) => e.name)).toContain('Client');
  });

  it('names no use case from a passive\'s preposition, a question asked of someone, or a message not wanted; a passive by no one is the business\'s', () => {
    const model = buildProjectModel({
      projectName: 'Exams',
      idea: 'I run the exams office. Candidates tell me which papers they are sitting. Desk plans per hall, printed for the entrance. Each script is logged by candidate number. Just need them in a list, no reminder.',
    });
    const names = model.useCases.map((u) => u.name);
    expect(names.filter((name) => /entrance|paper|reminder/i.test(name))).toEqual([]);
    const logged = model.useCases.find((u) => u.action === 'log');
    expect(model.actors.find((a) => a.id === logged?.actor)?.name).not.toBe('Candidate');
  });

  it('reads a bare message someone gets as notifying them, and a message with a content of its own as sent', () => {
    const model = buildProjectModel({ projectName: 'Frames', idea: 'We reframe paintings and our framers cut the mounts. The owner gets a message and a reminder when the frame is done.' });
    expect(model.useCases.map((u) => u.name)).toEqual(expect.arrayContaining(['Notify an owner', 'Send a reminder']));
  });

  it('names the services a reader, an account or a platform belongs to, and those a tool question is answered with', () => {
    const model = buildProjectModel({
      projectName: 'Thrift',
      idea: 'We run a charity shop. Customers pay with my Zettle reader and we also sell on Vinted. Volunteers price donations.',
      answers: [{ question: 'What till do you use?', answer: 'Tillpoint on an old laptop.' }, { question: 'Texts?', answer: 'We have a Smsworks account.' }],
    });
    const systems = model.actors.filter((a) => a.kind === 'system').map((a) => a.name);
    expect(systems).toEqual(expect.arrayContaining(['Zettle', 'Vinted', 'Tillpoint', 'Smsworks']));
  });

  it('reads a practitioner WordNet lacks, named for a field it knows, as a person', () => {
    const model = buildProjectModel({ projectName: 'Feet', idea: 'We are a wellness clinic with 3 reflexologists. Reflexologists record each treatment and clients book appointments.' });
    expect(model.actors.map((a) => a.name)).toContain('Reflexologist');
  });

  it('gives a verb left without its object the thing a statement with "be" opening its sentence is about', () => {
    const model = buildProjectModel({ projectName: 'Lockers', idea: 'We rent lockers at the pool. Locker rent is £5 a week, swimmers pay monthly.' });
    expect(model.useCases.map((u) => u.name)).toContain('Pay locker rent');
  });

  it('keeps what the business runs many of as a record, never the business itself', () => {
    const model = buildProjectModel({ projectName: 'Loom', idea: 'We are a weaving studio with 30 members. Members pay monthly and book looms. We also run beginner classes, 6 people per class.' });
    const names = model.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/class$/i)]));
    expect(names).not.toContain('Weaving studio');
  });

  it('keeps no device something is only done on as a record, and keeps a record something is done on', () => {
    const model = buildProjectModel({ projectName: 'Seeds', idea: 'We run a seed library. Volunteers log donated seeds on a laptop. Members book a place on a workshop.' });
    const names = model.entities.map((e) => e.name);
    expect(names).not.toContain('Laptop');
    expect(names).toContain('Workshop');
  });

  it('reads an activity named as the subject of what is done to people as the team that does it, never a record', () => {
    const model = buildProjectModel({ projectName: 'Stalls', idea: 'We run a street food market. Traders book stalls online. Marketing emails the traders each Friday.' });
    expect(model.actors.map((a) => a.name)).toContain('Marketing');
    expect(model.entities.map((e) => e.name)).not.toContain('Marketing');
  });

  it('gives no implicit object to a clause asking who or what', () => {
    const model = buildProjectModel({ projectName: 'Kit', idea: 'Every costume has a tag. At month end I work out who I owe and what I sold.' });
    expect(model.useCases.map((u) => u.name).filter((name) => /^(?:Owe|Sell)/.test(name))).toEqual([]);
  });

  it('reads the role set off beside a name as who does the verb after it', () => {
    const model = buildProjectModel({ projectName: 'Glass', idea: 'We run a glassblowing studio. Mia and Raj, our two gaffers, anneal the vases overnight.' });
    const anneal = model.useCases.find((u) => u.action === 'anneal');
    expect(model.actors.find((a) => a.id === anneal?.actor)?.name).toBe('Gaffer');
  });

  it('is valid against the contract and the same for the same input', () => {
    const input = { projectName: 'Toolshed', idea, answers: [{ question: 'Platform?', answer: 'A website.' }] };
    const model = buildProjectModel(input);
    expect(projectModelSchema.parse(model)).toEqual(model);
    expect(buildProjectModel(input)).toEqual(model);
  });
});

/**
 * Everyday sentences a fresh idea is written in, across domains: plural subjects whose verb is also a noun,
 * coordinated verb phrases sharing a subject, possessive determiners, compound objects and passive conditional rules.
 * Each must yield the use case, the entity or the rule (with its quantity) a reader would expect.
 */
type Probe = { sentence: string; useCases?: RegExp[]; entities?: RegExp[]; rule?: { text: RegExp; value: number; unit: string } };
const probes: Probe[] = [
  { sentence: 'Members log their watering days.', useCases: [/^Log a watering day$/], entities: [/^Watering day$/] },
  { sentence: 'Members log their watering days and report broken tools.', useCases: [/^Log a watering day$/, /^Report a (?:broken )?tool$/] },
  { sentence: 'The coordinator keeps a waiting list.', useCases: [/^Keep a waiting list$/], entities: [/^Waiting list$/] },
  { sentence: 'Plots are lost if not tended for six weeks.', rule: { text: /lost if not tended/, value: 6, unit: 'week' } },
  { sentence: 'Drivers book delivery slots.', useCases: [/^Book a delivery slot$/], entities: [/^Delivery slot$/] },
  { sentence: 'Staff file expense claims.', useCases: [/^File an expense claim$/], entities: [/^Expense claim$/] },
  { sentence: 'Parents sign consent forms.', useCases: [/^Sign a consent form$/], entities: [/^Consent form$/] },
  { sentence: 'Tenants request repairs and rate the contractor.', useCases: [/^Request a repair$/, /^Rate a contractor$/] },
  { sentence: 'Nurses record their shift notes.', useCases: [/^Record a shift note$/], entities: [/^Shift note$/] },
  { sentence: 'Students submit their essays and book tutorials.', useCases: [/^Submit an essay$/, /^Book a tutorial$/] },
  { sentence: 'Volunteers sort donated food, pack parcels and deliver them.', useCases: [/^Pack a parcel$/, /^Deliver a parcel$/] },
  { sentence: 'Riders log their training hours.', useCases: [/^Log a training hour$/] },
  { sentence: 'Teachers mark homework and post grades.', useCases: [/^Mark a homework$|^Mark homework$/, /^Post a grade$/] },
  { sentence: 'Landlords list their flats and approve tenants.', useCases: [/^List a flat$/, /^Approve a tenant$/] },
  { sentence: 'Players rate their matches.', useCases: [/^Rate a match$/] },
  { sentence: 'Cooks plan weekly menus and order ingredients.', useCases: [/^Plan a (?:weekly )?menu$/, /^Order an ingredient$/] },
  { sentence: 'The manager keeps a visitor log.', useCases: [/^Keep a visitor log$/], entities: [/^Visitor log$/] },
  { sentence: 'Owners register their dogs and book walks.', useCases: [/^Register a dog$/, /^Book a walk$/] },
  { sentence: 'Agents upload property photos.', useCases: [/^Upload a property photo$/], entities: [/^Property photo$/] },
  { sentence: 'Customers track their parcels.', useCases: [/^Track a parcel$/] },
  { sentence: 'Coaches schedule practice sessions and record attendance.', useCases: [/^Schedule a practice session$/] },
  { sentence: 'Patients cancel appointments, book new ones and pay their bills.', useCases: [/^Cancel an appointment$/, /^Pay a bill$/] },
  { sentence: 'Librarians catalogue new books.', useCases: [/^Catalogue a (?:new )?book$/] },
  { sentence: 'Vouchers expire after 30 days.', rule: { text: /expire after 30 days/, value: 30, unit: 'day' } },
  { sentence: 'A booking is cancelled if the member does not arrive within 15 minutes.', rule: { text: /cancelled if/, value: 15, unit: 'minute' } },
  { sentence: 'Accounts are closed when unused for two years.', rule: { text: /closed when unused/, value: 2, unit: 'year' } },
  { sentence: 'Reservations are held for 48 hours.', rule: { text: /held for 48 hours/, value: 48, unit: 'hour' } },
  { sentence: 'Listings are removed if not updated for 90 days.', rule: { text: /removed if not updated/, value: 90, unit: 'day' } },
  { sentence: 'Invoices are sent after 14 days.', rule: { text: /sent after 14 days/, value: 14, unit: 'day' } },
  { sentence: 'Members swap seeds and share their harvest.', useCases: [/^Swap a seed$/, /^Share a harvest$/] },
  { sentence: 'Staff file reports, check invoices and approve payments.', useCases: [/^File a report$/, /^Check an invoice$/, /^Approve a payment$/] },
  { sentence: 'Tutors set homework, mark answers and post feedback.', useCases: [/^Mark an answer$/, /^Post (?:a )?feedback$/] },
  { sentence: 'Staff order uniforms and approve invoices.', useCases: [/^Order a uniform$/, /^Approve an invoice$/] },
  { sentence: 'Crew check equipment and log faults.', useCases: [/^Log a fault$/] },
  { sentence: 'Memberships lapse unless renewed within 12 months.', rule: { text: /lapse unless renewed/, value: 12, unit: 'month' } },
  { sentence: 'Editors need a list of submissions to accept or reject.', useCases: [/^Accept a submission$/, /^Reject a submission$/] },
  { sentence: 'Wardens report damaged benches and cleaners log missed bins.', useCases: [/^Report a damaged bench$/, /^Log a missed bin$/] },
  { sentence: 'The porter checks each parcel in and texts the tenant.', useCases: [/^Text a tenant$/] },
  { sentence: 'Tenants want the app to let them book a laundry slot.', useCases: [/^Book a laundry slot$/] },
  { sentence: 'Wardens log boiler/radiator faults per flat.', useCases: [/^Log a boiler.radiator fault$/] },
  { sentence: 'Clerks file a form or report after each visit.', useCases: [/^File a form$/, /^File a report$/] },
  { sentence: 'Social workers refer families and upload medical notes.', useCases: [/^Upload a medical note$/], entities: [/^Medical note$/] },
  { sentence: '\n- boat damage register\n- members book boats online', useCases: [/^Register a boat damage$/, /^Book a boat$/] },
  { sentence: 'The coord approves each room request.', useCases: [/^Approve a room request$/] },
  { sentence: 'Volunteers sign up online and book shifts.', entities: [/^Volunteer$/, /^Shift$/] },
  { sentence: 'Tenants enquire by phone and members register once a year.', useCases: [/^Submit an enquiry$/, /^Register a member$/] },
  { sentence: 'The artists manage their own calendars.', entities: [/^Calendar$/] },
  { sentence: 'Guests are checked in at reception.', entities: [/^Check-in$/] },
  { sentence: 'Non-residents can buy a day ticket online.', useCases: [/^Buy a day ticket$/] },
  { sentence: 'Parents enter their child into a gala.', useCases: [/^Enter a child into a gala$/] },
  { sentence: 'Patients book an appointment online. If they cancel with less than 24 hours\' notice they pay a fee.', useCases: [/^Cancel an appointment$/] },
  { sentence: 'Tenants rent stalls and the warden checks them. Tenants are billed quarterly.', useCases: [/^Send a bill to a tenant$/] },
  { sentence: 'We run weekend workshops and want online booking for the workshops.', useCases: [/^Book a (?:weekend )?workshop$/] },
  { sentence: 'The allotment society needs booking of plots by members.', useCases: [/^Book a plot$/] },
  { sentence: 'We take a 25% deposit before we cut any glass.', useCases: [/^Take a deposit$/] },
  { sentence: 'Clients order frames, and each order should hold its set price, the quote and the mount.', entities: [/^Quote$/, /^Mount$/] },
  { sentence: 'Clients book online, and we remind folks when their service is due.', useCases: [/^Remind a client$/] },
  { sentence: 'Couriers collect a 20 percent deposit on every order.', useCases: [/^Collect a deposit on an order$/], entities: [/^Deposit$/] },
  { sentence: 'Visitors fill in an entry form, and riders want their lap times worked out.', useCases: [/^Fill in an entry form$/, /^Work out (?:a|the) lap time$/] },
  { sentence: 'Wardens print a nightly report and post it to the council.', useCases: [/^Print a nightly report$/] },
  { sentence: 'Stewards return unsigned permits and cancel unused permits.', useCases: [/^Return an unsigned permit$/, /^Cancel an unused permit$/] },
];

describe('everyday sentences of a fresh idea', () => {
  it.each(probes)('reads "$sentence"', ({ sentence, useCases = [], entities = [], rule }) => {
    const model = buildProjectModel({ projectName: 'Probe', idea: `A web app for a small organisation. ${sentence}` });
    const useCaseNames = model.useCases.map((u) => u.name);
    const entityNames = model.entities.map((e) => e.name);
    for (const expected of useCases) expect(useCaseNames, `use cases of "${sentence}"`).toContainEqual(expect.stringMatching(expected));
    for (const expected of entities) expect(entityNames, `entities of "${sentence}"`).toContainEqual(expect.stringMatching(expected));
    if (rule) {
      const found = model.rules.find((r) => rule.text.test(r.text));
      expect(found, `rule of "${sentence}"`).toBeDefined();
      expect(found?.quantity).toEqual({ value: rule.value, unit: rule.unit });
    }
  });
});

describe('who uses the product', () => {
  it('names a service records are kept in, the writer by the work they do, and a modifier in the plural as written', () => {
    const model = buildProjectModel({
      projectName: 'Cleaners',
      idea: 'We do our accounts in Xero. Our sales reps visit offices.',
      answers: [{ question: 'Who will use it?', answer: 'Me doing the dispatching, and the cleaners.' }],
    });
    expect(model.actors.map((a) => [a.name, a.kind])).toEqual(expect.arrayContaining([['Xero', 'system'], ['Dispatcher', 'person'], ['Sales rep', 'person']]));
  });
});

/**
 * Who does what: the subject of a relative clause, the writer named by their work (never the customers "we" serve),
 * and people in general ("people", "anyone") as the public the text names, or else its customers.
 */
const doers: { idea: string; who?: string; useCase: string; actor: string }[] = [
  { idea: 'Tenants who cannot get to the office pay rent by card.', useCase: 'Pay rent', actor: 'Tenant' },
  {
    idea: 'I run a small chimney firm. The receptionists at our clients phone us. Each sweep is booked in by me and a certificate is emailed after it.',
    who: 'Me and my brother Dan doing the sweeping, and the receptionists.',
    useCase: 'Book in a sweep',
    actor: 'Sweeper',
  },
  { idea: 'We sweep chimneys for our clients. Each sweep is booked in by us and a certificate is emailed after it.', useCase: 'Book in a sweep', actor: 'Staff' },
  {
    idea: 'Our pottery co-op fires pots twice a month. Could people book a kiln shelf on a firing day?',
    who: 'Our stewards, who load the kiln, and the public, who book.',
    useCase: 'Book a kiln shelf',
    actor: 'Member of the public',
  },
  { idea: 'Bakers bake the cakes and customers order them for collection. Anyone can book a tasting on Saturdays.', useCase: 'Book a tasting', actor: 'Customer' },
  { idea: 'I coordinate the reading volunteers at a primary school. Pupils log the books they read and I check each log.', useCase: 'Check a log', actor: 'Coordinator' },
  { idea: 'We keep goats on our farm. The vet checks the herd every month. People book a farm tour online.', who: 'Visitors, the vet and me.', useCase: 'Book a farm tour', actor: 'Visitor' },
  { idea: 'We run a harbour. I want the crews to log each landing on their phone.', useCase: 'Log a landing', actor: 'Crew' },
  { idea: 'I coordinate a home tutoring charity. After each lesson the tutor records what was covered and how it went.', useCase: 'Record a lesson', actor: 'Tutor' },
  { idea: 'Each parcel is loaded onto a van in the morning. Vans are serviced monthly.', who: 'Drivers and office staff.', useCase: 'Load a parcel onto a van', actor: 'Driver' },
  { idea: 'I coordinate a befriending scheme. Each volunteer is paired with two refugees. Refugees register online and volunteers log each visit.', useCase: 'Pair a volunteer with a refugee', actor: 'Coordinator' },
  { idea: 'We hold weekly quiz nights where teams book in, and the host reads the questions.', who: 'Teams and the host.', useCase: 'Book in a weekly quiz night', actor: 'Team' },
  { idea: "I do the office for my sister's catering business. I send a quote to each client.", useCase: 'Send a quote', actor: 'Office' },
  { idea: 'I coordinate a youth orchestra. It would help if people got a newsletter every month.', useCase: 'Send a newsletter', actor: 'Coordinator' },
  { idea: 'I coordinate a rowing club. Coaches want a short termly update on each rower.', useCase: 'Send a termly update', actor: 'Coordinator' },
  { idea: 'I manage the skippers at a small ferry company. Skippers log each crossing, and it would save hours for me to approve the timesheets online.', useCase: 'Approve a timesheet', actor: 'Manager' },
];

describe('who does what', () => {
  it('gives a wish that names no one who wishes to the writer ("would like to log each repair"), never to the customers', () => {
    const model = buildProjectModel({ projectName: 'Fell Bikes', idea: 'We hire bikes from a yard in Keswick. Customers book bikes online. Would like to log each repair, order parts and need to block bikes out for servicing.' });
    const actorOf = (name: string) => model.useCases.find((u) => u.name === name)?.actor;
    expect([actorOf('Log a repair'), actorOf('Order a part'), actorOf('Block out a bike')]).toEqual(['staff', 'staff', 'staff']);
    expect(actorOf('Book a bike')).toBe('customer');
  });

  it('reads "a clock and watch repair shop" as one name, so its writer is no watcher', () => {
    const model = buildProjectModel({ projectName: 'Tick Tock', idea: 'I run a small clock and watch repair shop in Hull. Customers book a repair online and I send a quote.' });
    expect(model.actors.map((a) => a.name)).not.toContain('Watcher');
    expect(model.useCases.find((u) => u.name === 'Send a quote')?.actor).toBe('staff');
  });

  it('gives what is done with no one named to the actor whose role is its doer ("inspected" → the inspectors)', () => {
    const model = buildProjectModel({ projectName: 'Paddle Club', idea: 'Members book kayaks online. Kayaks are inspected after every trip and repairs are logged. Inspectors sign off each repair.' });
    const actorOf = (name: string) => model.useCases.find((u) => u.name === name)?.actor;
    expect(actorOf('Inspect a kayak')).toBe('inspector');
    expect(actorOf('Book a kayak')).toBe('member');
  });

  it('reads a verb\'s noun that WordNet also knows as the act as the act, never as a person ("referrals come from")', () => {
    const model = buildProjectModel({
      projectName: 'Lantern',
      idea: 'Most referrals arrive from health visitors. The organiser pairs each family with a mentor, and mentors visit weekly.',
    });
    expect(model.actors.map((a) => a.name)).not.toContain('Referral');
    expect(actorOfUseCase(model, /^Pair a family/)).toBe('Organiser');
  });

  it('reads where people are in an answer about who uses it as no one ("my manager in the office")', () => {
    const model = buildProjectModel({
      projectName: 'Verges',
      idea: 'Wardens survey the verges each spring.',
      answers: [{ question: 'Who are the main users?', answer: 'Four wardens out on site, me and my deputy in the office, and the mowing contractor.' }],
    });
    const actors = model.actors.map((a) => a.name);
    expect(actors).toEqual(expect.arrayContaining(['Warden', 'Deputy', 'Contractor']));
    expect(actors).not.toContain('Office');
  });

  it('reads the role the writer names as theirs in an answer about who uses it ("me as principal")', () => {
    const model = buildProjectModel({
      projectName: 'Riverside School',
      idea: 'I run a small music school in a converted chapel.',
      answers: [{ question: 'Who are the main users?', answer: 'Me as principal, the six tutors who take registers, and parents who book and pay.' }],
    });
    expect(model.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Principal', 'Tutor', 'Parent']));
  });

  it.each(doers)('gives "$useCase" to the $actor', ({ idea: text, who, useCase, actor }) => {
    const model = buildProjectModel({ projectName: 'Doers', idea: text, answers: who ? [{ question: 'Who will use it?', answer: who }] : [] });
    expect(actorOfUseCase(model, useCase)).toBe(actor);
  });

  it('names no actor for a thing people in an answer act on or have with them, though WordNet knows the word as a person', () => {
    const model = buildProjectModel({ projectName: 'Print Shop', idea: 'We run a print shop.', answers: [{ question: 'Who are the main users?', answer: 'Walk-in customers, people renting scanners, and Sam with the printer.' }] });
    const names = model.actors.map((a) => a.name);
    expect(names).toContain('Walk-in customer');
    expect(names).not.toContain('Scanner');
    expect(names).not.toContain('Printer');
  });

  it('names no actor for where the business is, a measure a price goes by, one of many named things or the writer\'s own service', () => {
    const model = buildProjectModel({
      projectName: 'Reupholster',
      idea: "I run a small upholstery business in Kenfig with two staff. Chairs are priced by size band. No fitter goes out with an expired CSCS. We also do a 'reupholster and return' service.",
      answers: [{ question: 'Who are the main users?', answer: 'Customers and staff.' }],
    });
    expect(model.actors.map((a) => a.name)).toEqual(['Fitter', 'Customer', 'Staff']);
  });

  it('names the public looking to do something as its member', () => {
    const adopting = buildProjectModel({ projectName: 'Shelter', idea: 'Volunteers walk the dogs, and the public looking to adopt visit on Saturdays.' });
    expect(adopting.actors.map((a) => a.name)).toContain('Member of the public');
  });

  it('names the writer by the work they do where they are, and a title written in capitals', () => {
    const answer = 'Me in the office doing the dispatching, the riders, and our Head Rider Trainer.';
    const model = buildProjectModel({ projectName: 'Couriers', idea: 'We run a courier firm. Riders collect parcels.', answers: [{ question: 'Who will use it?', answer }] });
    expect(model.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['Dispatcher', 'Head rider trainer']));
  });
});

describe('acts and the records they keep', () => {
  it('keeps people invited and allocated once, past a relative clause ending in its verb, and counts "staff" as a plural', () => {
    const model = buildProjectModel({
      projectName: 'Depot',
      idea: 'Our depot has 12 staff. Staff who have worked before should be invited by the manager, and the manager allocates staff to a station. Staff complete a training session.',
    });
    expect(model.useCases.map((u) => u.name)).toEqual(expect.arrayContaining(['Invite staff', 'Allocate staff to a station']));
    const names = model.entities.map((e) => e.name);
    expect(names.filter((name) => name === 'Staff')).toHaveLength(1);
  });

  it('keeps what is rented or reserved as a record, reserved by the writer who wants to, past a repeated noun saying how', () => {
    const model = buildProjectModel({ projectName: 'Lockups', idea: 'We run a lock-up garage yard. Drivers rent a unit week to week, and we want to reserve a unit for a caller.' });
    expect(model.entities.map((e) => e.name)).toContain('Unit');
    expect(actorOfUseCase(model, 'Reserve a unit')).toBe('Staff');
    expect(model.useCases.map((u) => u.name)).toContain('Rent a unit');
  });

  it('reads checking in and out as two use cases and keeps the check-in only', () => {
    const model = buildProjectModel({ projectName: 'Gym', idea: 'Reception checks members in and out at the desk.' });
    expect(model.useCases.map((u) => u.name)).toEqual(expect.arrayContaining(['Check in a member', 'Check out a member']));
    expect(model.entities.map((e) => e.name)).not.toContain('Checkout');
  });
});

describe('time written down and dates', () => {
  it('reads hours logged as a record named in the plural, with verbs that agree, and a date as no service', () => {
    const model = buildProjectModel({ projectName: 'Hours', idea: 'Volunteers log their hours each week. The river is closed from 15 March to 15 June.' });
    const logged = model.useCases.find((u) => u.name === 'Log hours');
    expect(logged?.outcome).toBe('The hours are logged and the product has a record of them.');
    expect(model.actors.map((a) => a.name)).not.toContain('15 June');
  });
});

describe('records never kept', () => {
  it('reads "app" as the product, never as an application the crews apply for', () => {
    const model = buildProjectModel({ projectName: 'Yard', idea: 'Riggers need a phone app for the rigging plan.' });
    expect(model.useCases.map((u) => u.name)).not.toContain('Apply a rigger');
  });

  it('keeps no time named by another time ("every Sunday evening"), though it keeps an expiry date', () => {
    const model = buildProjectModel({ projectName: 'Choir', idea: 'For now the parts are on paper copies that get printed by hand, which eats every Saturday morning. The treasurer tracks the expiry date of each licence.' });
    const names = model.entities.map((e) => e.name);
    expect(names).not.toContain('Saturday morning');
    expect(names).toContain('Expiry date');
  });

  it('keeps no act of a state people are in, nor of managing a calendar', () => {
    const model = buildProjectModel({ projectName: 'Keys', idea: 'Tenants ring when they\'re locked out. The artists manage their own calendars.' });
    expect(model.entities.map((e) => e.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(?:Lockout|Management)$/)]));
  });
});

describe('acts named by a record kept', () => {
  it('reads a bulleted record heading as keeping it, never records listed as examples', () => {
    const kept = buildProjectModel({ projectName: 'Boathouse', idea: 'Our rowing club needs:\n- boat damage register\n- members book boats online' });
    expect(kept.useCases.map((u) => u.name)).toContain('Register a boat damage');
    const listed = buildProjectModel({ projectName: 'Archive', idea: 'Staff digitise the collection: parish registers, maps and photographs.' });
    expect(listed.useCases.map((u) => u.name).filter((name) => name.startsWith('Register'))).toEqual([]);
  });
});

describe('a bulleted list under a lead that wishes', () => {
  it('keeps the records its items name, never the subject of an item that states something', () => {
    const idea = 'I restore church organs across the county. What I\'d like:\n- parishes and their wardens (name, phone)\n- tuning visits with a checklist\n- spare pipes go in the van';
    const names = buildProjectModel({ projectName: 'Bellows', idea }).entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Parish', 'Warden']));
    expect(names).not.toContain('Pipe');
  });

  it('keeps nothing from items under a lead that only lists what is looked at', () => {
    const idea = 'I restore church organs across the county. On a visit I look at:\n- parishes and their wardens (name, phone)\n- tuning visits with a checklist';
    const names = buildProjectModel({ projectName: 'Bellows', idea }).entities.map((e) => e.name);
    expect(names).not.toContain('Parish');
  });
});

describe('the people an action is done with', () => {
  it('go into its name, but not a count of them', () => {
    const model = buildProjectModel({ projectName: 'Fold', idea: 'The shepherds share a quad bike with a neighbour. Each shepherd registers a flock with 40 ewes.', answers: [{ question: 'Who uses it?', answer: 'Shepherds and neighbours.' }] });
    const names = model.useCases.map((u) => u.name);
    expect(names).toContain('Share a quad bike with a neighbour');
    expect(names).toContain('Register a flock');
  });
});

describe('a vehicle that does things', () => {
  it('is one of the fleet the business keeps, never an actor', () => {
    const model = buildProjectModel({ projectName: 'Hog', idea: 'We run a mobile hog roast. Our two vans go out to weddings and fetes most weekends, and customers book a date online.', answers: [{ question: 'Who uses it?', answer: 'Customers and our cooks.' }] });
    expect(model.actors.map((a) => a.name)).not.toContain('Van');
    expect(model.entities.map((e) => e.name)).toContain('Van');
  });
});

describe('a word that stands for nothing in particular', () => {
  it('is no object of a use case, unless a noun says which', () => {
    const model = buildProjectModel({ projectName: 'Regatta', idea: 'The race officer runs things on the day. Sailors choose a boat type when they enter.', answers: [{ question: 'Who uses it?', answer: 'The race officer and sailors.' }] });
    const names = model.useCases.map((u) => u.name);
    expect(names.filter((name) => /\bthing\b/i.test(name))).toEqual([]);
    expect(names).toContain('Choose a boat type');
  });
});

describe('services named in the plural', () => {
  it('are what the business offers, never an outside system', () => {
    const model = buildProjectModel({ projectName: 'Flue', idea: 'Most of my work is annual chimney services and the odd repair. Customers book online and pay through a payment provider.', answers: [{ question: 'Who uses it?', answer: 'Customers and me.' }] });
    const systems = model.actors.filter((a) => a.kind === 'system').map((a) => a.name);
    expect(systems).toEqual(['Payment provider']);
  });
});

describe('a name after "in" right after a place', () => {
  it('is where things are, never a system', () => {
    const model = buildProjectModel({ projectName: 'Benches', idea: 'I run a small charity that looks after 30 memorial benches across villages in Teesdale. Volunteers inspect each bench and record repairs in Airtable.', answers: [{ question: 'Who uses it?', answer: 'Volunteers and me.' }] });
    expect(model.actors.filter((a) => a.kind === 'system').map((a) => a.name)).toEqual(['Airtable']);
  });
});

describe('a building or a device only ever named as the one', () => {
  it('is where the business works or what it works with, never a record; rooms counted and booked are records', () => {
    const meals = buildProjectModel({ projectName: 'Ladle', idea: 'Volunteers cook meals in our kitchen and deliver them to clients. The kitchen gets inspected yearly.', answers: [{ question: 'Who uses it?', answer: 'Volunteers and clients.' }] });
    expect(meals.entities.map((e) => e.name)).toEqual(['Meal']);
    const coats = buildProjectModel({ projectName: 'Cloakroom', idea: 'Customers hand in coats at the counter and we tag each coat. The counter gets busy on Mondays.', answers: [{ question: 'Who uses it?', answer: 'Customers and staff.' }] });
    expect(coats.entities.map((e) => e.name)).toEqual(['Coat']);
    const rehearsal = buildProjectModel({ projectName: 'Studios', idea: 'We rent out 4 rehearsal rooms by the hour. Bands book a room online and pay a deposit.', answers: [{ question: 'Who uses it?', answer: 'Bands and me.' }] });
    expect(rehearsal.entities.map((e) => e.name)).toContain('Rehearsal room');
  });
});

describe('a verb of failing', () => {
  it('states the problem the product is to solve, never a use case', () => {
    const model = buildProjectModel({ projectName: 'Sweep', idea: 'I sweep chimneys round Ludlow. I forget loads of annual visits, and customers book a sweep by phone.', answers: [{ question: 'Who uses it?', answer: 'Customers and me.' }] });
    const names = model.useCases.map((u) => u.name);
    expect(names.filter((name) => /^(?:Forget|Miss)\b/.test(name))).toEqual([]);
    expect(names).toContain('Book a sweep');
  });

  it('reads the time spent and what people try to remember as the problem too, and the business the writer runs with others as no use case', () => {
    const model = buildProjectModel({ projectName: 'Paddle', idea: 'Me and my brother run a canoe centre by the canal. Paddlers book a canoe online. We spend ages matching payments and I try to remember who has which helmet.' });
    expect(model.useCases.map((u) => u.name)).toEqual(['Book a canoe']);
  });
});

describe('a length of time after a number', () => {
  it('says how long the thing lasts, never which thing it is ("6 week courses" are courses)', () => {
    const model = buildProjectModel({ projectName: 'Evening Classes', idea: 'Learners book 6 week courses online and pay a deposit. Tutors run each course and mark attendance.' });
    expect(model.useCases.map((u) => u.name)).toContain('Book a course');
    expect(model.entities.map((e) => e.name)).not.toContain('Week course');
  });
});

describe('a verb of looking', () => {
  it('ends its use case with what is shown, never a record of it, and its steps change nothing', () => {
    const model = buildProjectModel({ projectName: 'Splash', idea: 'Parents book swimming lessons online. Teachers see the class list each week and mark attendance.' });
    const seeing = model.useCases.find((u) => u.action === 'see');
    expect(seeing?.outcome).toBe('Everything the product holds about the class is shown.');
    expect(seeing?.steps.map((step) => step.action).join(' / ')).not.toMatch(/records|checks/);
    expect(model.useCases.find((u) => u.action === 'book')?.outcome).toMatch(/record/);
  });
});

describe('a verb of doing the work itself', () => {
  it('is done in the world, never with the product, so it is no use case', () => {
    const model = buildProjectModel({ projectName: 'Bowls', idea: 'We run a bowls league on four greens. Teams play fixtures on Tuesday evenings and bring their own woods. Captains phone the secretary with scores at the moment. Captains should enter scores online instead.' });
    const names = model.useCases.map((u) => u.name);
    expect(names.filter((name) => /^(?:Run|Play|Bring|Phone)\b/.test(name))).toEqual([]);
    expect(names).toContain('Enter a score');
  });
});

describe('how the work is done today', () => {
  it('is the problem, never a constraint', () => {
    const model = buildProjectModel({ projectName: 'Chorus', idea: 'I run a small choir. At the moment everything lives on paper and a shared calendar on my phone. Singers should be able to check rehearsals on their phones.' });
    expect(model.constraints.map((c) => c.category)).toEqual(['platform']);
  });
});

describe('a verb without a subject of its own', () => {
  it('says something of the thing before it, which no one does, and of the person before it, who does it', () => {
    const model = buildProjectModel({ projectName: 'Rooms', idea: 'The fee is £30 a night, covers breakfast and parking. Guests book a room online. The warden checks the rooms each morning, then locks the gate at ten.' });
    expect(model.useCases.map((u) => u.name)).toEqual(['Book a room', 'Check a room', 'Lock a gate']);
    expect(model.useCases.find((u) => u.name === 'Lock a gate')?.actor).toBe('warden');
  });
});

describe('keeping something', () => {
  it('is something someone does when what is kept is written down, not when it is an animal or a thing', () => {
    const model = buildProjectModel({ projectName: 'Depot', idea: 'We keep a guard dog at the depot and we keep a visitor log at the gate. Drivers book a slot online.' });
    expect(model.useCases.map((u) => u.name)).toEqual(['Keep a visitor log', 'Book a slot']);
  });
});

describe('a kind of thing and the general word for it', () => {
  it('keeps the kind as the record when the text names it more often than the general word', () => {
    const bikes = buildProjectModel({ projectName: 'Spokes', idea: 'Members hire a bike for the day from our shed. Each bike is checked before it goes out and bikes are cleaned after use. Staff log faults on the bikes. There is parking for one vehicle at the back of the shed.' });
    expect(bikes.entities.map((e) => e.name)).toContain('Bike');
    expect(bikes.useCases.find((u) => u.name.startsWith('Hire'))?.entity).toBe(bikes.entities.find((e) => e.name === 'Bike')?.id);
  });
});

describe('a list of what a record has', () => {
  it('names the record\'s details, never something anyone does', () => {
    const model = buildProjectModel({ projectName: 'Fixit', idea: 'We run a bike repair workshop. Each repair has:\n- make and model\n- booking date and starting price\nMechanics update the repair when it is done.' });
    expect(model.useCases.map((u) => u.name)).toEqual(['Update a repair']);
  });
});

describe('a list of things the writer needs to do', () => {
  it('is done by the writer\'s people, past a colon and an aside in brackets', () => {
    const model = buildProjectModel({ projectName: 'Lets', idea: 'Landlords list flats with our office, and our negotiators look after about 300 of them. Need to: set the rent per flat, send the statements, record payments, chase arrears (a reminder at 7 days, then it goes to our solicitor), and log supplier invoices.' });
    for (const name of ['Record a payment', 'Chase arrears', 'Log a supplier invoice']) expect(actorOfUseCase(model, name)).toBe('Negotiator');
  });
});

describe('a word in capitals and a head shared by "and"', () => {
  it('names a trade\'s acronym as written, with the article the text gives it, never as a plural of another word', () => {
    const model = buildProjectModel({ projectName: 'Sitepass', idea: 'Subcontractors send us their RAMS and we approve the RAMS before work starts.' });
    expect(model.useCases.map((u) => u.name)).toEqual(['Send the RAMS', 'Approve the RAMS']);
  });

  it('reads a bare word joined by "and" to a compound in the plural as describing its head, no object of its own', () => {
    const model = buildProjectModel({ projectName: 'Stitch', idea: 'I sell sewing and quilting patterns as PDFs, and customers download the patterns.' });
    expect(model.useCases.map((u) => u.name)).not.toContain('Sell a sewing');
  });
});

describe('who does the work at a place', () => {
  it('is the people in a building that does something to people, and checking someone in keeps its particle', () => {
    const model = buildProjectModel({ projectName: 'Courts', idea: 'Members book a court online. Clubhouse checks each member in on arrival and takes the fee.' });
    expect(actorOfUseCase(model, 'Check in a member')).toBe('Clubhouse');
  });

  it('is one actor for two spellings of one word', () => {
    const model = buildProjectModel({ projectName: 'Dock', idea: 'Suppliers/hauliers book a slot online. The supplier or haulier pays a £50 fee if late.' });
    expect(model.actors.map((a) => a.name)).toEqual(['Haulier']);
    expect(model.useCases.map((u) => u.actor)).toEqual([model.actors[0]?.id, model.actors[0]?.id]);
  });
});
