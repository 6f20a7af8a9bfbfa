// The partnership's agencies (the agencies query: not personal data, listed to every signed-in user),
// loaded once for what names one: a meeting's attendance and its actions' owners, and the data
// steward's records, whose agency an extract names by its id ("school-a").

import { graphql } from './api.js';
import { addDays } from './days.js';
import { fullName } from './dom.js';

/** The agencies by id, {id, name, type}, once loaded. */
const known = new Map();
let loading = null;

/**
 * Loads the agencies once; answers them by name, or null when they could not be loaded (tried again
 * next time: what names an agency then shows its id).
 */
export function loadAgencies() {
  if (!loading) {
    loading = graphql('{ agencies { id name type } }')
      .then((data) => {
        data.agencies.forEach((a) => known.set(a.id, a));
        return data.agencies;
      })
      .catch(() => {
        loading = null;
        return null;
      });
  }
  return loading;
}

/** The agencies once loaded, by name (none until then). */
export function loadedAgencies() {
  return [...known.values()];
}

/** An agency's name by its id, once loaded (undefined until then, or for an id the partnership lacks). */
export function agencyName(id) {
  return known.has(id) ? known.get(id).name : undefined;
}

/** An agency's type by its id, once loaded (undefined until then, or for an id the partnership lacks). */
export function agencyType(id) {
  return known.has(id) ? known.get(id).type : undefined;
}

/** An agency as a person reads it: its name and its id ("School A (school-a)"), or its id where unknown. */
export function agencyLabel(id) {
  const name = agencyName(id);
  return name && name !== id ? `${name} (${id})` : id;
}

/**
 * The agency typed into a box, by its id or its name in any case ("Police", "school-a", "Riverside
 * Primary School"): {id} (as typed where it names no agency: an extract's agency the partnership lacks),
 * or {several}, the agencies a name names when it names more than one (their ids tell them apart).
 * An id wins over a name, and an id as typed over one in another case.
 */
export function agencyTyped(typed) {
  if (known.has(typed)) {
    return { id: typed };
  }
  const lower = typed.toLowerCase();
  const agencies = [...known.values()];
  const byId = agencies.filter((a) => a.id.toLowerCase() === lower);
  const found = byId.length > 0 ? byId
    : agencies.filter((a) => (a.name && a.name.toLowerCase() === lower) || agencyLabel(a.id).toLowerCase() === lower);
  if (found.length > 1) {
    return { id: null, several: found };
  }
  return { id: found.length === 1 ? found[0].id : typed };
}

/** How far back a referral makes its agency expected at a meeting: the triage queue's 30 days. */
const REFERRAL_DAYS = 30;

/**
 * What a meeting about a child expects at the table on a day, read for the child when the form opens
 * ("id|day" → {referrers, involved, gaps}): the panels may be another person's, or not loaded (review 84).
 */
const defaultsRead = new Map();

const FORM_DEFAULTS = `query FormDefaults($personId: ID!, $from: Date, $asOf: Date) {
  chronology(personId: $personId, from: $from, to: $asOf, asOf: $asOf) { date kind agency { id name } }
  agencyInvolvement(personId: $personId, scope: HOUSEHOLD, asOf: $asOf) {
    people { person { id kind restricted givenName familyName } involvements { agency { id name type offenderManagement } } }
    gaps { person { id kind restricted givenName familyName } agencyType }
  }
}`;

/**
 * Things each once by their key (an agency by id, a gap by agency type), with the names of the people each
 * is there for: [{...thing, people}] in order; a null name (someone your agency cannot see) is not said.
 */
function withPeople(pairs, keyOf) {
  const found = new Map();
  pairs.forEach(([thing, person]) => {
    const key = keyOf(thing);
    if (!found.has(key)) {
      found.set(key, { ...thing, people: [] });
    }
    if (person && !found.get(key).people.includes(person)) {
      found.get(key).people.push(person);
    }
  });
  return [...found.values()];
}

/** A person's name as a reason says it, or null for someone your agency cannot see. */
function nameOf(person) {
  return person.restricted ? null : fullName(person);
}

/**
 * Reads what a meeting about the child expects on the day (each time a form opens: a referral may have
 * been recorded since); answers whether it is known: the agencies that referred the child in the 30 days up to the day (latest first, {id, name, day}),
 * the agencies involved with the child's household on the day (review 85: the family's
 * households reached every partner's agencies) ({id, name, type, offenderManagement, people}: whether its
 * kind is offender management, and the names of those they are involved with), and the agency types the gap rules find missing there ({type, people}). Only what the
 * reader's agency may see: the server's need-to-know decides.
 */
export async function loadFormDefaults(personId, asOf) {
  const key = `${personId}|${asOf}`;
  defaultsRead.delete(key);
  let data;
  try {
    data = await graphql(FORM_DEFAULTS, { personId, from: addDays(asOf, 1 - REFERRAL_DAYS), asOf });
  } catch (e) {
    // not known: the form offers the agencies without them, unticked
    return false;
  }
  const referrals = data.chronology.filter((e) => e.kind === 'REFERRAL' && e.agency && e.date && e.date <= asOf)
    .sort((a, b) => b.date.localeCompare(a.date));
  const referrers = [];
  referrals.forEach((e) => {
    if (!referrers.some((r) => r.id === e.agency.id)) {
      referrers.push({ id: e.agency.id, name: e.agency.name, day: e.date });
    }
  });
  const involvement = data.agencyInvolvement;
  // (each agency saying whether its kind is offender management, as the server's redaction policy says)
  const involved = withPeople(involvement.people.flatMap((p) => p.involvements.map((i) => [i.agency,
    nameOf(p.person)])), (agency) => agency.id);
  const gaps = withPeople(involvement.gaps.map((g) => [{ type: g.agencyType }, nameOf(g.person)]), (gap) => gap.type);
  defaultsRead.set(key, { referrers, involved, gaps });
  return true;
}

/** What a meeting about the child expects on the day (loadFormDefaults), or null until it is read. */
export function formDefaults(personId, asOf) {
  return defaultsRead.get(`${personId}|${asOf}`) || null;
}
