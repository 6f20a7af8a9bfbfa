// Risk flags of the people in the graph: asked for the people not asked about yet (never again
// for people already shown), kept in state.flags and put on their nodes.

import { graphql } from './api.js';
import { FLAGS } from './queries.js';
import { guarded } from './message.js';
import { state } from './state.js';

const MAX_PEOPLE = 500;

/** Whether a flag is about the person or concerns them (through an address, referral, meeting or action). */
export function concerns(flag, personId) {
  return flag.subjectKind === 'PERSON' ? flag.subjectId === personId : flag.people.includes(personId);
}

/** The flags that concern a person in the graph. */
export function flagsOf(personId) {
  return state.flags.get(personId) || [];
}

/**
 * Loads the flags of the people given that are not known yet (all of them with reset, after a new
 * network) and marks every one of those people's nodes. Answers false when the flags could not be
 * loaded (the message says why).
 */
export async function loadFlags(controller, personIds, { reset = false } = {}) {
  if (reset) {
    state.flags.clear();
  }
  const wanted = [...new Set(personIds)].filter((id) => !state.flags.has(id)).slice(0, MAX_PEOPLE);
  if (wanted.length > 0) {
    const asOf = state.asOf;
    const data = await guarded(() => graphql(FLAGS, { personIds: wanted, asOf }));
    if (!data) {
      return false;
    }
    if (asOf !== state.asOf) {
      return true;
    }
    wanted.forEach((id) => state.flags.set(id, data.riskFlags.filter((f) => concerns(f, id))));
  }
  controller.markFlags(new Map(personIds.filter((id) => state.flags.has(id)).map((id) => [id, flagsOf(id)])));
  return true;
}
