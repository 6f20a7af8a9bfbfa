// Strategy-meeting mode: large type, the family's involvement matrix and gaps and the family's
// overdue actions beside the graph, for a shared screen. The body class is drawn from state.meeting.

import { byId } from './dom.js';
import { say } from './message.js';
import { state } from './state.js';
import { selectTab, showPanels } from './selection.js';
import { clearFamilyOverdue } from './work-queues.js';
import { meetingChanged, showKeys } from './meeting-room.js';
import { fitUnlessKept, keepViewForMeeting, setTextScale } from './graph.js';
import { stepIntoMeeting } from './asof.js';

/** How much larger the graph's type is in meeting mode. */
const MEETING_TEXT_SCALE = 1.7;

function render() {
  document.body.classList.toggle('meeting', state.meeting);
  byId('meeting-button').setAttribute('aria-pressed', String(state.meeting));
  // type that can be read across a room; the graph's box changed size with the layout of the page,
  // and the genogram's spacing follows its labels (laid out again, published on #cy)
  return setTextScale(state.meeting ? MEETING_TEXT_SCALE : 1);
}

/** How many times meeting mode was entered or left in this page (meetingToggles). */
let toggles = 0;

/** How many times meeting mode was entered or left: Back or Forward leaves alone a choice made while it loaded. */
export function meetingToggles() {
  return toggles;
}

/**
 * Enters or leaves meeting mode; answers when the room is drawn (the graph in its type, the panels
 * and the family's changes), so that the pack can be printed from it. step: the chair entered it (a
 * button, a key), a step of the browser's history that Back leaves (asof.js stepIntoMeeting); not when
 * the pack is printed, a reload or Back itself enters or leaves it.
 */
export function toggleMeeting({ step = false } = {}) {
  toggles += 1;
  state.meeting = !state.meeting;
  // the address says so, so that a reload in the middle of a meeting stays in it (walk 56)
  if (state.meeting && step) {
    stepIntoMeeting();
  } else {
    const address = new URL(window.location.href);
    if (state.meeting) {
      address.searchParams.set('mode', 'meeting');
    } else {
      address.searchParams.delete('mode');
    }
    window.history.replaceState(window.history.state, '', address);
  }
  if (state.meeting) {
    keepViewForMeeting();
  }
  const scaled = render();
  let panels = null;
  if (state.meeting) {
    state.tabBeforeMeeting = state.panelTab;
    state.scope = 'FAMILY';
    selectTab('tab-agencies');
    if (state.selectedId) {
      panels = showPanels(state.selectedId);
    }
  } else {
    clearFamilyOverdue();
    if (state.tabBeforeMeeting) {
      selectTab(state.tabBeforeMeeting);
      state.tabBeforeMeeting = null;
    }
    // the graph drawn in the shared screen's box and type fits the page's again (walk 55: names of
    // 5 px in a corner of a large empty box until Fit was pressed), unless the view the page had before
    // meeting mode was put back (walk 68: a chair's zoom on Kyle was lost)
    scaled.then(() => {
      if (!state.meeting) {
        fitUnlessKept();
      }
    });
    // the panels loaded for meeting mode are no longer what the page shows: coming back into meeting
    // mode on the same person and day loads them again (walk 52: it found them loaded, and the family's
    // overdue actions, emptied on the way out, stayed empty)
    state.panelsKey = null;
  }
  const changes = meetingChanged();
  keepFocus();
  // a part that could not be drawn says so here: nobody who waits on the room is left with a rejection
  return Promise.all([scaled, panels, changes]).then(() => undefined,
    (e) => say(e && e.message ? e.message : 'Meeting mode could not be drawn in full.', 'error'));
}

/**
 * The button that started or left meeting mode is hidden by the change (the sidebar's Meeting mode,
 * the top bar's Leave meeting mode): the keyboard goes to the family's graph in meeting mode (to
 * Leave meeting mode when nobody is open), and to Meeting mode after it, not to the page's start,
 * where Tab began again. Focus anywhere else shown stays.
 */
function keepFocus() {
  const active = document.activeElement;
  if (active && active !== document.body && active.offsetParent !== null) {
    return;
  }
  if (!state.meeting) {
    byId('meeting-button').focus();
  } else if (state.subjectId) {
    // the family's graph, where the arrow keys go from person to person (walk 55: on Leave meeting
    // mode, a second Enter left at once)
    byId('cy').focus({ preventScroll: true });
  } else {
    byId('meeting-exit').focus();
  }
}

export function wireMeeting() {
  byId('meeting-button').addEventListener('click', () => toggleMeeting({ step: true }));
  byId('meeting-exit').addEventListener('click', () => toggleMeeting());
  byId('meeting-keys').addEventListener('click', toggleKeys);
  // a short screen shows one row of the key under the graph: the whole of it opens with the legend
  byId('meeting-key-more').addEventListener('click', toggleKeys);
  byId('meeting-key-whole').append(...[...byId('meeting-key').children].map((item) => item.cloneNode(true)));
}

/**
 * Meeting mode folds the legend and the time bar away for the graph's sake; this opens or folds them.
 * Open, they lie over the panels' column beside the graph (app.css), covering no one on the graph:
 * its box, zoom and pan stay as they are.
 */
function toggleKeys() {
  showKeys(!document.body.classList.contains('meeting-keys'));
}
