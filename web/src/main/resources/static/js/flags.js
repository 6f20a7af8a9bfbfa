// Risk flags of the people in the graph: asked for the people not asked about yet (never again
// for people already shown), kept in state.flags and put on their nodes.

import { graphql } from './api.js';
import { FLAGS } from './queries.js';
import { guarded } from './message.js';
import { state } from './state.js';
import { byId } from './dom.js';

const MAX_PEOPLE = 500;

/** A flag's severities, worst first. */
export const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];

/** Whether a flag is about the person or concerns them (through an address, referral, meeting or action). */
export function concerns(flag, personId) {
  return flag.subjectKind === 'PERSON' ? flag.subjectId === personId : flag.people.includes(personId);
}

/** The flags that concern a person in the graph. */
export function flagsOf(personId) {
  return state.flags.get(personId) || [];
}

/** Whether the flags of a person in the graph were read (else none can be said to be there). */
export function flagsRead(personId) {
  return state.flags.has(personId);
}

/**
 * The banner over the graph says whether the flags of everyone drawn were read: until they are, the
 * graph's FLAG marks and the Flags panel lack them (it stays, whatever other messages come).
 */
function sayUnread(controller) {
  byId('flags-unread').hidden = controller.personIds().every(flagsRead);
}

/**
 * The flags of the people given on the page's as-of day, read in one request (the first MAX_PEOPLE);
 * null when they could not be read (the message says why) or the day moved meanwhile. A network
 * about to be drawn (another person or day) has its flags read before it is drawn, so that its
 * labels are whole when the layout measures them (walk 27: labels that grew afterwards ran over
 * their neighbours); nothing is kept until keepFlags.
 */
export async function readFlags(personIds) {
  const ids = [...new Set(personIds)].slice(0, MAX_PEOPLE);
  if (ids.length === 0) {
    return new Map();
  }
  const asOf = state.asOf;
  const data = await guarded(() => graphql(FLAGS, { personIds: ids, asOf }));
  if (!data || asOf !== state.asOf) {
    return null;
  }
  return new Map(ids.map((id) => [id, data.riskFlags.filter((f) => concerns(f, id))]));
}

/** The flags read for the network now drawn take the place of those of the one before. */
export function keepFlags(flags) {
  state.flags.clear();
  (flags || new Map()).forEach((list, id) => state.flags.set(id, list));
}

/**
 * The flags of the people given (id → flags), read for those not known yet and kept in state.flags;
 * null when they could not be read (the message says why) or the day moved meanwhile.
 */
export async function knownFlags(personIds) {
  const wanted = [...new Set(personIds)].filter((id) => !state.flags.has(id));
  if (wanted.length > 0) {
    const read = await readFlags(wanted);
    if (!read) {
      return null;
    }
    read.forEach((list, id) => state.flags.set(id, list));
  }
  return new Map(personIds.filter((id) => state.flags.has(id)).map((id) => [id, flagsOf(id)]));
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
  const asOf = state.asOf;
  const known = await knownFlags(personIds);
  if (!known) {
    if (asOf === state.asOf) {
      sayUnread(controller);
      return false;
    }
    return true;
  }
  controller.markFlags(known);
  sayUnread(controller);
  return true;
}
