// Access without a relationship: opening a person the agency may not see offers the break-glass
// form (purpose, reason, hours); a grant is audited and reviewed, then the person opens.

import { graphql } from './api.js';
import { BREAK_GLASS } from './queries.js';
import { byId } from './dom.js';
import { guarded, say } from './message.js';
import { state } from './state.js';

function render() {
  byId('break-glass').hidden = state.breakGlassFor === null;
  if (state.breakGlassFor !== null) {
    byId('break-glass-person').value = state.breakGlassFor;
  }
}

/** Offers the form for a person the practitioner's agency may not see. */
export function offerBreakGlass(personId) {
  state.breakGlassFor = personId;
  render();
  say(`No person '${personId}' that your agency may see. If a child's safety needs access, use `
    + '“Access without a relationship” (audited and reviewed).');
  byId('break-glass-reason').focus();
}

export function hideBreakGlass() {
  state.breakGlassFor = null;
  render();
}

async function breakGlass(event, open) {
  event.preventDefault();
  const personId = byId('break-glass-person').value.trim();
  const reason = byId('break-glass-reason').value.trim();
  if (reason.length < 10) {
    say('Say why you need access, in at least 10 characters.');
    return;
  }
  const granted = await guarded(() => graphql(BREAK_GLASS, {
    personId, purpose: byId('break-glass-purpose').value, reason, hours: Number(byId('break-glass-hours').value),
  }));
  if (granted) {
    hideBreakGlass();
    byId('break-glass-reason').value = '';
    await open(personId);
    say(`Access granted until ${granted.breakGlass.until.substring(0, 16).replace('T', ' ')} UTC; every look is audited.`);
  }
}

/** @param open what to do with the person once access is granted */
export function wireBreakGlass(open) {
  byId('break-glass-form').addEventListener('submit', (e) => breakGlass(e, open));
  byId('break-glass-cancel').addEventListener('click', hideBreakGlass);
}
