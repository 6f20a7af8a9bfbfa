// The partnership's agencies (the agencies query: not personal data, listed to every signed-in user),
// loaded once for what names one: a meeting's attendance and its actions' owners, and the data
// steward's records, whose agency an extract names by its id ("school-a").

import { graphql } from './api.js';
import { addDays } from './days.js';

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

/** The referrals of the person whose panels were read last: {personId, asOf, referrals: [{day, agency}]}. */
let referralsRead = null;

/** Keeps the referrals a person's chronology names on a day (the panels' answer), for recentReferrers. */
export function noteReferrals(personId, asOf, chronology) {
  referralsRead = {
    personId,
    asOf,
    referrals: (chronology || []).filter((e) => e.kind === 'REFERRAL' && e.agency && e.date)
      .map((e) => ({ day: e.date, agency: e.agency })),
  };
}

/**
 * The agencies that referred the person in the 30 days up to the day, latest first ({id, name, day}: their
 * latest referral's), as
 * their chronology was read last; none when it was not read for that person and day. A strategy
 * meeting hears from the agency that referred (Working Together 2023; walk 66: Kyle's meeting, called
 * on the school's urgent referral, did not invite the school).
 */
export function recentReferrers(personId, asOf) {
  if (!referralsRead || referralsRead.personId !== personId || referralsRead.asOf !== asOf) {
    return [];
  }
  const from = addDays(asOf, 1 - REFERRAL_DAYS);
  const recent = referralsRead.referrals.filter((r) => r.day >= from && r.day <= asOf)
    .sort((a, b) => b.day.localeCompare(a.day));
  const latest = new Map();
  recent.forEach((r) => {
    if (!latest.has(r.agency.id)) {
      latest.set(r.agency.id, { id: r.agency.id, name: r.agency.name, day: r.day });
    }
  });
  return [...latest.values()];
}
