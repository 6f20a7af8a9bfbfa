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

/** An agency's type by its id, once loaded (undefined until then, or for an id the partnership lacks). */
export function agencyType(id) {
  return known.has(id) ? known.get(id).type : undefined;
}

/** An agency as a person reads it: its name and its id ("School A (school-a)"), or its id where unknown. */
export function agencyLabel(id) {
  return known.has(id) && known.get(id).name !== id ? `${known.get(id).name} (${id})` : id;
}

/**
 * The id of the agency typed into a box: its id as typed, or its name or id in any case
 * ("Police", "School A"); what names no agency is answered as typed.
 */
export function agencyIdOf(typed) {
  if (known.has(typed)) {
    return typed;
  }
  const lower = typed.toLowerCase();
  const found = [...known.values()].find((a) => a.id.toLowerCase() === lower
    || (a.name && a.name.toLowerCase() === lower) || agencyLabel(a.id).toLowerCase() === lower);
  return found ? found.id : typed;
}
