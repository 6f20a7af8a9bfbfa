// Access without a relationship (break-glass): offered for a person the agency may not see when
// opening them fails, or from a placeholder ("someone your agency cannot see") in the graph. Nobody
// types an id: the form is about the person the page tried to open, or about the placeholder with
// the person in whose answer it appeared. A grant is audited and reviewed, then the person opens.

import { graphql } from './api.js';
import { BREAK_GLASS } from './queries.js';
import { byId } from './dom.js';
import { focusUnlessTyping } from './focus.js';
import { guarded, say } from './message.js';
import { londonTime, state } from './state.js';
import { HIDDEN, heldBy } from './placeholders.js';
import { keepDraft } from './drafts.js';

/** The server's rule for reasons (README "Break-glass"): 20+ characters, two different letters or digits. */
export function reasonProblem(reason) {
  if (reason.length < 20) {
    return 'Say why in at least 20 characters.';
  }
  const letters = new Set(reason.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  return letters.size < 2 ? 'Say why in words, not one character repeated.' : null;
}

function render() {
  const offer = state.breakGlassFor;
  byId('break-glass').hidden = offer === null;
  if (offer === null) {
    byId('break-glass-about').textContent = '';
  } else if (offer.placeholder) {
    const p = offer.placeholder;
    byId('break-glass-about').textContent = `For: ${HIDDEN}${p.lines.length > 0 ? ` — ${p.lines.join('; ')}` : ''}`
      + ` (${heldBy(p.holders)}).`;
  } else {
    byId('break-glass-about').textContent = 'For: the person you tried to open.';
  }
}

/** Offers the form for a person the practitioner's agency may not see (opening them failed). */
export function offerBreakGlass(personId) {
  state.breakGlassFor = { personId, placeholder: null };
  render();
  say(`No person '${personId}' that your agency may see. If a child's safety needs access, use `
    + '“Access without a relationship” (audited and reviewed).', 'warning');
  focusUnlessTyping(byId('break-glass-reason'));
}

/**
 * Offers the form for a placeholder met in the answer about personId (the person whose network
 * or panels showed it).
 */
export function offerBreakGlassFromPlaceholder(personId, placeholder) {
  state.breakGlassFor = { personId, placeholder };
  render();
  byId('break-glass-reason').focus();
}

export function hideBreakGlass() {
  state.breakGlassFor = null;
  render();
}

async function breakGlass(event, open) {
  event.preventDefault();
  const offer = state.breakGlassFor;
  if (offer === null) {
    return;
  }
  const reason = byId('break-glass-reason').value.trim();
  const problem = reasonProblem(reason);
  if (problem) {
    say(problem, 'warning');
    byId('break-glass-reason').focus();
    return;
  }
  const granted = await guarded(() => graphql(BREAK_GLASS, {
    personId: offer.personId,
    placeholderId: offer.placeholder ? offer.placeholder.id : null,
    purpose: byId('break-glass-purpose').value,
    reason,
    hours: Number(byId('break-glass-hours').value),
  }));
  if (granted) {
    hideBreakGlass();
    byId('break-glass-reason').value = '';
    await open(granted.breakGlass.subjectId);
    say(`Access granted until ${londonTime(granted.breakGlass.until)}; every look is audited.`, 'success');
  }
}

/** @param open what to do with the person once access is granted */
export function wireBreakGlass(open) {
  byId('break-glass-form').addEventListener('submit', (e) => breakGlass(e, open));
  byId('break-glass-cancel').addEventListener('click', hideBreakGlass);
  keepDraft({ form: 'break-glass-form', field: 'break-glass-reason', open: () => state.breakGlassFor !== null,
    button: 'Request access', about: 'access' });
}
