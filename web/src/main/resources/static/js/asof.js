// The as-of date: the date field and the slider (2000-01-01 to today), kept in state.asOf and in
// the URL (/?person=…&asOf=…) so that a view can be linked to.

import { isDay, spokenDay } from './days.js';
import { byId } from './dom.js';
import { say } from './message.js';
import { DEFAULT_DEPTH, londonDay, state } from './state.js';

const SLIDER_START = '2000-01-01';
/** The earliest day the explorer answers for (the API's Date scalar). */
const EARLIEST = '1900-01-01';
const DAY_MS = 86_400_000;

/**
 * The slider moves a day a step (an arrow key is a day, Page Up and Page Down a tenth of the range):
 * it was 1,000 steps from 2000 to today, about nine days each (new-user check 47).
 */
function sliderToDate(value) {
  return new Date(Date.parse(SLIDER_START) + value * DAY_MS).toISOString().substring(0, 10);
}

function dateToSlider(date) {
  return Math.round((Date.parse(date) - Date.parse(SLIDER_START)) / DAY_MS);
}

/**
 * The URL says who is open on which day, in which view (while Back or Forward is opening someone,
 * their entry already names them, and nothing is written until someone is shown). Opening another
 * person is a step the browser's Back goes back from (main.js); a new day is not, nor is going back
 * or forward itself. Each entry says whose session made it (Back after someone else signed in opens
 * nobody) and its place in the history (index), so that a Back whose person cannot be opened goes
 * back to the entry of what the page still shows. shown: the person Back or Forward opened is shown
 * now (graph.js openPerson), even the one shown before it (review 76: Back to the same person left the
 * page's place in the history on the entry left).
 */
export function updateUrl({ day = false, shown = false } = {}) {
  if (followed && state.subjectId === followedFrom && !shown) {
    // Back or Forward is opening someone: their entry already names them; it is written once they
    // are shown (a day chosen meanwhile that never loads rewrites no entry)
    return;
  }
  if (day && state.opening && state.opening !== state.subjectId) {
    // a day chosen while someone else is opening (chosen from search, a work queue) is theirs, written
    // with them as a step of their own once they are shown; the entry of the person still shown keeps
    // the day they were shown on (walk 53: Back then showed them on a day never theirs). Written once
    // the opening ends, whatever became of it (writeWaitingDay)
    dayWaiting = true;
    return;
  }
  dayWaiting = false;
  const subject = state.subjectId;
  const params = new URLSearchParams();
  if (subject) {
    params.set('person', subject);
  }
  params.set('asOf', state.asOf);
  if (state.depth !== DEFAULT_DEPTH) {
    params.set('depth', String(state.depth));
  }
  if (state.view === 'genogram') {
    params.set('view', 'genogram');
  }
  if (state.meeting) {
    params.set('mode', 'meeting');
  }
  const step = Boolean(subject && urlSubject && urlSubject !== subject);
  if (step) {
    historyIndex += 1;
  }
  window.history[step ? 'pushState' : 'replaceState'](ownState(), '', `/?${params}`);
  urlSubject = subject;
  shownIndex = historyIndex;
}

/**
 * Meeting mode entered by the chair is a step of its own: Back leaves it, on the same person, instead
 * of putting the family opened before on the room's screen (walk 62). The entry names the same person
 * with mode=meeting; nothing is written while Back or Forward is opening someone, or before anyone is
 * shown (then the address is only written again, as before).
 */
export function stepIntoMeeting() {
  if (!state.subjectId || urlSubject !== state.subjectId || historyIndex !== shownIndex || followed !== null) {
    updateUrl();
    return;
  }
  historyIndex += 1;
  shownIndex = historyIndex;
  const address = new URL(window.location.href);
  address.searchParams.set('mode', 'meeting');
  window.history.pushState(ownState(), '', address);
}

/** A day chosen while someone else was opening, not yet in the address (updateUrl). */
let dayWaiting = false;

/**
 * An opening ended (selection.js open): a day chosen meanwhile and not yet in the address is written
 * now with what the page shows (the opening failed: the person shown before, or nobody, on that day).
 */
export function writeWaitingDay() {
  if (dayWaiting) {
    updateUrl({ day: true });
  }
}

/** This session's state for an entry of the browser's history, at the page's place in it. */
export function ownState() {
  return {
    reader: state.user ? state.user.username : null,
    index: historyIndex,
    // the network as it is left (entryView): the people expanded and the person whose panels are shown
    expanded: [...state.expanded],
    selected: state.selectedId,
    // and the panels' tab open (a reload went back to Details); in meeting mode, which opens the agencies'
    // for the room, the tab the user had before it (review 79)
    tab: (state.meeting && state.tabBeforeMeeting) || state.panelTab,
    // and the tab chosen in meeting mode, shown again when a reload comes back into it (walk 62)
    meetingTab: state.meeting ? state.panelTab : null,
  };
}

/**
 * The network as the entry of the history left it: its people expanded (graph keys, in order), the
 * person selected and the panels' tab open, or none (an entry of an earlier version of the page, or
 * not yet written).
 */
export function entryView(entry) {
  const expanded = entry && Array.isArray(entry.expanded)
    ? entry.expanded.filter((k) => typeof k === 'string' && k.startsWith('Person:')) : [];
  const selected = entry && typeof entry.selected === 'string' ? entry.selected : null;
  const tab = entry && PANEL_TABS.includes(entry.tab) ? entry.tab : null;
  const meetingTab = entry && PANEL_TABS.includes(entry.meetingTab) ? entry.meetingTab : null;
  return { expanded, selected, tab, meetingTab };
}

/** The panels' tabs an entry of the history may name. */
const PANEL_TABS = ['tab-details', 'tab-siblings', 'tab-addresses', 'tab-agencies', 'tab-chronology', 'tab-flags'];

/**
 * The network's depth, people expanded or person selected changed: the entry of the history that
 * names what is shown says so, with no step of its own (Back goes back to the person before, not to
 * each expansion). Nothing is written while the entry is another person's (Back or Forward still
 * opening someone, an opening waiting).
 */
export function rememberView() {
  if (!state.subjectId || urlSubject !== state.subjectId || historyIndex !== shownIndex
      || (followed !== null && followed !== state.subjectId)) {
    return;
  }
  window.history.replaceState(ownState(), '', window.location.href);
}

/** The hops the depth field offers. */
const DEPTHS = [1, 2, 3];

/**
 * The depth a link or an entry of the history names (depth=1 or 3; none: the default), or null for
 * one the field does not offer.
 */
export function depthOf(value) {
  if (value === null || value === undefined || value === '') {
    return DEFAULT_DEPTH;
  }
  const depth = Number(value);
  return DEPTHS.includes(depth) && String(depth) === String(value) ? depth : null;
}

/**
 * The network's depth, in state and in the depth fields, the sidebar's and meeting mode's (a choice,
 * a link, Back or Forward, a failure put back).
 */
export function showDepth(depth) {
  state.depth = depth;
  byId('depth-select').value = String(depth);
  byId('meeting-depth').value = String(depth);
}

/** The person the current entry of the history names, and the page's place in the history. */
let urlSubject = null;
let historyIndex = (window.history.state && window.history.state.index) || 0;
/** The place of the entry that names what the page shows (the entry a Back that fails goes back to). */
let shownIndex = historyIndex;

/** The page's place in the browser's history (the index its entries carry). */
export function historyPlace() {
  return historyIndex;
}

/** The place in the history of the entry that names what the page shows. */
export function shownPlace() {
  return shownIndex;
}

/**
 * The browser went to another entry (Back, Forward), which names the person; shown: the entry names
 * what the page shows (not someone still to be opened).
 */
export function cameTo(entry, person, shown) {
  historyIndex = (entry && entry.index) || 0;
  urlSubject = person;
  if (shown) {
    shownIndex = historyIndex;
  }
}

/** Whom Back or Forward is opening, and whom the page showed when it began (null: none followed). */
let followed = null;
let followedFrom = null;

/** Back or Forward is no longer opening anyone (an opening or a day failed: the page stays on what it shows). */
export function endFollowing() {
  followed = null;
  followedFrom = null;
}

/** Whether Back or Forward is opening someone. */
export function following() {
  return followed !== null;
}

/**
 * Follows the browser's Back or Forward (work: opening the person its entry names) without a new
 * step; anyone else opened meanwhile is a step of their own. Answers what the work answers.
 */
export async function followHistory(person, work) {
  followed = person;
  followedFrom = state.subjectId;
  try {
    return await work();
  } finally {
    if (followed === person) {
      endFollowing();
    }
  }
}

/** What to say once the new day is shown (a day after today was not taken), or ''. */
let dayNote = '';

/** The note about the day last chosen, said once (after the day is drawn: opening a network clears the message line). */
export function takeDayNote() {
  const said = dayNote;
  dayNote = '';
  return said;
}

/**
 * Sets the day the page shows; answers false (and says why) for a date that is not one. A day after
 * today is not shown (the records hold nothing after today, so its ages would be of facts it cannot
 * have): the page shows today and takeDayNote() says why. With url false the address is left as it
 * is (a link being opened keeps its person and view until they are shown).
 */
export function setAsOf(date, url = true) {
  if (!isDay(date)) {
    say('Choose a date as YYYY-MM-DD.', 'warning');
    return false;
  }
  if (date < EARLIEST) {
    say(`Choose a day from ${EARLIEST}: the records hold nothing earlier.`, 'warning');
    return false;
  }
  const today = londonDay();
  dayNote = date > today
    ? `${date} is after today: showing today, ${today} (the records hold nothing after today, and ages are worked out for the day shown).`
    : '';
  return showDay(date > today ? today : date, url);
}

/**
 * The day the page shows, in the field, the slider and the URL; no note. The field is written only
 * when it says another day: written while someone types in it, it forgot the digit typed before, and
 * "26" typed after "2" became the 6th (walk 50).
 */
function showDay(date, url = true) {
  const field = byId('asof-date');
  if (field.max !== londonDay()) {
    field.max = londonDay();
  }
  byId('asof-slider').max = String(dateToSlider(londonDay()));
  state.asOf = date;
  // (a day being typed stays in the field: a day put back meanwhile, after a load that failed, is the
  // page's, and the typed one is shown once the keys pause, review 83)
  if (field.value !== date && !waitingDay) {
    field.value = date;
  }
  byId('asof-slider').value = String(dateToSlider(date));
  sayDay(date);
  if (url) {
    updateUrl({ day: true });
  }
  return true;
}

/**
 * Puts back the day the page still shows after a new day could not be loaded (offline, a server
 * error): the field, slider and URL never name a day whose facts are not shown (url false: the
 * address already names it, as the entry Back goes back to does).
 */
export function putBackDay(shown, url = true) {
  dayNote = '';
  showDay(shown, url);
}

/**
 * The day of an entry of the history that Back or Forward is opening, in the field and the slider;
 * the address already says it. Answers false for a day that is not one (nothing changes).
 */
export function followDay(date) {
  if (!isDay(date) || date < EARLIEST || date > londonDay()) {
    return false;
  }
  return showDay(date, false);
}

/** The slider says its day in words to a screen reader ("26 September 2018"), not its position. */
function sayDay(date) {
  byId('asof-slider').setAttribute('aria-valuetext', isDay(date) ? spokenDay(date) : date);
}

let onChange = () => {};

/**
 * How long a day typed in the field waits for the next key before it is shown (walk 64: 26 09 2018
 * typed drew the network on three days, each part finishing a day of its own); Enter or leaving the
 * field shows it at once, a day chosen from the calendar at once too.
 */
let typedDayPause = 800;
/** The typed day waiting to be shown (its timer), or null; the field says it in data-pending. */
let waitingDay = null;

/** For the browser tests: how long a typed day waits (ms). */
export function setTypedDayPause(ms) {
  typedDayPause = ms;
}

function stopWaitingDay() {
  clearTimeout(waitingDay);
  waitingDay = null;
  delete byId('asof-date').dataset.pending;
}

/**
 * A day typed and still waiting is not shown: the page moves to a day of its own choosing (Back or
 * Forward, the time bar), which the field then says (review 83: Back within the pause reopened the
 * person before on the typed day, and wrote it into their entry).
 */
export function dropTypedDay() {
  if (waitingDay) {
    stopWaitingDay();
    byId('asof-date').value = state.asOf;
  }
}

/**
 * Moves the page to another day as the date field does (the time bar's marker): the graph is
 * drawn again with everyone held where they were.
 */
export function chooseAsOf(date) {
  dropTypedDay();
  if (setAsOf(date)) {
    onChange();
  }
}

/** @param changed what to do once the user has chosen a new day */
export function wireAsOf(changed) {
  onChange = changed;
  byId('asof-date').max = londonDay();
  byId('asof-date').min = EARLIEST;
  byId('asof-slider').max = String(dateToSlider(londonDay()));
  const field = byId('asof-date');
  // whether the field has the keyboard, from its own focus and blur: when a part of the day is
  // finished (the month's two digits) the browser moves the caret to the next part, and the change it
  // sends meanwhile finds the page's body focused, not the field; read so, the 31st of this month
  // typed from today was taken as a day after today and put back as today, and 31 12 2017 gave
  // 2017-12-05 (review 64)
  let typing = false;
  // whether the change to come is a key's (typed, or an arrow on a part of the day), not the calendar's
  let keyed = false;
  field.addEventListener('focus', () => {
    typing = true;
  });
  field.addEventListener('change', () => {
    const value = field.value;
    const byKey = keyed;
    keyed = false;
    if ((!value && typing) || (value && (value < EARLIEST || (typing && value > londonDay())))) {
      // a day typed digit by digit passes through days of its own, or none (a part cleared): a year
      // before 1900 (0002, 0020, 0201), or a day after today (the 31st of this month, typed before the
      // year). Shown, each was put back in the field, which lost the digits typed (walks 49 and 50,
      // review 64): waited past until the field is left (a day typed before it waits no more)
      stopWaitingDay();
      return;
    }
    if (byKey && typing) {
      // the next key may change it again: shown once the keys pause (typed back to the day shown, nothing
      // waits)
      stopWaitingDay();
      if (value === state.asOf) {
        return;
      }
      field.dataset.pending = value;
      waitingDay = setTimeout(() => {
        stopWaitingDay();
        if (value !== state.asOf && setAsOf(value)) {
          changed();
        }
      }, typedDayPause);
      return;
    }
    if (setAsOf(value)) {
      changed();
    }
  });
  // left, or Enter: a day waited past is shown now (after today: today, saying so), one that is none put
  // back with a word; the field never stays on a day the page does not show
  const settle = () => {
    stopWaitingDay();
    const value = field.value;
    if (value === state.asOf) {
      return;
    }
    if (!isDay(value) || value < EARLIEST) {
      say(`Choose a day from ${EARLIEST} to today, as the field shows it.`, 'warning');
      showDay(state.asOf, false);
      return;
    }
    if (setAsOf(value)) {
      changed();
    }
  };
  field.addEventListener('blur', () => {
    if (!document.hasFocus()) {
      // the window left (another window, another tab), not the field: it has the keyboard again on
      // return, and the day typed so far stays as it is (review 65)
      return;
    }
    typing = false;
    keyed = false;
    settle();
  });
  // a key's change comes between its keydown and its keyup; a key that changes nothing (Alt+Down opening
  // the calendar) leaves no mark on the change that comes later from the calendar (review 83)
  field.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      settle();
    } else {
      keyed = true;
    }
  });
  field.addEventListener('keyup', () => {
    keyed = false;
  });
  byId('asof-slider').addEventListener('input', (e) => {
    // (the slider moved is the day chosen: a typed day still waiting is not shown after it)
    dropTypedDay();
    byId('asof-date').value = sliderToDate(Number(e.target.value));
    sayDay(byId('asof-date').value);
  });
  sayDay(state.asOf);
  byId('asof-slider').addEventListener('change', (e) => {
    if (setAsOf(sliderToDate(Number(e.target.value)))) {
      changed();
    }
  });
}
