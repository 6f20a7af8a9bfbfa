// Finding a person: the search form and its results (date of birth, age, current address, marker
// badges); choosing a result opens that person. The results list publishes its render state.

import { graphql } from './api.js';
import { SEARCH } from './queries.js';
import { byId, clear, el, fullName, markerCode } from './dom.js';
import { focusUnlessTyping } from './focus.js';
import { guarded, quietly } from './message.js';
import { Latest, Rendering } from './publish.js';
import { state } from './state.js';

let rendering;
const searches = new Latest();
/** The search whose results are shown: a new day asks it again (searchAgain). */
let shown = null;

function renderResults(people, open) {
  // the result the keyboard is on stays under it when the results are drawn again (another day)
  const focused = byId('results').contains(document.activeElement) ? document.activeElement.dataset.person : null;
  const list = clear(byId('results'));
  if (people.length === 0) {
    list.append(el('li', { class: 'empty', text: 'Nobody found.' }));
  }
  people.forEach((p) => {
    const address = p.currentAddress ? `${p.currentAddress.line1}, ${p.currentAddress.postcode || ''}` : 'no current address';
    // a possible duplicate said where the person is chosen, as the graph says it (walk 51: the school's
    // record of Ruby waited for a steward, and her result said nothing)
    // (walk 52: a bare [MATCH?] said nothing to a teacher)
    const badges = [...p.markers.map((m) => `[${markerCode(m)}]`),
      ...(p.possibleMatch ? ['[MATCH?] may be a duplicate record: a data steward is checking'] : [])].join(' ');
    // someone born after the day shown has no age and no address on it (walk 55: they read "no current
    // address", as if lost)
    const unborn = p.age === null && p.dateOfBirth && p.dateOfBirth > state.asOf;
    list.append(el('li', {}, el('button', { type: 'button', 'data-person': p.id, onclick: () => choose(p.id, open) },
      el('strong', { text: fullName(p) }),
      el('span', { class: 'meta', text: `Born ${p.dateOfBirth || 'unknown'}${p.age !== null ? `, age ${p.age}` : ''}${p.child ? ' (child)' : ''}${unborn ? ', not yet born on this day' : ''}` }),
      unborn ? null : el('span', { class: 'meta', text: address }),
      badges ? el('span', { class: 'meta', text: badges }) : null)));
  });
  // from the results straight on (not a Tab through every control between): the graph or the details
  byId('results-skip').hidden = people.length === 0;
  const first = list.querySelector('button');
  if (first) {
    // Shift+Tab from the first result goes back to the search box, as Enter came from it (walk 55: it
    // went to Sign out, the control before the results in the page)
    first.addEventListener('keydown', (e) => {
      if (e.key === 'Tab' && e.shiftKey) {
        e.preventDefault();
        byId('search-text').focus();
      }
    });
  }
  const again = focused && [...list.querySelectorAll('button')].find((b) => b.dataset.person === focused);
  if (again) {
    again.focus();
  }
}

/**
 * A result chosen: the person opened, then the keyboard goes where the work goes on, the graph with
 * the person selected (the live region says who), unless the person could not be opened (the
 * message, or the form to ask for access, says why, and the focus stays on the result).
 */
async function choose(personId, open) {
  await open(personId);
  if (state.subjectId === personId && document.body.dataset.state === 'ready') {
    focusUnlessTyping(byId('cy'), { preventScroll: true });
  }
}

async function search(text, open, again = false) {
  shown = { text, open };
  const current = searches.next();
  // asked again for a new day, it leaves the message line as it is (verify 23: it wiped "could not be
  // opened" after a failed Back); a failure is still said
  const asking = again ? quietly : guarded;
  await asking(() => rendering.run(async () => {
    const asOf = state.asOf;
    const data = await graphql(SEARCH, { text, asOf });
    if (current()) {
      renderResults(data.searchPeople, open);
      // said to a screen reader when the results change under the user, not when they asked (walk 55)
      byId('results-status').textContent = again
        ? `The results for ${text} are now of ${asOf}: ${data.searchPeople.length} found.` : '';
      const first = byId('results').querySelector('button');
      if (first && document.activeElement === byId('search-text') && byId('search-text').value.trim() === text) {
        // Enter in the box: the keyboard goes to the first result, not nine Tabs away past the date,
        // the work queues and Sign out (new-user check 50); Shift+Tab goes back to the box
        first.focus();
      }
    }
  }));
}

/**
 * The results say each person's age, whether a child, and address on the day searched: when the page
 * moves to another day they are asked again for it, the keyboard left where it is (they kept the day
 * before's ages beside a graph of the new day).
 */
export function searchAgain() {
  if (shown && byId('results').querySelector('li')) {
    search(shown.text, shown.open, true);
  }
}

/** @param open what choosing a result does with the person's id */
export function wireSearch(open) {
  rendering = new Rendering(byId('results'));
  byId('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = byId('search-text').value.trim();
    if (text) {
      search(text, open);
    }
  });
}
