/** Words for people, roles and organisations, and how to tell a role from a thing that only looks like one. */
import { LOW_SIGNAL, normalizeApostrophe, singularize, STOP_WORDS, wordSet } from '../../../../core/text/index.js';
import { ADJECTIVES } from './modifiers.js';

/**
 * People and roles, by name. Role detection starts from this list rather than from word shapes alone: an "-er" or "-or"
 * word is as often a thing (ladder, scanner, sensor, trailer) as a person, so a word outside the list counts as a role
 * only where it acts as the subject of a verb ("Interviewers should leave feedback"), never where it is acted upon
 * ("people lend drills and ladders", "respond to scanner requests").
 */
const ROLE_NOUNS = wordSet(`
  accountant admin administrator adopter adult advertiser advisor adviser agent alumnus analyst applicant approver
  architect artist assessor assistant athlete attendee auditor author baker banker barista bartender beginner
  beneficiary bidder blogger bookkeeper borrower boss broker builder buyer candidate captain carer caregiver
  caseworker cashier chef child citizen claimant cleaner clerk client clinician coach collaborator colleague commuter
  consultant consumer contractor contributor cook coordinator counsellor counselor courier coworker creator customer
  dentist designer developer diner director dispatcher doctor donor driver editor educator electrician employee
  employer engineer entrepreneur examiner exhibitor expert family fan farmer follower founder freelancer friend
  fundraiser gamer gardener grandparent groomer grower guardian guest guide handyman homeowner host householder
  influencer inspector instructor intern interviewer interviewee investor journalist judge kid landlady landlord
  lawyer lead learner lecturer lender librarian listener lodger maintainer manager mechanic member mentor mentee
  merchant midwife moderator musician neighbor neighbour nurse officer operator optician organizer organiser owner
  packer paralegal paramedic parent participant partner passenger patient payee payer pharmacist photographer
  physician physiotherapist picker pilot planner player plumber principal producer professional professor
  programmer publisher pupil reader receptionist recipient recruiter referee renter reporter requester researcher
  resident retailer retiree reviewer rider roommate flatmate salesperson scientist seller shopper signatory sitter
  specialist speaker sponsor staff stakeholder streamer student subscriber supervisor supplier surgeon surveyor
  taxpayer teacher team teammate technician teenager teen tenant tester therapist trader trainee trainer translator
  traveler traveller treasurer tutor user vendor veterinarian vet viewer visitor volunteer voter waiter walker
  wholesaler worker writer`);

/**
 * Organisations act in a product too ("restaurants order crates", "clinics publish slots"), but the same words are
 * just as often places or settings ("a physiotherapy clinic", "online shops"), so they count as actors only where
 * they are the subject of a verb.
 */
export const ORGANISATION_NOUNS = wordSet(`
  agency bakery bank brand business cafe café charity church clinic club college company council department distributor
  firm government hospital hotel household insurer lab laboratory landlord library manufacturer municipality
  nonprofit nursery pharmacy publisher restaurant retailer school shop startup store supplier university venue`);

/** Words ending like role nouns (-er, -or, -ist, -ian) that name things or actions, not people. */
export const NOT_ROLE_NOUNS = wordSet(`
  adapter after answer banner barrier blender boiler border browser buffer burger calculator calendar center centre
  chapter character charger checklist cluster color colour computer conditioner connector container controller cooler
  corner counter cover cursor daughter descriptor detector dinner dryer elevator error factor favor favour filter
  finger flavor flavour floor flower folder footer former freezer generator hammer header heater hour indicator
  interior ladder later latter layer ledger letter liter litre locker manner marker matter meter minor mirror mixer
  monitor motor never number offer order other outer paper parameter persist playlist poster power printer processor
  projector quarter rather refrigerator register reminder render roller router scanner scooter sector selector
  semester sensor server shelter simulator slider spider sticker summer super teaser thermometer timer toaster
  tower tracker tractor trailer transfer trigger upper vector voucher waiver washer water whatever whenever winter
  wishlist wonder waitlist shortlist`);

/** Mentions of people in general: what they do still describes the product, but they name no actor. */
export const VAGUE_ACTORS = wordSet(`people everyone everybody someone somebody anyone anybody`);

/** Low-signal nouns that still make a good role modifier: "support agents", "system administrators". */
export const NOUN_MODIFIERS = wordSet(`app platform product software system support website`);

/** Nouns that a role word can modify ("customer support", "admin dashboard") without naming a person. */
export const ROLE_MODIFIED_NOUNS = wordSet(`account accounts app area dashboard data details experience file files history
  information list onboarding page portal profile profiles record records request requests service settings support
  view`);

/** A noun that names people or an organisation ("teacher", "neighbours", "households"), as opposed to things. */
export function isPersonNoun(word: string): boolean {
  const key = singularize(normalizeApostrophe(word.toLowerCase()));
  return isRoleWord(key) || ORGANISATION_NOUNS.has(key);
}

/** For a singular lower-case key: a person or role by name ("teacher", "admin"). */
export function isRoleWord(key: string): boolean {
  return ROLE_NOUNS.has(key);
}

/** Shaped like a role ("-er", "-or", "-ist", "-ian") and on no list of things: a role where it acts as a subject. */
export function looksLikeRoleNoun(key: string): boolean {
  if (key.length < 5 || NOT_ROLE_NOUNS.has(key) || key.endsWith('list')) return false;
  if (STOP_WORDS.has(key) || LOW_SIGNAL.has(key) || ADJECTIVES.has(key)) return false;
  return /[a-z]{3}(?:er|or|ist|ian)$/.test(key) && !/(?:ier|ever|ther|ower|ster)$/.test(key);
}
