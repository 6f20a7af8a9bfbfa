// The partnership's agencies (the agencies query: not personal data, listed to every signed-in user),
// loaded once for what names one: a meeting's attendance and its actions' owners, and the data
// steward's records, whose agency an extract names by its id ("school-a").

import { graphql } from './api.js';

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
