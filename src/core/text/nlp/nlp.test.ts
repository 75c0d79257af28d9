import { describe, expect, it } from 'vitest';
import { authorSpellings, clausesOf, compoundsOf, derivedForms, nounPhrases, parseText, readAsParts, readCompoundsAlike, respell, retag, semanticClasses, synonyms, tagText } from './index.js';

describe('WordNet', () => {
  it('gives the semantic class of a noun’s first senses', () => {
    expect(semanticClasses('member')[0]).toBe('noun.person');
    expect(semanticClasses('boat')[0]).toBe('noun.artifact');
    expect(semanticClasses('week')[0]).toBe('noun.time');
    expect(semanticClasses('reliable')).toEqual([]);
  });

  it('keeps a singular noun and a verb\'s "e" where the tagger would make them rarer words', () => {
    const lemmas = (text: string) => parseText(text)[0]!.tokens.map((token) => token.lemma);
    expect(lemmas('Each dive needs a buddy pair.')).toContain('dive');
    expect(lemmas('Ringers record the species of each bird.')).toContain('species');
    expect(lemmas('We spend Mondays tuning harpsichords.')).toContain('tune');
    expect(lemmas('The carollers keep singing.')).toEqual(expect.arrayContaining(['caroller', 'sing']));
    // A one-syllable verb ending in a vowel and a consonant doubles it: "fined" is "fine", never "fin".
    expect(lemmas('Late borrowers are fined.')).toContain('fine');
    expect(lemmas('Kit is mopped and dried.')).toContain('mop');
  });

  it('finds the base of a verb the tagger leaves inflected, a noun made a verb and a verb with a prefix', () => {
    const verbLemmas = (text: string) => parseText(text)[0]!.tokens.filter((token) => token.pos === 'VERB').map((token) => token.lemma);
    expect(verbLemmas('The warden was texting every tenant.')).toEqual(['text']);
    expect(verbLemmas('Two families pre-booked the barbecue.')).toEqual(['pre-book']);
  });

  it('reads a verb in -s closing an item of a list after a bare noun as the plural that noun describes', () => {
    const sentence = parseText('We lend ropes, harnesses and chalk bags that climbers return.')[0]!;
    expect(sentence.tokens.find((token) => token.normal === 'bags')).toMatchObject({ pos: 'NOUN', lemma: 'bag' });
    expect(clausesOf(sentence).map((clause) => clause.verb)).toEqual(['lend', 'return']);
  });

  it('reads "min" and "max" before a noun as the limit, never as a minute or a person, and what they limit as a noun', () => {
    const sentence = parseText('Min hire 4 hours on Saturdays.')[0]!;
    expect(sentence.tokens.slice(0, 2).map((token) => [token.lemma, token.pos])).toEqual([['minimum', 'ADJ'], ['hire', 'NOUN']]);
    expect(clausesOf(sentence)).toEqual([]);
  });

  it('finds the verb of a sentence the tagger read as a noun, so that the verbs after it share its subject', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.text, c.verb]);
    expect(read('The duty warden triages each call, logs it and assigns a volunteer.')).toEqual([['duty warden', 'triage'], ['duty warden', 'log'], ['duty warden', 'assign']]);
    expect(read('Stewards also pre-check tickets and scan wristbands.')).toEqual([['Stewards', 'pre-check'], ['Stewards', 'scan']]);
    // The subject may carry a prepositional phrase; the verb agrees with the noun before it.
    expect(read("Every parcel over 20 kg needs a second porter.")).toEqual([['parcel', 'need']]);
    expect(read('A night at the bunkhouse costs £18.')).toEqual([['night', 'cost']]);
    // A plural noun never takes "it" or "them": the -s word before one is the verb, and a bare adjective after it what
    // the verb makes it.
    const tags = (text: string) => parseText(text)[0]!.tokens.map((token) => token.pos);
    expect(tags('After each audit the quality lead rates it and the manager files it.').slice(5, 8)).toEqual(['NOUN', 'VERB', 'PRON']);
    expect(tags('When the survey is back, the case lead marks it complete.').slice(9, 12)).toEqual(['VERB', 'PRON', 'ADJ']);
    // A time after the word says when: the phrase goes on.
    expect(parseText('Reminder texts a week before the visit.')[0]!.tokens[1]?.pos).not.toBe('VERB');
  });

  it('reads a bare verb making a compound WordNet knows with the next noun, after a singular noun, as the compound', () => {
    const sentence = parseText('Village ice cream parlour by the harbour.')[0]!;
    expect(sentence.tokens.find((token) => token.normal === 'ice')?.pos).toBe('NOUN');
    expect(clausesOf(sentence)).toEqual([]);
  });

  it('reads a bare verb listed between commas after a noun as a noun, and a noun after "to" that ends the phrase as where it goes', () => {
    const pos = (text: string, word: string) => parseText(text)[0]!.tokens.find((token) => token.normal === word)?.pos;
    expect(pos('We teach salsa, jive, waltz and a beginners class.', 'jive')).toBe('NOUN');
    expect(pos('Customers book, pay and cancel online.', 'pay')).toBe('VERB');
    const damage = parseText('Damage to gear – we log it against the booking.')[0]!;
    expect(clausesOf(damage).map((c) => [c.verb, c.objects.map((o) => o.head.lemma).join('+')])).toEqual([['log', 'damage']]);
    expect(pos('We leave a form for the parents to sign.', 'sign')).toBe('VERB');
  });

  it('reads a word in -s after a person opening a sentence as the verb, even when a comma ends the clause', () => {
    const sentence = parseText('Warden books, volunteers sign in, visitors pay at the gate.')[0]!;
    expect(clausesOf(sentence).map((c) => [c.subject?.text, c.verb])).toEqual([['Warden', 'book'], ['volunteers', 'sign'], ['visitors', 'pay']]);
  });

  it('reads a compound written as one word it lacks by its head, and a plural by the singular it knows', () => {
    expect(semanticClasses('wristband')[0]).toBe('noun.artifact');
    expect(semanticClasses('stallholder')).toContain('noun.person');
    const [sentence] = parseText('We run 3 minibuses.');
    expect(sentence!.tokens[3]?.lemma).toBe('minibus');
    expect(respell('Run a minibus', authorSpellings([sentence!]))).toBe('Run a minibus');
    expect(respell('Browse a catalog', authorSpellings(parseText('Customers browse the catalogues.')))).toBe('Browse a catalogue');
    expect(respell('Mom', authorSpellings(parseText('My mum takes the bookings.')))).toBe('Mum');
  });

  it('maps a verb to its act noun and gives synonyms', () => {
    expect(derivedForms('reserve', 'verb', 'noun')).toContain('reservation');
    expect(derivedForms('deliver', 'verb', 'noun')).toContain('delivery');
    expect(derivedForms('book', 'verb', 'noun')).toContain('booking');
    expect(synonyms('customer')).toContain('client');
  });
});

describe('the tagger', () => {
  it('reads the same text the same way whatever it read before', () => {
    const words = (text: string) => tagText(text)[0]!.tokens.map((token) => token.text);
    const first = words("St Anne's bell tower is open on Sundays.");
    tagText("Our choir sings at St Anne's, which has a fine organ.");
    expect(words("St Anne's bell tower is open on Sundays.")).toEqual(first);
    expect(first).toEqual(['St', 'Anne', "'s", 'bell', 'tower', 'is', 'open', 'on', 'Sundays', '.']);
  });

  it('ends a sentence at "in." before a capital, never reading it as inches', () => {
    const sentences = tagText('Late guests are never turned away when they check in. Breakfast costs £9.');
    expect(sentences.map((s) => s.text)).toEqual(['Late guests are never turned away when they check in.', 'Breakfast costs £9.']);
    expect(sentences[0]!.tokens.slice(-2).map((t) => [t.text, t.pos])).toEqual([['in', 'ADP'], ['.', 'PUNCT']]);
  });

  it('keeps a closing bracket with the sentence it closes, though an exclamation inside the brackets ended it', () => {
    const sentences = tagText('Guests sign the visitor log at the gate (insurance rules!!) Parking is free.');
    expect(sentences.map((s) => s.text)).toEqual(['Guests sign the visitor log at the gate (insurance rules!!)', 'Parking is free.']);
    expect(sentences[0]!.tokens.at(-1)?.text).toBe(')');
  });
});

describe('clauses', () => {
  it('reads "I\'m" as "I" and "am", as the other contractions', () => {
    const [sentence] = tagText("I'm the club's treasurer.");
    expect(sentence!.tokens.slice(0, 2).map((token) => [token.text, token.lemma, token.pos])).toEqual([['I', 'i', 'PRON'], ["'m", 'be', 'AUX']]);
  });

  it('reads a hyphen with a space beside it as a dash, and "im" before an article as "I am"', () => {
    const [dashed] = parseText('We are opening a tool shed - 40 tools on loan.');
    expect(clausesOf(dashed!)[0]?.object?.text).toBe('tool shed');
    const [attached] = parseText('Riders use a drop-off point.');
    expect(clausesOf(attached!)[0]?.object?.text).toBe('drop-off point');
    const [bare] = tagText('im the secretary.');
    expect(bare!.tokens.slice(0, 2).map((token) => [token.lemma, token.pos])).toEqual([['i', 'PRON'], ['be', 'AUX']]);
  });

  it('reads the object of a relative clause as the phrase it hangs from, and leaves a stranded preposition alone', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('The club owns two canoes and a trailer that members borrow at weekends.')).toContainEqual(['borrow', 'canoe+trailer']);
    expect(read('We stock the paints they buy most.')).toContainEqual(['buy', 'paint']);
    expect(read('Organisers post events that members sign up for.').find(([verb]) => verb === 'sign')).toEqual(['sign', '']);
  });

  it('reads a relative clause set off by commas as acting on the phrase before it, though no clause acts on that phrase', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma, c.verb, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('After the survey, which the assessor schedules, owners sign the report.')).toEqual([['assessor', 'schedule', 'survey'], ['owner', 'sign', 'report']]);
    expect(read('The kayaks that members borrow are checked.')).toContainEqual(['member', 'borrow', 'kayak']);
  });

  it('reads an infinitive after the last clause\'s prepositional phrase as done by that clause\'s subject', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma, c.verb]);
    expect(read('Riders sign in at the kiosk to unlock a bike.')).toContainEqual(['rider', 'unlock']);
  });

  it('reads an infinitive after a thing acted on as done by the subject, after people or a wish as done by them', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma, c.verb]);
    expect(read('Wardens use the tablet to record faults.')).toContainEqual(['warden', 'record']);
    expect(read('The office sends drivers to collect the bins.')).toContainEqual(['driver', 'collect']);
    expect(read('Staff want the members to renew online.')).toContainEqual(['member', 'renew']);
  });

  it('reads a preposition and noun WordNet knows as an adverb as saying how, never as a phrase acted on', () => {
    const [paid] = clausesOf(parseText('Tenants pay in person at the office.')[0]!);
    expect(paid?.preps.map((p) => p.prep)).toEqual(['at']);
    const [registered] = clausesOf(parseText('Members register once a year.')[0]!);
    expect(registered?.objects).toEqual([]);
    const [ordered] = clausesOf(parseText('Customers order those in advance.')[0]!);
    expect(ordered?.particle).toBeUndefined();
  });

  it('reads "whoever\'s" and where they are as the subject of the verb after them', () => {
    const [checked] = clausesOf(parseText('Whoever\'s at the desk checks the parcel.')[0]!);
    expect([checked?.subject, checked?.subjectPronoun, checked?.verb, checked?.object?.text]).toEqual([undefined, 'whoever', 'check', 'parcel']);
  });

  it('reads a verb coordinated before an infinitive, a relative past a participle\'s phrase, and "it" after "before"', () => {
    const verbs = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(verbs('Members register and then phone or email to book a trip.')).toEqual([['register', ''], ['phone', ''], ['email', ''], ['book', 'trip']]);
    expect(verbs('Guests pay a rate based on the season, which the manager collects at checkout.')).toContainEqual(['collect', 'rate']);
    expect(verbs('The cask must settle for a day before it can be tapped.')).toContainEqual(['tap', 'cask']);
  });

  it('reads words joined by a slash or quoted before a noun as naming which ones', () => {
    const objectOf = (text: string) => clausesOf(parseText(text)[0]!)[0]?.object?.head.lemma;
    expect(objectOf('Hosts give start/finish times.')).toBe('time');
    expect(objectOf("Wardens put the 'Wet Paint' notices on benches.")).toBe('notice');
  });

  it('reads a bare verb after "who", a list of people after a thing, and a participle after a comma saying when', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma, c.verb, c.passive, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('Staff who hand out the keys check the rooms.')).toEqual([['staff', 'hand', false, 'key'], ['staff', 'check', false, 'room']]);
    expect(read('Guests booking the tours, our guides who lead the walks, and drivers.')[0]).toEqual(['guest', 'book', false, 'tour']);
    expect(read('The member borrows the drill from the shed, returned the next day.')[1]).toEqual([undefined, 'return', true, 'drill']);
  });

  it('reads a word in -s between an adjective-like noun and a possessive as the subject\'s verb', () => {
    const [tested] = clausesOf(parseText('Then a volunteer checks their bike.')[0]!);
    expect([tested?.subject?.head.lemma, tested?.verb, tested?.object?.head.lemma]).toEqual(['volunteer', 'check', 'bike']);
  });

  it('reads "do" before a determiner as the main verb, unless a question\'s verb follows its subject', () => {
    expect(clausesOf(parseText('I do the rotas on paper.')[0]!).map((c) => [c.verb, c.object?.head.lemma])).toEqual([['do', 'rota']]);
    expect(clausesOf(parseText('What do the staff see?')[0]!).map((c) => c.verb)).toEqual(['see']);
  });

  it('reads "get" before an irregular participle as a passive, and a means after "by" as no agent', () => {
    const [paid] = clausesOf(parseText('Vendors get paid by bank transfer.')[0]!);
    expect([paid?.verb, paid?.passive, paid?.object?.head.lemma, paid?.subject]).toEqual(['pay', true, 'vendor', undefined]);
  });

  it('reads "\'s" before a participle with nothing to act on as "is", before an object as "has", and a thing named bare after "by" as a means', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.passive, c.object?.head.lemma, c.subject?.head.lemma]);
    expect(read("Each hive's inspected weekly by a beekeeper.")).toEqual([['inspect', true, 'hive', 'beekeeper']]);
    expect(read("The invoice's sent by post.")).toEqual([['send', true, 'invoice', undefined]]);
    expect(read("The tutor's marked the essays.")).toEqual([['mark', false, 'essay', 'tutor']]);
    expect(read("Once the surveyor's signed off, we pay.")[0]).toEqual(['sign', false, undefined, 'surveyor']);
    expect(read('The refund is approved by office.')).toEqual([['approve', true, 'refund', 'office']]);
    expect(read("No digging when the soil's frozen hard.").some(([, passive]) => passive)).toBe(false);
  });

  it('reads an -ing form after a thing\'s "need" as done to the thing, never after people\'s', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.passive, c.object?.head.lemma]);
    expect(read('The kilns need firing twice a week.')).toContainEqual(['fire', true, 'kiln']);
    expect(read('Cracked pots need logging before we glaze them.')).toContainEqual(['log', true, 'pot']);
    expect(read('Our volunteers need training.')).toEqual([['need', false, 'training']]);
  });

  it('lets a pronoun stand for a date named by what it is of, never for a bare time', () => {
    const objectOf = (text: string) => clausesOf(parseText(text)[0]!).find((c) => c.verb === 'record')?.object?.text;
    expect(objectOf('Service dates are stamped on the boilers and valves so fitters can record them.')).toBe('Service dates');
    const sorted = clausesOf(parseText('Parcels come in every morning and porters sort them.')[0]!).find((c) => c.verb === 'sort');
    expect(sorted?.object?.text).toBe('Parcels');
  });

  it('reads no object into what is told nor into a verb an -ing form follows', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.object?.head.lemma]);
    expect(read('The warden tells me a gate has been left open.')).toEqual([['tell', undefined], ['leave', 'gate']]);
    expect(read('There is a curfew at ten, which the campers keep ignoring.').find(([verb]) => verb === 'keep')).toEqual(['keep', undefined]);
  });

  it('reads a vague amount before "of" as counting what follows, never a number of things', () => {
    const objectOf = (text: string) => clausesOf(parseText(text)[0]!)[0]?.object?.head.lemma;
    expect(objectOf('We forget loads of birthdays.')).toBe('birthday');
    expect(objectOf('Staff take a handful of enquiries.')).toBe('enquiry');
    expect(objectOf('Pupils buy packs of 6 tokens.')).toBe('pack');
  });

  it('reads a participle after a note\'s opening phrase and the phrases hanging from it as passive', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.passive, c.object?.head.lemma]);
    expect(read('Hay bales at the yard counted every Friday.')).toEqual([['count', true, 'bale']]);
  });

  it('reads the subject of a verb after a relative clause that ends in its verb and an adverb of time', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.passive, c.object?.head.lemma]);
    expect(read("Divers who've dived before must be checked.")).toEqual([['dive', false, undefined], ['check', true, 'diver']]);
  });

  it('reads an infinitive after a prepositional phrase as the purpose of the clause, a compound\'s plural head as a noun', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.subject?.head.lemma]);
    expect(read('Nurses spend an hour a day on phone calls to chase results.')).toEqual([['spend', 'nurse'], ['chase', 'nurse']]);
  });

  it('reads two particles joined by "and" as two acts, "each one" as one of the last plural, and a possessive after a particle as its phrase', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.particle, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('Wardens sign keys in and out.')).toEqual([['sign', 'in', 'key'], ['sign', 'out', 'key']]);
    expect(read('Each bay has tools, cordless drills kept in cases, and the mechanic checks each one on his shift.')).toEqual([['have', undefined, 'tool'], ['check', undefined, 'tool']]);
  });

  it('reads a participle after the last of objects joined by "and" as said of that object', () => {
    const [, assigned] = clausesOf(parseText('Every match has linesmen and a referee appointed.')[0]!);
    expect([assigned?.verb, assigned?.passive, assigned?.object?.head.lemma]).toEqual(['appoint', true, 'referee']);
  });

  it('reads a list of objects past participles saying what became of each, and past a comma before its "and"', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('Nurses record meals served, drugs given, and any falls or injuries.')).toEqual([['record', 'meal+drug+fall+injury']]);
    expect(read('Students upload essays or drafts, and the tutors to mark them.')[0]).toEqual(['upload', 'essay+draft']);
  });

  it('reads "the" and an adjective naming a group of people as those people, and the -ing word after them as theirs', () => {
    const [looking, joining] = clausesOf(parseText('The elderly needing to travel can book a seat.')[0]!);
    expect([looking?.verb, looking?.subject?.head.lemma]).toEqual(['need', 'elderly']);
    expect(joining?.subject?.head.lemma).toBe('elderly');
  });

  it('gives a verb joined to a copula the copula\'s subject', () => {
    const [paid] = clausesOf(parseText('The entry fee for a junior is £12 and can be paid at the gate.')[0]!);
    expect([paid?.verb, paid?.passive, paid?.object?.head.lemma]).toEqual(['pay', true, 'fee']);
    const [signed] = clausesOf(parseText('If a tenant is over 65 and signs a waiver, we skip the deposit.')[0]!);
    expect([signed?.verb, signed?.subject?.head.lemma]).toEqual(['sign', 'tenant']);
  });

  it('reads "it" as no time and no person, and "it all" as everything', () => {
    const objectOf = (text: string, verb: string) => clausesOf(parseText(text)[0]!).find((c) => c.verb === verb)?.object?.head.lemma;
    expect(objectOf('Logs and kindling in the evening, campers can buy it at the shop.', 'buy')).toBe('kindling');
    expect(objectOf('The warden knows which ranger is clearing it.', 'clear')).toBeUndefined();
    expect(objectOf('The notes are handwritten and a clerk copies it all out on Fridays.', 'copy')).toBeUndefined();
    // An -ing form right after an object describes it: the verb after "and" shares the subject of that object's verb.
    expect(objectOf('Late borrowers get a notice explaining the rules and may be fined a small fee.', 'fine')).toBe('borrower');
    // An adjective after the noun it describes is no part of the noun's name.
    expect(objectOf('Hirers pay a bond equal to two nights of the hire.', 'pay')).toBe('bond');
    // A list item opening in lower case with a word before a determiner is an instruction: that word is the verb.
    expect(objectOf('- swap the broken lamp for a spare one', 'swap')).toBe('lamp');
    // "each", "both" or "all" between a plural subject and its verb opens no phrase of its own.
    expect(clausesOf(parseText('The wardens each walk a beat and members all pay a fee.')[0]!).map((c) => [c.subject?.text, c.verb, c.object?.text])).toEqual([
      ['wardens', 'walk', 'beat'],
      ['members', 'pay', 'fee'],
    ]);
    // An acronym after a determiner is a name, whatever auxiliary it spells in text-speak, and heads no clause.
    expect(clausesOf(parseText('Nurses keep the balance in the CD register.')[0]!).map((c) => c.verb)).toEqual(['keep']);
    // A preposition and a time opening the sentence say when; the noun after them starts the subject.
    expect(clausesOf(parseText('At the moment tenants ring the office for repairs.')[0]!).map((c) => [c.subject?.text, c.verb])).toEqual([['tenants', 'ring']]);
    // "OK" as a verb is WordNet's "okay", named by the first word of its sense.
    expect(clausesOf(parseText('The tenant has to OK the estimate and the manager can okay refunds.')[0]!).map((c) => [c.verb, c.object?.text])).toEqual([['approve', 'estimate'], ['approve', 'refunds']]);
    // A participle between a determiner and a compound describes it, though the tagger read the compound's first word
    // as a verb.
    expect(clausesOf(parseText('Each tin carries a numbered tamper seal.')[0]!).map((c) => [c.verb, c.object?.text])).toEqual([['carry', 'numbered tamper seal']]);
    // "over" before an amount says more than it; it is no particle of the verb.
    expect(clausesOf(parseText('Stalls that take over £300 pay a levy.')[0]!).map((c) => [c.verb, c.particle])).toEqual([['take', undefined]]);
    // A time that a verb acts on is what "it" stands for.
    expect(objectOf('When a phase is signed off, the site lead closes it and the bursar sends an invoice.', 'close')).toBe('phase');
  });

  it('reads the items of a list of things as things: a participle or an -ing word before the plural, and "you name it"', () => {
    const verbs = (text: string) => clausesOf(parseText(text)[0]!).map((c) => c.verb);
    expect(verbs('We hire out gazebos and folding tables, and refurbished chairs.')).toEqual(['hire']);
    expect(verbs('We print for anyone: wedding menus, business cards, knitting patterns, you name it.')).toEqual(['print']);
    expect(verbs('The warden keeps a daily sheet: visitors, repairs, spills and so on.')).toEqual(['keep']);
    expect(verbs('Each job should hold its cut sheet and the quote.')).toEqual(['hold']);
    expect(verbs('Marshalling stewards, the gate team and the treasurer.')).toEqual([]);
  });

  it('reads a bare word after a form of "be" as what is said of the subject, unless it is its own participle', () => {
    const [sentence] = parseText("Crews check the ground is level and there's access for the lorry.");
    expect(sentence!.tokens.filter((t) => /^(?:level|access)$/.test(t.normal)).map((t) => t.pos)).toEqual(['ADJ', 'NOUN']);
    const [put] = clausesOf(parseText('Orders are put onto a route.')[0]!);
    expect([put?.verb, put?.passive]).toEqual(['put', true]);
  });

  it('reads "either … or" as a choice between two verbs of the subject before it', () => {
    const read = clausesOf(parseText('Customers either ring up or fill in a form.')[0]!).map((c) => [c.subject?.head.lemma, c.verb]);
    expect(read).toEqual([['customer', 'ring'], ['customer', 'fill']]);
  });

  it('reads a list of objects on past a bracketed aside', () => {
    const [sentence] = parseText('Growers register their fields (where they are) and their tractors.');
    expect(clausesOf(sentence!).find((c) => c.verb === 'register')?.objects.map((o) => o.head.lemma)).toEqual(['field', 'tractor']);
  });

  it('reads "those" as an earlier plural object, and a word before a phrase as no particle', () => {
    const [sentence] = parseText('We also sell frames and customers order those in advance.');
    expect(clausesOf(sentence!).find((c) => c.verb === 'order')).toMatchObject({ objects: [{ head: { lemma: 'frame' } }] });
    expect(clausesOf(sentence!).find((c) => c.verb === 'order')?.particle).toBeUndefined();
  });

  it('reads a modal the tagger took for a noun as an auxiliary ("those must be reported")', () => {
    const [sentence] = tagText('Staff note any falls, those must be reported the same day.').map((tagged) => ({ ...tagged, tokens: retag([tagged])[0]!.tokens }));
    expect(sentence!.tokens.find((token) => token.normal === 'must')?.pos).toBe('AUX');
  });

  it('reads what a possessive names as the object of its preposition ("based on the vet\'s referral")', () => {
    const [sentence] = parseText('Each treatment plan is based on the vet\'s referral.');
    expect(clausesOf(sentence!)[0]?.preps.map((p) => [p.prep, p.phrase.head.lemma])).toEqual([['on', 'referral']]);
  });

  it('keeps "through" as written, where the tagger spells it "thru"', () => {
    expect(tagText('Pay through the portal.')[0]!.tokens[1]?.normal).toBe('through');
  });

  it('reads a capitalised plural subject as a noun and its verb and object', () => {
    const [sentence] = parseText('Members borrow tools like drills.');
    const [clause] = clausesOf(sentence!);
    expect(clause).toMatchObject({ verb: 'borrow', subject: { head: { lemma: 'member' } }, object: { head: { lemma: 'tool' } } });
  });

  it('shares the subject between coordinated verbs and resolves "it"', () => {
    const [sentence] = parseText('A member reserves a tool online and picks it up at the shed.');
    const clauses = clausesOf(sentence!);
    expect(clauses.map((c) => [c.verb, c.particle, c.subject?.head.lemma, c.object?.head.lemma])).toEqual([
      ['reserve', undefined, 'member', 'tool'],
      ['pick', 'up', 'member', 'tool'],
    ]);
  });

  it('resolves "them" and "one" to an earlier phrase of the same number', () => {
    const [collect] = parseText('When the medicines are ready the patient gets a text and collects them.');
    expect(clausesOf(collect!).find((c) => c.verb === 'collect')?.object?.head.lemma).toBe('medicine');
    const [pick] = parseText('Cleaners send offers with their price; the household picks one.');
    expect(clausesOf(pick!).find((c) => c.verb === 'pick')?.object?.head.lemma).toBe('offer');
  });

  it('reads "who" as the person a phrase hangs from, and a participle after a wanted object as passive', () => {
    const [sentence] = parseText('We want each snag recorded, assigned to the subcontractor responsible for that trade, who fixes it.');
    const clauses = clausesOf(sentence!).map((c) => [c.verb, c.passive, c.subject?.head.lemma, c.object?.head.lemma]);
    expect(clauses).toContainEqual(['record', true, undefined, 'snag']);
    expect(clauses).toContainEqual(['fix', false, 'subcontractor', 'snag']);
    const [described] = parseText('The app builds a shopping list grouped by aisle.');
    expect(clausesOf(described!).some((c) => c.passive)).toBe(false);
  });

  it('gives a preposition left at the end of a relative clause its antecedent, and reads compounds the tagger splits', () => {
    const [events] = parseText('Organisers post meetup events that members register for; each event has a limit.');
    expect(clausesOf(events!).find((c) => c.verb === 'register')?.preps.map((p) => [p.prep, p.phrase.head.lemma])).toEqual([['for', 'event']]);
    const [posting] = parseText('HR publishes the job posting on our careers page.');
    expect(clausesOf(posting!)[0]?.object?.text).toBe('job posting');
    const [lists] = parseText('A supervisor groups orders into pick lists and assigns them to pickers.');
    expect(clausesOf(lists!).map((c) => c.verb)).toEqual(['group', 'assign']);
    const [permits] = parseText('Permits renew every 12 months.');
    expect(clausesOf(permits!)[0]).toMatchObject({ verb: 'renew', subject: { head: { lemma: 'permit' } } });
  });

  it('keeps nouns that modify nouns out of the verbs, and an adverb of time out of the subject', () => {
    const subjectOf = (text: string) => clausesOf(parseText(text)[0]!).map((c) => `${c.subject?.text ?? '-'} ${c.verb} ${c.objects.map((o) => o.text).join(', ')}`.trim());
    expect(subjectOf('Today dentists send orders by fax.')).toEqual(['dentists send orders']);
    expect(subjectOf('Signal is bad, so team leaders need a check-in list.')).toContain('team leaders need check-in list');
    expect(subjectOf('Counter staff see the pickup list.')).toEqual(['Counter staff see pickup list']);
    expect(subjectOf('The bot should post match results.')).toEqual(['bot post match results']);
    expect(subjectOf('Allocation is done by a central timetabling office.')[0]).toBe('central timetabling office do Allocation');
    expect(subjectOf('New members must pass a swim test.')).toEqual(['New members pass swim test']);
    // "it" before a verb starts the next clause: "disagree" takes no object here.
    expect(subjectOf('If they disagree it becomes a dispute.')).toEqual(['- disagree', '- become dispute']);
  });

  it('reads a verb WordNet lacks after a modal, and skips a relative clause to find the subject of a passive', () => {
    const [upvote] = parseText('Other residents can upvote an existing report.');
    expect(clausesOf(upvote!)[0]).toMatchObject({ verb: 'upvote', object: { head: { lemma: 'report' } } });
    const [suspended] = parseText('Members who get three reports are suspended by a moderator.');
    expect(clausesOf(suspended!).find((c) => c.verb === 'suspend')).toMatchObject({ passive: true, object: { head: { lemma: 'member' } }, subject: { head: { lemma: 'moderator' } } });
    const [repair] = parseText('The department sends a crew to repair it when a resident reports a pothole.');
    expect(clausesOf(repair!).find((c) => c.verb === 'repair')?.subject?.head.lemma).toBe('crew');
  });

  it('reads a second object whose verb is left out ("rooms by the hour and desks by the day")', () => {
    const [sentence] = parseText('Members book rooms by the hour and desks by the day.');
    expect(clausesOf(sentence!)[0]?.objects.map((o) => o.head.lemma)).toEqual(['room', 'desk']);
  });

  it('keeps a hyphenated word and a compound head together', () => {
    const [sentence] = parseText('The teacher offers a make-up lesson and the driver raises a welfare alert.');
    expect(clausesOf(sentence!).map((c) => c.object?.text)).toEqual(['make-up lesson', 'welfare alert']);
    const [plural] = parseText('Hosts seat walk-ins and record no-shows at a bike-sharing dock.');
    expect(plural!.tokens.filter((t) => t.text.includes('-')).map((t) => [t.text, t.pos, t.lemma])).toEqual([
      ['walk-ins', 'NOUN', 'walk-in'],
      ['no-shows', 'NOUN', 'no-show'],
      ['bike-sharing', 'ADJ', 'bike-sharing'],
    ]);
    const [measure] = parseText('Members book 45-minute slots.');
    expect(measure!.tokens.map((t) => `${t.text}/${t.pos}`)).toContain('45-minute/ADJ');
  });

  it('turns a passive round: the grammatical subject is the object, the "by" phrase the agent', () => {
    const [sentence] = parseText('A home visit is arranged by a volunteer.');
    const [clause] = clausesOf(sentence!);
    expect(clause).toMatchObject({ verb: 'arrange', passive: true, object: { text: 'home visit' }, subject: { head: { lemma: 'volunteer' } } });
  });

  it('finds the subject behind a prepositional phrase and across a modal phrase', () => {
    const [sentence] = parseText('Patients of a physiotherapy clinic should be able to book appointments online.');
    const [clause] = clausesOf(sentence!);
    expect(clause).toMatchObject({ verb: 'book', subject: { head: { lemma: 'patient' } }, object: { head: { lemma: 'appointment' } } });
  });

  it('reads who "for" names before an infinitive as its subject', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma ?? c.subjectPronoun, c.verb]);
    expect(read('It would be easier for me to print the rota.')).toEqual([['i', 'print']]);
    expect(read('We leave a form for the parents to sign.')).toEqual([['we', 'leave'], ['parent', 'sign']]);
  });

  it('reads a bare verb after an article and describing words as the noun of the phrase, but not after "a few"', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.text).join('+')]);
    expect(read('Coaches want a short termly update on each rower.')).toEqual([['want', 'short termly update']]);
    expect(read('Card is fine, a few still pay cash.')).toEqual([['pay', 'cash']]);
  });

  it('reads a word after "and" before an adjective and a plural as a verb, and an infinitive after a particle as its clause\'s', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma, c.verb, c.objects.map((o) => o.text).join('+')]);
    expect(read('Lodgers download their receipts and book extra nights.')).toEqual([['lodger', 'download', 'receipts'], ['lodger', 'book', 'extra nights']]);
    expect(read('Tenants sign in to print their invoices and book extra visits.').slice(1)).toEqual([['tenant', 'print', 'invoices'], ['tenant', 'book', 'extra visits']]);
  });

  it('reads a participle after objects joined by "and" as said of each', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.passive, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('Riders want their times and penalties added up.')).toContainEqual(['add', true, 'time+penalty']);
  });

  it('reads a word between a noun and a preposition that is as much an adverb as a noun as saying how', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.text).join('+')]);
    expect(read('Wardens file a report straight into the system.')).toEqual([['file', 'report']]);
  });

  it('reads an -ing form after where the last verb happens as done by that verb\'s subject, and one inside a compound as a noun', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.head.lemma ?? c.subjectPronoun, c.verb, c.objects.map((o) => o.text).join('+')]);
    expect(read('Most evenings I sit at the kitchen table typing up invoices.')).toContainEqual(['i', 'type', 'invoices']);
    // "be sat", "be stood": a verb that takes nothing says where someone is, no passive, so the subject stays.
    expect(read("Most evenings I'm sat at the kitchen table typing up invoices.")).toEqual([['i', 'sit', ''], ['i', 'type', 'invoices']]);
    // The tagger reads "tracing" here as a noun or a verb depending on the words around it; as a verb, it is corrected.
    const tagged = tagText('Sales go to the county cattle tracing service within a day.').map((sentence) => ({
      ...sentence,
      tokens: sentence.tokens.map((token) => (token.normal === 'tracing' ? { ...token, pos: 'VERB' as const, lemma: 'trace' } : token)),
    }));
    expect(retag(tagged)[0]!.tokens.find((token) => token.normal === 'tracing')?.pos).toBe('NOUN');
  });

  it('reads an -ing word after a possessive "\'s" and before a noun as part of the noun', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.preps.map((p) => p.phrase.text).join('+')]);
    expect(read("Bookings go into the club's booking system each night.")).toEqual([['go', 'booking system']]);
  });

  it('reads a word after "and" before a question word as a verb acting on what the question names', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.head.lemma).join('+')]);
    expect(read('Stewards count the sheep in and note how many fleeces were sold.')).toContainEqual(['note', 'fleece']);
  });

  it('reads a word the tagger took for a verb as a noun when WordNet knows it only as a noun', () => {
    const read = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.subject?.text, c.verb, c.objects.map((o) => o.text).join('+')]);
    expect(read('The reed supplier rings us.')).toEqual([['reed supplier', 'ring', '']]);
  });

  it('reads a verb that agrees with a person subject though the tagger took it for a noun', () => {
    const [sentence] = parseText('The organiser schedules meetings and members post comments.');
    const clauses = clausesOf(sentence!);
    expect(clauses.map((c) => [c.subject?.head.lemma, c.verb, c.object?.head.lemma])).toEqual([
      ['organizer', 'schedule', 'meeting'],
      ['member', 'post', 'comment'],
    ]);
  });

  it('shares the object between coordinated verbs and the preposition between coordinated phrases', () => {
    const [first] = parseText('The chair accepts or rejects proposals.');
    expect(clausesOf(first!).map((c) => [c.verb, c.object?.head.lemma])).toEqual([['accept', 'proposal'], ['reject', 'proposal']]);
    const [second] = parseText('Dispatchers assign each shipment to a carrier and a truck.');
    expect(clausesOf(second!)[0]?.preps.map((p) => [p.prep, p.phrase.head.lemma])).toEqual([['to', 'carrier'], ['to', 'truck']]);
  });

  it('keeps a participle coordinated with a passive passive, with the same object', () => {
    const [sentence] = parseText('Orders are picked in the greenhouse and delivered on fixed routes.');
    const clauses = clausesOf(sentence!);
    expect(clauses.map((c) => [c.verb, c.passive, c.object?.head.lemma])).toEqual([['pick', true, 'order'], ['deliver', true, 'order']]);
  });
});

describe('semantic classes', () => {
  it('reads coordinated verbs, nouns after a determiner or "have", and objects after a relative clause', () => {
    const verbs = (text: string): (string | undefined)[][] => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.subject?.head.lemma, ...c.objects.map((o) => o.head.lemma)]);
    expect(verbs('Parents can comment and rate.')).toEqual([['comment', 'parent'], ['rate', 'parent']]);
    expect(verbs('Quotes have cost items and a total.')[0]).toEqual(['have', 'quote', 'item', 'total']);
    expect(verbs('Wardens count the number of visitors who came in and any complaints.')[0]).toEqual(['count', 'warden', 'number', 'complaint']);
    expect(verbs('The buyer gets a text to collect and pays at the till.').map((c) => c.slice(0, 2))).toContainEqual(['pay', 'buyer']);
  });

  it('gives a unique beginner the class it heads', () => {
    expect(semanticClasses('animal')[0]).toBe('noun.animal');
  });

  it('gives a compound written as one word that WordNet lacks the class of its head, a short head too', () => {
    expect(semanticClasses('partybus')[0]).toBe('noun.artifact');
  });
});


describe('tagger corrections for everyday product sentences', () => {
  const tags = (text: string) => Object.fromEntries(retag(tagText(text)).flatMap((s) => s.tokens).map((t) => [t.normal, t.pos]));

  it('reads the verb after a plural subject even before a describing participle, and the participle as its modifier', () => {
    const tagged = tags('Busy dog owners book trusted walkers in their neighbourhood.');
    expect(tagged).toMatchObject({ busy: 'ADJ', owners: 'NOUN', book: 'VERB', trusted: 'ADJ', walkers: 'NOUN' });
  });

  it('reads a verb before an infinitive complement', () => {
    expect(tags('Another member requests to borrow it.')).toMatchObject({ requests: 'VERB', borrow: 'VERB' });
  });

  it('reads a second bare verb after a plural subject\'s first, and a word after a possessive as a noun', () => {
    expect(tags('Students submit their essays and book tutorials.')).toMatchObject({ submit: 'VERB', essays: 'NOUN', book: 'VERB', tutorials: 'NOUN' });
    expect(tags('Volunteers sort food, pack parcels and deliver them.')).toMatchObject({ sort: 'VERB', pack: 'VERB', parcels: 'NOUN', deliver: 'VERB' });
    expect(tags('Owners register their dogs and book walks.')).toMatchObject({ book: 'VERB', walks: 'NOUN' });
    expect(tags('Players rate their matches.')).toMatchObject({ rate: 'VERB', matches: 'NOUN' });
    // A compound WordNet knows stays one, and an infinitive is no subject's verb.
    expect(tags('Members borrow drills and power tools.')).toMatchObject({ power: 'NOUN', tools: 'NOUN' });
    expect(tags('We need to track vaccinations and vet appointments.')).toMatchObject({ vet: 'NOUN' });
  });

  it('reads a bare word between a verb of wanting and a participle as a noun, and a describing word before a bare verb as an adjective', () => {
    expect(tags('Over the summer I need cover arranged.')).toMatchObject({ cover: 'NOUN', arranged: 'VERB' });
    expect(tags('Riders take their blunt set back to the yard.')).toMatchObject({ blunt: 'ADJ', set: 'NOUN' });
  });

  it('reads a time word in "-ly" after the noun a verb acts on as how often', () => {
    expect(tags('Wardens inspect each stile monthly and note repairs.')).toMatchObject({ monthly: 'ADV', stile: 'NOUN' });
    expect(tags('We post a monthly newsletter.')).toMatchObject({ monthly: 'ADJ' });
  });

  it('reads a word after "and" as a noun\'s modifier when only noun phrases come before it', () => {
    expect(tags('Tractor fuel and hire fees split between the farmers.')).toMatchObject({ hire: 'NOUN', fees: 'NOUN' });
    expect(tags('Farmers buy tractor fuel and hire balers in summer.')).toMatchObject({ hire: 'VERB' });
  });

  it('reads a verb\'s -s form after an article, a possessive and describing words as a noun, never a finite verb', () => {
    expect(tags('Pat is the groom who does the feeds at weekends.')).toMatchObject({ feeds: 'NOUN' });
    expect(tags('We are a small green bowls club near Leek.')).toMatchObject({ bowls: 'NOUN', club: 'NOUN' });
    expect(tags('The stewards lock their sheds at night.')).toMatchObject({ lock: 'VERB', sheds: 'NOUN' });
  });

  it('reads a bare verb between an article\'s singular noun and a noun as one name, unless a group or animals could do it', () => {
    expect(tags('The adult swim class meets on Fridays.')).toMatchObject({ swim: 'NOUN', class: 'NOUN', meets: 'VERB' });
    expect(tags('The junior paint group meets weekly.')).toMatchObject({ paint: 'NOUN' });
    expect(tags('The crew check the ropes daily.')).toMatchObject({ check: 'VERB' });
    expect(tags('The goats need hay and the sheep need water.')).toMatchObject({ need: 'VERB' });
    expect(tags('Parents who cannot get to the school pay fees by card.')).toMatchObject({ pay: 'VERB' });
  });

  it('reads "do" before a noun and its plural as the verb, and emphatic "do" as the auxiliary it is', () => {
    expect(tags('I only do house calls within 10 miles.')).toMatchObject({ do: 'VERB', house: 'NOUN', calls: 'NOUN' });
    expect(tags('We do take bookings by phone.')).toMatchObject({ do: 'AUX', take: 'VERB' });
  });

  it('never reads a pronoun for things or people as a verb ("photocopy everything off")', () => {
    const read = parseText('I photocopy everything off for the trustees.').flatMap((s) => clausesOf(s));
    expect(tags('I photocopy everything off for the trustees.')).toMatchObject({ everything: 'PRON' });
    expect(read.map((c) => c.verb)).toEqual(['photocopy']);
  });
});

describe('coordinated and passive clauses', () => {
  const clauses = (text: string) => parseText(text).flatMap((s) => clausesOf(s));

  it.each([
    ['Members log their watering days and report broken tools.', [['log', 'Members', 'watering days'], ['report', 'Members', 'broken tools']]],
    ['Cooks plan weekly menus and order ingredients.', [['plan', 'Cooks', 'weekly menus'], ['order', 'Cooks', 'ingredients']]],
    ['Teachers mark homework and post grades.', [['mark', 'Teachers', 'homework'], ['post', 'Teachers', 'grades']]],
  ])('gives each verb of "%s" the shared subject and its own object', (text, expected) => {
    expect(clauses(text).map((c) => [c.verb, c.subject?.text, c.objects.map((o) => o.text).join(', ')])).toEqual(expected);
  });

  it('reads past a plural\'s possessive in a phrase hanging from the subject ("without 48 hours\' notice"), not past one that owns it', () => {
    expect(clauses('Late cancellations without 48 hours\' notice are paid in full.').map((c) => [c.verb, c.object?.text])).toEqual([['pay', 'Late cancellations']]);
    expect(clauses('The riders\' helmets are checked before each ride.').map((c) => [c.verb, c.object?.text])).toEqual([['check', 'helmets']]);
  });

  it('reads a bare subject after a clause without a comma, a compound head after "a", and an object followed by its participle', () => {
    const [after] = parseText('Once the van arrives drivers unload it at the depot.');
    expect(clausesOf(after!).map((c) => [c.subject?.head.lemma, c.verb, c.object?.head.lemma])).toEqual([
      ['van', 'arrive', undefined],
      ['driver', 'unload', 'van'],
    ]);
    const [compound] = parseText('Lifts need a safety inspection every year and cannot be used while under repair.');
    expect(clausesOf(compound!).map((c) => [c.verb, c.passive, c.object?.head.lemma])).toEqual([
      ['need', false, 'inspection'],
      ['use', true, 'lift'],
    ]);
    const [complement] = parseText('Porters see the job list and mark jobs finished.');
    expect(clausesOf(complement!).slice(0, 2).map((c) => [c.verb, c.object?.head.lemma])).toEqual([['see', 'list'], ['mark', 'job']]);
  });

  it('reads a reduced relative as passive and the verb after it as said of its noun', () => {
    const [sentence] = parseText('Parcels delivered after 6pm are stored in the back office.');
    expect(clausesOf(sentence!).map((c) => [c.verb, c.passive, c.object?.head.lemma])).toEqual([
      ['deliver', true, 'parcel'],
      ['store', true, 'parcel'],
    ]);
  });

  it('keeps modifiers out of the verbs: a noun after "be", an -ing word after a noun, a participle after a possessive, a limit word', () => {
    const pos = (text: string): string => parseText(text)[0]!.tokens.map((t) => t.pos).join(' ');
    expect(pos('We are parents association of a school.')).toBe('PRON AUX NOUN NOUN ADP DET NOUN PUNCT');
    expect(pos('I run a window cleaning company with 8 staff.')).toBe('PRON VERB DET NOUN NOUN NOUN ADP NUM NOUN PUNCT');
    expect(pos('I run a small bike fixing shop.')).toBe('PRON VERB DET ADJ NOUN NOUN NOUN PUNCT');
    expect(pos('Owners want to book rides online.')).toBe('NOUN VERB PART VERB NOUN ADJ PUNCT');
    expect(pos("Members book the club's shared kayaks.")).toBe('NOUN VERB DET NOUN PART ADJ NOUN PUNCT');
    const [timed] = parseText('The clinic sends a text reminder 2 days before the visit.');
    expect(clausesOf(timed!)[0]?.object?.text).toBe('text reminder');
    const [limit] = parseText('Walkers take max 4 dogs on a group walk.');
    expect(clausesOf(limit!).map((c) => [c.verb, c.object?.head.lemma])).toEqual([['take', 'dog']]);
  });

  it('reads a note written short: a participle after its noun, past an aside or after a dash, and "get" before a participle', () => {
    const read = (text: string) => clauses(text).map((c) => [c.verb, c.passive, c.object?.text]);
    expect(read('Travel costs (taxis, meals) refunded within 30 days.')).toEqual([['refund', true, 'Travel costs']]);
    expect(read('Faults logged and the landlord notified within a day.')).toEqual([['log', true, 'Faults'], ['notify', true, 'landlord']]);
    expect(read('Schools hire the hall on Saturdays - billed monthly.')).toContainEqual(['bill', true, undefined]);
    expect(read('After the race the times get uploaded.')).toEqual([['upload', true, 'times']]);
    // A person before a verb done to things did it; a participle after an object only describes it.
    expect(read('Guests booked online.')[0]?.[1]).toBe(false);
    expect(read('The app builds a shopping list grouped by aisle.').some(([, passive]) => passive)).toBe(false);
  });

  it('reads a subject past its aside, a compound subject before a modal, a particle verb after "and", an adjective after "a"', () => {
    const read = (text: string) => clauses(text).map((c) => [c.verb, c.passive, c.subject?.text ?? c.object?.text]);
    expect(read('Damage reports (dents, scratches) must be photographed.')).toEqual([['photograph', true, 'Damage reports']]);
    expect(read('Volunteer cover must be arranged for each match.')).toEqual([['arrange', true, 'Volunteer cover']]);
    expect(clauses('Drivers load the van and drop off the boxes.').map((c) => [c.verb, c.particle, c.object?.text])).toContainEqual(['drop', 'off', 'boxes']);
    expect(clauses('Coaches write a short weekly summary.')[0]?.object?.text).toBe('short weekly summary');
  });

  it('reads the subject of a question opened by a modal, and the verb after it', () => {
    const read = (text: string) => clauses(text).map((c) => [c.subject?.text, c.verb, c.object?.text]);
    expect(read('Can volunteers swap a shift?')).toEqual([['volunteers', 'swap', 'shift']]);
    expect(read('Should receipts sync to Sage?')).toEqual([['receipts', 'sync', undefined]]);
    expect(read('Can the coach book online?')).toEqual([['coach', 'book', undefined]]);
  });

  it('reads a verb after a subject pronoun, and a pronoun before a phrase as who something is sent to', () => {
    const read = (text: string) => clauses(text).map((c) => [c.verb, c.objects.map((o) => o.text).join('+')]);
    expect(read('We invoice schools monthly.')).toEqual([['invoice', 'schools']]);
    expect(read('Riders finish the round and we send them the payslip.')).toContainEqual(['send', 'payslip']);
    expect(read('We kept sending people leaflets.')).toContainEqual(['send', 'leaflets']);
    expect(read('Coaches give players feedback cards.')).toEqual([['give', 'feedback cards']]);
    expect(read('Members update the members area.')).toEqual([['update', 'members area']]);
  });

  it('gives an -ing form after "when" or "before" the subject of the clause before it', () => {
    const read = (text: string) => clauses(text).map((c) => [c.subject?.text ?? c.subjectPronoun, c.verb]);
    expect(read('Families pick a seat when booking.')).toEqual([['Families', 'pick'], ['Families', 'book']]);
    expect(read('We weigh each bag before washing.')).toContainEqual(['we', 'wash']);
  });

  it('reads a quantifier standing alone as the subject of the verb after it', () => {
    expect(clauses('Fees are £20 a month, most pay by card.').map((c) => c.verb)).toContain('pay');
    expect(clauses('Some tools need a check.')[0]?.subject?.text).toBe('tools');
  });

  it('reads a compound subject before a verb in -s, and gives an unknown plural its singular lemma', () => {
    expect(clauses('The team lead approves leave requests.').map((c) => [c.subject?.text, c.verb])).toEqual([['team lead', 'approve']]);
    const [sentence] = parseText('We run playgroups.');
    expect(sentence!.tokens.find((t) => t.normal === 'playgroups')?.lemma).toBe('playgroup');
  });

  it('reads the subject set off beside a name, and a bare verb opening a list item before a determiner', () => {
    const read = (text: string) => clauses(text).map((c) => [c.subject?.text, c.verb, c.object?.head.lemma]);
    expect(read('Priya and Jo, our two curators, catalogue the prints.')).toEqual([['two curators', 'catalog', 'print']]);
    expect(read('The warden, Mrs Hale, unlocks the gates.')).toEqual([['warden', 'unlock', 'gate']]);
    expect(read('Wanted: a rota on a wall chart, phone the parents the night before.').map(([, verb, object]) => [verb, object])).toContainEqual(['phone', 'parent']);
    // A list of nouns stays a list: "design" here is a stage, not a verb.
    expect(read('Pieces pass through stages (drawing, design, casting, polishing) and ship.').map(([subject]) => subject)).not.toContain('casting');
  });

  it('reads notes written short: "+" between words as "and", "w/" as "with"', () => {
    const logged = clauses('Drivers log each drop w/ photo + signature.').find((c) => c.verb === 'log');
    expect([logged?.object?.text, logged?.preps.map((p) => `${p.prep} ${p.phrase.text}`)]).toEqual(['drop', ['with photo', 'with signature']]);
  });

  it('keeps a percentage inside its phrase', () => {
    const paid = clauses('Then they pay a 25% deposit to hold the van.').find((c) => c.verb === 'pay');
    expect(paid?.object?.text).toBe('25% deposit');
  });

  it('keeps a price inside its phrase and ends a phrase at an adjective after its noun', () => {
    expect(clauses('We charge a $40 booking fee.')[0]?.object?.text).toBe('$40 booking fee');
    expect(clauses('Then we bill the owner next week.')[0]?.object?.text).toBe('owner');
  });

  it('reads "they" or "it" before a passive as the last thing named, never people, and "which" after a time as the thing before it', () => {
    const objectOf = (text: string, verb: string) => clauses(text).find((c) => c.verb === verb)?.object?.head.lemma;
    expect(objectOf('Owners leave their bikes with us and we tune them, or they get sent to the frame builder.', 'send')).toBe('bike');
    expect(objectOf('Each parcel gets a tracking code when it is scanned.', 'scan')).toBe('parcel');
    expect(objectOf('Every lift gets a service each 3 months, which is booked from the last service date.', 'book')).toBe('service');
  });

  it('reads a singular phrase before a verb in -s as its subject, and an adjective after "be" as no verb', () => {
    const read = (text: string) => clauses(text).map((c) => [c.subject?.text, c.verb, c.object?.text]);
    expect(read('When a bike sells the owner gets 70%.')).toEqual([['bike', 'sell', undefined], ['owner', 'get', undefined]]);
    expect(read('When the keys are ready the tenant gets an email.')).toEqual([['tenant', 'get', 'email']]);
  });

  it('gives an -ing word read as a verb its bare form as its lemma', () => {
    const [sentence] = parseText('- me assigning them to rooms, then mapping them.');
    expect(sentence!.tokens.filter((t) => t.pos === 'VERB').map((t) => t.lemma)).toEqual(expect.arrayContaining(['assign']));
  });

  it('reads "\'s" after a word that owns nothing as "is"', () => {
    const read = clauses("We hand out whatever's donated from the van.");
    expect(read[0]?.verb).toBe('hand');
    expect(read.find((c) => c.verb === 'donate')?.passive).toBe(true);
  });

  it('denies an infinitive after a denied verb', () => {
    expect(clauses("We don't want to refund deposits.").find((c) => c.verb === 'refund')?.negated).toBe(true);
    expect(clauses('We want to refund deposits.').find((c) => c.verb === 'refund')?.negated).toBe(false);
  });

  it('reads "like" after a modal as wanting, with what is to be done to its object', () => {
    const [clause] = clauses("We'd like every parcel weighed at the counter.").filter((c) => c.passive);
    expect([clause?.verb, clause?.object?.head.lemma]).toEqual(['weigh', 'parcel']);
  });

  it('reads an irregular participle after "be" as passive', () => {
    for (const text of ['Reservations are held for 48 hours.', 'Seats are sold out fast.', 'Parcels are brought to the depot.']) {
      expect(clauses(text)[0]?.passive, text).toBe(true);
    }
    expect(clauses('The coordinator is keeping a list.')[0]?.passive).toBe(false);
  });

  it('reads the nouns joined by a slash as modifiers of the noun after them, and a pair alone as two phrases', () => {
    const logged = clauses('Cooks log oven/grill readings at noon.').find((c) => c.verb === 'log');
    expect([logged?.object?.text, logged?.object?.head.lemma]).toEqual(['oven/grill readings', 'reading']);
    const booked = clauses('Boarders book stable/paddock/arena slots, and pay monthly.').find((c) => c.verb === 'book');
    expect(booked?.object?.text).toBe('stable/paddock/arena slots');
    expect(nounPhrases(parseText('We need a driver/porter.')[0]!.tokens).map((p) => p.text)).toEqual(['driver', 'porter']);
  });

  it('reads the bare word after a verb of letting and its pronoun as what the people named do', () => {
    const read = clauses('Tenants report repairs and the app lets them pick a visit slot.').find((c) => c.verb === 'pick');
    expect([read?.subject?.head.lemma, read?.object?.text]).toEqual(['tenant', 'visit slot']);
    const made = clauses('It should warn the supervisor and make them sign a variance form.').find((c) => c.verb === 'sign');
    expect(made?.subject?.head.lemma).toBe('supervisor');
  });

  it('reads a word in -s after a singular pronoun as its verb, and a word for a message where only a verb fits as sending it', () => {
    expect(clauses('When somebody returns a kayak we hose it down.').map((c) => c.verb)).toContain('return');
    const texted = clauses('The desk checks the parcel in, and texts the tenant.').find((c) => c.verb === 'text');
    expect(texted?.object?.head.lemma).toBe('tenant');
    const [pronoun] = clauses('When the sofa arrives we text them.').filter((c) => c.verb === 'text');
    expect(pronoun?.objects).toEqual([]);
  });

  it('reads "is meant to" as what should happen, an abstract idiom as part of its verb and "nobody" as a denial', () => {
    const meant = clauses('Every tenant is meant to get a rent statement.');
    expect(meant.map((c) => [c.verb, c.subject?.head.lemma, c.modal])).toEqual([['get', 'tenant', 'should']]);
    expect(clauses('Will this make sense to parents?').map((c) => [c.verb, c.objects.length])).toEqual([['make sense', 0]]);
    expect(clauses('Some parents pay cash.').map((c) => [c.verb, c.object?.head.lemma])).toEqual([['pay', 'cash']]);
    expect(clauses('If nobody collects the parcel we return it.').find((c) => c.verb === 'collect')?.negated).toBe(true);
  });

  it('keeps "in" with a phrasal verb WordNet knows to take a thing, and as a preposition after others', () => {
    const put = clauses('Tenants put in a repair request online.')[0];
    expect([put?.verb, put?.particle, put?.object?.text]).toEqual(['put', 'in', 'repair request']);
    const lived = clauses('Wardens live in the cottage.')[0];
    expect([lived?.particle, lived?.object, lived?.preps[0]?.phrase.text]).toEqual([undefined, undefined, 'cottage']);
  });

  it('reads a capitalised first participle as a verb, and a bare word ending a phrase after a preposition as its head', () => {
    const [sentence] = parseText('Invoiced quarterly, payable by bank transfer.');
    expect(sentence!.tokens.map((t) => t.pos)).toEqual(['VERB', 'ADJ', 'PUNCT', 'ADJ', 'ADP', 'NOUN', 'NOUN', 'PUNCT']);
  });

  it('reads a participle after "and", before the noun that is the next verb\'s subject, as describing it', () => {
    const flagged = clauses('Staff check stock, and damaged items get flagged.').find((c) => c.verb === 'flag');
    expect([flagged?.passive, flagged?.object?.text]).toEqual([true, 'damaged items']);
  });

  it('reads a three-word compound WordNet knows as one phrase, and a bare word before a dash as its head', () => {
    const [sentence] = parseText('Frying pan rack – cooks hang them up.');
    expect(nounPhrases(sentence!.tokens)[0]?.text).toBe('Frying pan rack');
    const [counted] = parseText('We have four cleaning crews.');
    expect(nounPhrases(counted!.tokens)[0]?.text).toBe('four cleaning crews');
  });

  it('reads a bare verb after the singular noun of a verb\'s object as part of its name, unless the verb lets it act', () => {
    const managed = clauses('I manage the office pay rota and the staff check the tanks.');
    expect(managed.map((c) => [c.verb, c.object?.text])).toEqual([['manage', 'office pay rota'], ['check', 'tanks']]);
    expect(clauses('Parents help the child read at home.').map((c) => c.verb)).toEqual(['help', 'read']);
  });

  it('reads a hyphenated word an article opens, or one WordNet knows with a space, as one noun', () => {
    expect(clauses('After each lesson we post a thank-you to the parents.')[0]?.object?.text).toBe('thank-you');
    expect(clauses('Parents complete a sign-up online.')[0]?.object?.text).toBe('sign-up');
    const [inLaw] = parseText('My sister-in-law does the accounts.');
    expect(inLaw!.tokens.map((t) => t.text)).not.toContain('sister-in');
  });

  it('reads a word in -s right after "be" and before a noun as the plural naming what the noun does', () => {
    expect(clauses('She is repairs coordinator for the estate.').map((c) => c.verb)).toEqual([]);
    expect(parseText('She is repairs coordinator for the estate.')[0]!.tokens[2]?.pos).toBe('NOUN');
  });

  it('reads a capitalised word inside a list of people as a name, though it could be a verb', () => {
    expect(clauses('Riders, the two instructors, Sue the yard manager and me.').map((c) => c.verb)).toEqual([]);
    expect(clauses('Volunteers, the coaches and Rob who keeps the rota.').map((c) => c.verb)).toEqual(['keep']);
  });
});

describe('the author\'s spelling', () => {
  it('gives names back in British spelling and acronyms in capitals, never "it" as "IT"', () => {
    const spellings = authorSpellings(parseText('The IT team sends an SMS reminder to each organiser and prints a QR code on the licence.'));
    expect(respell('Send sms reminder to an organizer with a qr code on a license; it is sent', spellings)).toBe('Send SMS reminder to an organiser with a QR code on a licence; it is sent');
  });
});

describe('a business described in its own words', () => {
  const clauses = (text: string) => parseText(text).flatMap((s) => clausesOf(s));
  const tags = (text: string) => Object.fromEntries(parseText(text).flatMap((s) => s.tokens).map((t) => [t.normal, t.pos]));

  it('reads what a relative clause with a pronoun subject acts on: the phrase before "which" or "that", past an aside', () => {
    const objects = (text: string) => clausesOf(parseText(text)[0]!).map((c) => [c.verb, c.objects.map((o) => o.text).join(' + ')]);
    expect(objects('Guests pay a key deposit which we refund at checkout.')).toContainEqual(['refund', 'key deposit']);
    expect(objects('We keep six kayaks (four singles and two doubles) that we rent out by the hour.')).toContainEqual(['rent', 'six kayaks']);
    expect(objects('There is a £50 key deposit which we refund at checkout.')).toContainEqual(['refund', '£50 key deposit']);
  });

  it('reads a word WordNet knows mostly as a noun between two nouns as part of one compound', () => {
    expect(nounPhrases(parseText('She runs a boat rental desk by the harbour.')[0]!.tokens).map((p) => p.text)).toEqual(['boat rental desk', 'harbour']);
  });

  it('reads a bare word after "and" as a verb sharing the writer\'s subject when its object follows', () => {
    const acts = (text: string) => clauses(text).map((c) => [c.verb, c.objects.map((o) => o.text).join(' + ')]);
    expect(acts('I inspect the boilers and order parts from the wholesaler.')).toEqual([['inspect', 'boilers'], ['order', 'parts']]);
    expect(acts('We plan the week and decide who is driving, book ferries for the long runs.')).toContainEqual(['book', 'ferries']);
    expect(acts('We post the newsletter, chase late subscribers by phone.')).toContainEqual(['chase', 'late subscribers']);
  });

  it('reads "get" before a participle as a passive, never as a thing counted', () => {
    expect(clauses('Maybe 2 in 5 get approved.').map((c) => [c.verb, c.passive, c.objects.length])).toEqual([['approve', true, 0]]);
  });

  it('reads a participle after a noun counted one by one as passive, the noun the subject of the verb after it', () => {
    const read = clauses('Every van hired for a weekend needs a full tank.').map((c) => [c.verb, c.passive, c.subject?.text, c.object?.text]);
    expect(read).toEqual([['hire', true, undefined, 'van'], ['need', false, 'van', 'full tank']]);
  });

  it('reads a pair of words the text uses as a compound noun as that compound where the tagger saw a verb', () => {
    const sentences = parseText("We're a small studio, mostly dog portraits and logos. Dog portraits are £90.");
    const compounds = compoundsOf(sentences);
    expect(compounds.has('dog portrait')).toBe(true);
    const first = readCompoundsAlike(sentences[0]!, compounds);
    expect(first.tokens.find((token) => token.normal === 'dog')?.pos).toBe('NOUN');
    expect(nounPhrases(first.tokens).map((phrase) => phrase.text)).toContain('dog portraits');
  });

  it('reads a bare verb opening an item of a list as a modifier when the noun it describes is of the kind of the item before', () => {
    expect(clauses('The guard logs each patrol: date, start and end time, route.').map((c) => c.verb)).toEqual(['log']);
    expect(tags('Tradespeople drop in most weeks (plumbers, joiners, tile fitters, anyone handy) and sign the rota.')).toMatchObject({ tile: 'NOUN' });
    // A booking is no reminder: the item is an action.
    expect(clauses('We want bookings, send reminders, take payments.').map((c) => c.verb)).toEqual(['want', 'send', 'take']);
  });

  it('reads the items of a list of what something has as noun phrases', () => {
    const item = readAsParts(parseText('quoting and testing notes')[0]!);
    expect(item.tokens.map((token) => token.pos)).toEqual(['NOUN', 'CCONJ', 'NOUN', 'NOUN']);
    expect(clausesOf(item)).toEqual([]);
    expect(nounPhrases(readAsParts(parseText('starting weight (checked weekly)')[0]!).tokens).map((p) => p.text)).toEqual(['starting weight']);
  });

  it('reads a past participle or a describing word before a word ending the phrase as describing that word', () => {
    const read = clauses('A stolen key must be reported at once.').map((c) => [c.verb, c.passive, c.objects.map((o) => o.text).join()]);
    expect(read).toEqual([['report', true, 'stolen key']]);
    expect(tags('A lost key must be cancelled.')).toMatchObject({ lost: 'ADJ', key: 'NOUN' });
  });

  it('reads the items of a list of things to do after "to:" as verbs, the last one after ", and" too', () => {
    const read = (text: string) => clauses(text).map((c) => [c.verb, c.objects.map((o) => o.text).join()]);
    expect(read('Need to: agree the rota per site, send the bills, record payments, chase arrears, and log supplier invoices.')).toEqual([
      ['need', ''], ['agree', 'rota'], ['send', 'bills'], ['record', 'payments'], ['chase', 'arrears'], ['log', 'supplier invoices'],
    ]);
    expect(read('I want to: agree the menu, print invoices, and archive guest lists.').map(([verb]) => verb)).toEqual(['want', 'agree', 'print', 'archive']);
  });

  it('reads a word joined by "and" to a noun of its own kind, before a noun, as that noun\'s like', () => {
    expect(clauses('We weld copper and steel fittings for plumbers.').map((c) => [c.verb, c.objects.map((o) => o.text).join()])).toEqual([['weld', 'copper,steel fittings']]);
    // "the list and mark orders": marking is no list.
    expect(clauses('Counter staff see the pickup list and mark orders.').map((c) => c.verb)).toEqual(['see', 'mark']);
  });

  it('reads a hyphenated word ending a phrase after a determiner as its noun', () => {
    expect(clauses('Auditors want us to log every non-compliance.').map((c) => [c.verb, c.objects.map((o) => o.text).join()])).toContainEqual(['log', 'non-compliance']);
  });

  it('reads an infinitive after a passive done to a person as done by that person, and an -s word listed before "and" and another as a verb', () => {
    const read = clauses('A surveyor is then appointed to value the house, records floor areas and any defects seen, and proposes a price.').map((c) => [c.verb, c.subject?.text, c.objects.map((o) => o.text).join()]);
    expect(read).toEqual([['appoint', undefined, 'surveyor'], ['value', 'surveyor', 'house'], ['record', 'surveyor', 'floor areas,defects'], ['propose', 'surveyor', 'price']]);
    // A thing sent is no one who does anything.
    expect(clauses('Parcels are sent to be repaired.').map((c) => c.subject?.text)).toEqual([undefined, undefined]);
  });

  it('reads an -ing word between a verb that takes no -ing and a plural as describing the plural', () => {
    expect(clauses('I sell sewing and quilting patterns as PDFs.').map((c) => [c.verb, c.objects.map((o) => o.text).join()])).toEqual([['sell', 'sewing,quilting patterns']]);
    expect(clauses('We stop sending letters.').map((c) => c.verb)).toEqual(['stop', 'send']);
  });

  it('reads an -ing word of a verb that takes no object, or participles joined by "+", after a preposition as describing', () => {
    const verbs = (text: string) => clauses(text).map((c) => c.verb);
    expect(verbs('We shut the trail because of falling rocks.')).toEqual(['shut']);
    expect(verbs('Staff check temps for cooked + chilled meats.')).toEqual(['check']);
    // Phoning takes someone to phone.
    expect(verbs('Patients should book online instead of phoning reception.')).toEqual(['book', 'phone']);
  });

  it('reads "round" between a thing and a phrase as the preposition, and "round up" as the verb', () => {
    const read = (text: string) => clauses(text).map((c) => [c.verb, c.objects.map((o) => o.text).join()]);
    expect(read('Stewards stand at gates round the park.')).toEqual([['stand', '']]);
    expect(read('We drive the boxes round the villages and take them round the farms.')).toEqual([['drive', 'boxes'], ['take', 'boxes']]);
    expect(read('We round up the sheep.')).toEqual([['round', 'sheep']]);
  });

  it('reads what "per" counts by as a noun', () => {
    expect(clauses('Each van costs £40 per hire.')).toEqual([]);
  });

  it('reads "depending on" and "according to" as prepositions, never as verbs with an object', () => {
    expect(clauses('Lessons vary from £30 to £45 depending on the instrument.').map((c) => [c.verb, c.objects.length])).toEqual([['vary', 0]]);
    expect(clauses('Rates vary according to season.').map((c) => c.verb)).toEqual(['vary']);
  });

  it('reads a past participle right after a preposition as describing the noun after it', () => {
    expect(clauses('We keep a shelf for sold out prints.').map((c) => c.verb)).toEqual(['keep']);
    expect(tags('We keep a shelf for sold out prints.')).toMatchObject({ sold: 'ADJ', prints: 'NOUN' });
  });

  it('reads "out of" before a number as a score, while "out of" after an object can still end a phrasal verb', () => {
    expect(clauses('The examiner marks each paper out of 50.').map((c) => [c.verb, c.particle])).toEqual([['mark', undefined]]);
    expect(clauses('Technicians check samples out of the freezer.').map((c) => [c.verb, c.particle])).toEqual([['check', 'out']]);
  });

  it('reads a verb\'s -s form after a verb and a describing word as a plural noun', () => {
    expect(clauses('We refurbish old consoles for resale.').map((c) => [c.verb, c.objects.map((o) => o.text).join(' + ')])).toEqual([['refurbish', 'old consoles']]);
  });

  it('reads a clause with no pronoun after a prepositional phrase as hanging from it, its -s word the person\'s verb', () => {
    const read = clauses('Each load is noted on a delivery sheet the driver initials.').map((c) => [c.subject?.text, c.verb, c.objects.map((o) => o.text).join(' + ')]);
    expect(read).toContainEqual(['driver', 'initial', 'delivery sheet']);
  });

  it('reads an acronym between "to" and a verb as how the verb is done, never as its subject', () => {
    expect(clauses('New drivers have to DBS check every passenger list.').map((c) => [c.subject?.text, c.verb])).toEqual([['New drivers', 'check']]);
  });

  it('gives a verb after a bracketed aside the subject from outside the aside', () => {
    expect(clauses('We quote per room (£40/room paint, £60/room paper) and email the quote.').map((c) => [c.subject?.text ?? c.subjectPronoun, c.verb])).toContainEqual(['we', 'email']);
  });
});
