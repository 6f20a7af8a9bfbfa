// The as-of date: the date field and the slider (2000-01-01 to today), kept in state.asOf and in
// the URL (/?person=…&asOf=…) so that a view can be linked to.

import { spokenDay } from './days.js';
import { byId } from './dom.js';
import { say } from './message.js';
import { londonDay, state } from './state.js';

const SLIDER_START = '2000-01-01';
const SLIDER_STEPS = 1000;

function sliderToDate(value) {
  const start = Date.parse(SLIDER_START);
  const end = Date.now();
  return new Date(start + (end - start) * (value / SLIDER_STEPS)).toISOString().substring(0, 10);
}

function dateToSlider(date) {
  const start = Date.parse(SLIDER_START);
  const end = Date.now();
  return Math.round(((Date.parse(date) - start) / (end - start)) * SLIDER_STEPS);
}

/** The URL says who is open on which day. */
export function updateUrl() {
  const params = new URLSearchParams();
  if (state.subjectId) {
    params.set('person', state.subjectId);
  }
  params.set('asOf', state.asOf);
  // another person opened: a step the browser's Back goes back from (main.js); a new day is not,
  // nor is going back or forward itself (someone else opened while Back is followed is a step)
  const step = state.subjectId && urlSubject && urlSubject !== state.subjectId && state.subjectId !== followed;
  // each entry says whose session made it, so that Back after someone else signed in opens nobody
  window.history[step ? 'pushState' : 'replaceState']({ reader: state.user ? state.user.username : null }, '', `/?${params}`);
  urlSubject = state.subjectId;
}

/** The person the address's entry in the browser's history is for, and the person Back or Forward is opening. */
let urlSubject = null;
let followed = null;

/**
 * Follows the browser's Back or Forward (work: opening the person, whom its address names) without
 * a new step; anyone else opened meanwhile is a step of their own.
 */
export async function followHistory(person, work) {
  followed = person;
  try {
    await work();
  } finally {
    if (followed === person) {
      followed = null;
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
 * have): the page shows today and takeDayNote() says why.
 */
export function setAsOf(date) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    say('Choose a date as YYYY-MM-DD.', 'warning');
    return false;
  }
  const today = londonDay();
  dayNote = date > today
    ? `${date} is after today: showing today, ${today} (the records hold nothing after today, and ages are worked out for the day shown).`
    : '';
  return showDay(date > today ? today : date);
}

/** The day the page shows, in the field, the slider and the URL; no note. */
function showDay(date) {
  byId('asof-date').max = londonDay();
  state.asOf = date;
  byId('asof-date').value = date;
  byId('asof-slider').value = String(dateToSlider(date));
  sayDay(date);
  updateUrl();
  return true;
}

/**
 * Puts back the day the page still shows after a new day could not be loaded (offline, a server
 * error): the field, slider and URL never name a day whose facts are not shown.
 */
export function putBackDay(shown) {
  dayNote = '';
  showDay(shown);
}

/** The slider says its day in words to a screen reader ("26 September 2018"), not its position. */
function sayDay(date) {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T12:00:00Z`));
  byId('asof-slider').setAttribute('aria-valuetext', day ? spokenDay(date) : date);
}

let onChange = () => {};

/**
 * Moves the page to another day as the date field does (the time bar's marker): the graph is
 * drawn again with everyone held where they were.
 */
export function chooseAsOf(date) {
  if (setAsOf(date)) {
    onChange();
  }
}

/** @param changed what to do once the user has chosen a new day */
export function wireAsOf(changed) {
  onChange = changed;
  byId('asof-date').max = londonDay();
  byId('asof-date').addEventListener('change', (e) => {
    if (setAsOf(e.target.value)) {
      changed();
    }
  });
  byId('asof-slider').addEventListener('input', (e) => {
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
