// Fictional demo data: its families' records end in September 2018. Opened on today's date, its
// children have grown up and its households have ended, and nothing said so (walk 49): before
// anyone is opened, a new user is told, and offered the day the families are seen on.

import { demo } from './api.js';
import { isDay, spokenDay } from './days.js';
import { byId, clear, el } from './dom.js';
import { state } from './state.js';

/** The demo's day and family names (null: no demo families here, or nothing to search with). */
let demoDay = null;
let familyNames = [];

/**
 * Asks the server whether the demo families are here (local mode only) and, for a user who
 * searches (not a data steward or an auditor), readies the hint (showDemoHint shows it). chooseDay
 * moves the page to a day (asof.js chooseAsOf). Never fails: without an answer in time, or with one
 * that is not understood, there is no hint, and the page works as it does without the demo (the
 * page's start waits for this).
 */
export async function wireDemoHint(user, chooseDay) {
  if (user.mode !== 'local' || ['DATA_STEWARD', 'AUDITOR'].includes(user.role)) {
    return;
  }
  try {
    const answer = await demo();
    if (!answer.families || !isDay(answer.day) || !Array.isArray(answer.familyNames)
        || answer.familyNames.length === 0) {
      return;
    }
    demoDay = answer.day;
    familyNames = answer.familyNames.map(String);
  } catch (e) {
    return;
  }
  byId('demo-hint').addEventListener('click', (event) => {
    if (event.target.id === 'demo-day') {
      chooseDay(demoDay);
      showDemoHint();
      // the button is gone: the keyboard goes to the search the hint names (hidden in meeting mode:
      // to the hint itself)
      const search = byId('search-text');
      (search.offsetParent !== null ? search : byId('demo-hint')).focus();
    }
  });
}

/**
 * The hint as the page stands: gone once someone is open (the graph's own hint with it); the day
 * offered until the page shows it, then what to search for.
 */
export function showDemoHint() {
  const hint = byId('demo-hint');
  if (!demoDay || byId('graph-empty').hidden) {
    hint.hidden = true;
    return;
  }
  const names = familyNames.join(' or ');
  const day = spokenDay(demoDay);
  const month = day.replace(/^\d+ /, '');
  clear(hint).append(...(state.asOf === demoDay
    ? [el('p', { text: `Fictional demo data, shown on ${day}, the day its families are seen on: search for ${names}.` })]
    : [
      el('p', { text: `Fictional demo data: its families’ records end in ${month}, so on later days, today’s among them, their children have grown up and their households have ended.` }),
      el('p', {}, el('button', { id: 'demo-day', type: 'button', text: `Show the demo on ${day}` }),
        ` then search for ${names}.`),
    ]));
  hint.hidden = false;
}
