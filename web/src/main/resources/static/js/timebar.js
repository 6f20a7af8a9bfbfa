// The time bar under the graph (issue 15, item 3): the homes (LIVES_AT) and partnerships
// (PARTNER_OF) of the people in the graph as bars on a time axis, one row per relationship, with
// the as-of day as a vertical marker. The marker is a slider (mouse: drag or click on the bar;
// keyboard: arrows a month, Page Up and Page Down a year, Home and End): letting it go moves the
// as-of day through the page's one as-of path, which holds the layout. The periods are the edges
// the server already answered to this user (placeholders' edges carry type and dates only), read
// through the controller. The axis is held while the same person stays open, so that the bars do
// not slide when the day moves. #time-bar publishes data-state/data-render (publish.js), the
// number of bars (data-bars) and the axis (data-start, data-end).

import { addMonths, dayNumber, isoDay, spokenDay } from './days.js';
import { byId, clear, el } from './dom.js';
import { Rendering } from './publish.js';
import { londonDay, state } from './state.js';
import { words } from './words.js';

/** Years without a start date go back this far from the as-of day when nothing else is known. */
const DEFAULT_YEARS = 5;

/** A partnership that ended: the bar's days are the partnership's, never the separation's. */
const PARTNERS_THEN = { SEPARATED: 'partners, then separated', DIVORCED: 'married, then divorced' };

/**
 * The rows of the time bar from the graph's periods (controller.periods()), in reading order:
 * homes grouped by person (the person opened first, then by name, each person's homes oldest
 * first), then partnerships oldest first. Each row: {key, kind ('home' or 'partner'), who, what,
 * from, to}. Pure, for the tests.
 */
export function timeBarRows(periods) {
  const byStart = (a, b) => String(a.from || '').localeCompare(String(b.from || '')) || a.key.localeCompare(b.key);
  const homes = periods.filter((p) => p.type === 'LIVES_AT').map((p) => ({
    key: p.key, kind: 'home', who: p.personLabel, what: p.otherLabel, from: p.from, to: p.to, first: p.subject ? 0 : 1,
  }));
  homes.sort((a, b) => a.first - b.first || a.who.localeCompare(b.who) || byStart(a, b));
  const partners = periods.filter((p) => p.type === 'PARTNER_OF').map((p) => ({
    key: p.key, kind: 'partner', who: `${p.personLabel} and ${p.otherLabel}`,
    what: PARTNERS_THEN[p.status] || (p.status ? words(p.status) : 'partners'), from: p.from, to: p.to,
  }));
  partners.sort(byStart);
  return [...homes, ...partners].map(({ first, ...row }) => row);
}

/**
 * The axis, as day numbers {start, end}: from the first of January of the earliest start (or of
 * the as-of year less five years when no row has a start) to today or the as-of day if later,
 * widened to the axis held before (the same person still open) so that bars never slide.
 */
export function timeAxis(rows, asOf, today, held = null) {
  const starts = rows.map((r) => r.from).filter(Boolean).sort();
  const earliest = starts.length > 0 && starts[0] < asOf ? starts[0] : `${Number(asOf.substring(0, 4)) - DEFAULT_YEARS}-01-01`;
  let start = dayNumber(`${earliest.substring(0, 4)}-01-01`);
  let end = dayNumber(asOf > today ? asOf : today);
  if (held) {
    start = Math.min(start, held.start);
    end = Math.max(end, held.end);
  }
  return { start, end };
}

/** Where a day falls on the axis, in per cent of its width (clamped to the axis). */
export function percentOf(axis, iso) {
  const at = (dayNumber(iso) - axis.start) / Math.max(1, axis.end - axis.start);
  return Math.min(100, Math.max(0, at * 100));
}

/** The day under a fraction (0 to 1) of the axis. */
export function dayAt(axis, fraction) {
  const clamped = Math.min(1, Math.max(0, fraction));
  return isoDay(Math.round(axis.start + clamped * (axis.end - axis.start)));
}

let controller;
let choose;
let rendering;
/** The axis drawn, and the person it was drawn for: held while that person stays open. */
let axis = null;
let axisFor = null;
/** The day the marker shows while it is dragged, before it is let go. */
let dragging = false;
/** The rows drawn (their days are where the marker snaps). */
let rowsDrawn = [];

/** The steps between the years the axis names: every year, or every 2, 5, 10, ... */
const TICK_STEPS = [1, 2, 5, 10, 20, 50, 100];

/**
 * The years the axis names, as few as keep their labels apart (width: the axis's width in pixels,
 * label: a year's label's width; with no width known, at most 12): years that are multiples of the
 * step, so that in a narrow column (meeting mode's side column) they read 2010, 2015, 2020.
 */
export function tickYears(theAxis, width = 0, label = 0) {
  const first = Number(isoDay(theAxis.start).substring(0, 4));
  const last = Number(isoDay(theAxis.end).substring(0, 4));
  const perYear = width > 0 ? (width * 365.25) / Math.max(1, theAxis.end - theAxis.start) : 0;
  const step = perYear > 0
    ? TICK_STEPS.find((s) => s * perYear >= label + 8) || TICK_STEPS[TICK_STEPS.length - 1]
    : Math.max(1, Math.ceil((last - first + 1) / 12));
  const years = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    years.push(year);
  }
  return years;
}

/**
 * Draws the axis's years as wide apart as the axis is now wide (again when its width changes), and
 * publishes the width they were spaced for (data-width).
 */
function drawTicks() {
  const box = byId('time-bar-ticks');
  if (!axis) {
    return;
  }
  const sample = el('span', { class: 'tb-tick', text: '2000' });
  box.append(sample);
  const label = sample.getBoundingClientRect().width;
  const width = box.getBoundingClientRect().width;
  clear(box).append(...tickYears(axis, width, label).map((year) => el('span', {
    class: 'tb-tick', style: `left: ${percentOf(axis, `${year}-01-01`)}%`, text: String(year) })));
  // the width the years were spaced for (whoever waits on them: a test, after the column changed)
  box.dataset.width = String(Math.round(width));
}

/** Puts the marker on a day: its place, and what the slider says. */
function showMarker(day) {
  const marker = byId('time-bar-marker');
  byId('time-bar').style.setProperty('--tb-at', `${percentOf(axis, day)}%`);
  marker.setAttribute('aria-valuemin', String(axis.start));
  marker.setAttribute('aria-valuemax', String(axis.end));
  marker.setAttribute('aria-valuenow', String(dayNumber(day)));
  marker.setAttribute('aria-valuetext', spokenDay(day));
  byId('time-bar').dataset.marker = day;
}

/** What a bar with no start says where its start would be: the start is not known, or withheld. */
export const START_NOT_SHOWN = 'start not shown';

/**
 * One row of the time bar on an axis (the element, for the tests too). A row with no start (a
 * placeholder's home whose start is withheld, or a start never recorded) is drawn from the axis
 * start, faded in, and says "start not shown": never as if it began on the axis's first day.
 */
export function timeBarRow(row, theAxis, asOf) {
  const from = row.from || isoDay(theAxis.start);
  const to = row.to || isoDay(theAxis.end);
  const left = percentOf(theAxis, from);
  const width = Math.max(0.6, percentOf(theAxis, to) - left);
  const current = (!row.from || row.from <= asOf) && (!row.to || row.to >= asOf);
  const classes = ['tb-bar', row.kind, current ? 'current' : 'historic', row.from ? '' : 'open-start',
    row.to ? '' : 'ongoing'].filter(Boolean).join(' ');
  const when = `${row.from ? spokenDay(row.from) : START_NOT_SHOWN} to ${row.to ? spokenDay(row.to) : 'now'}`;
  return el('li', { class: 'tb-row', 'data-key': row.key },
    el('span', { class: 'tb-label', title: `${row.who}: ${row.what}` },
      el('span', { class: 'tb-who', text: row.who }), ' ', el('span', { class: 'tb-what', text: row.what })),
    el('div', { class: 'tb-track' },
      el('span', { class: classes, style: `left: ${left}%; width: ${width}%`, title: when,
        'data-from': row.from || '', 'data-to': row.to || '' },
        el('span', { class: 'visually-hidden', text: `, ${when}${current ? ', on the as-of day' : ''}` }))));
}

/** Draws the time bar for what the graph shows now (after every render of the graph). */
export function drawTimeBar() {
  return rendering.run(async () => {
    const section = byId('time-bar');
    const periods = state.subjectId ? controller.periods() : [];
    section.hidden = !state.subjectId;
    const rows = timeBarRows(periods);
    rowsDrawn = rows;
    const today = londonDay();
    axis = timeAxis(rows, state.asOf, today, axisFor === state.subjectId ? axis : null);
    axisFor = state.subjectId;
    section.dataset.start = isoDay(axis.start);
    section.dataset.end = isoDay(axis.end);
    section.dataset.bars = String(rows.length);
    drawTicks();
    const list = clear(byId('time-bar-rows'));
    if (rows.length === 0) {
      list.append(el('li', { class: 'empty', text: 'No homes or partnerships in the graph on this day.' }));
    } else {
      list.append(...rows.map((row) => timeBarRow(row, axis, state.asOf)));
    }
    if (!dragging) {
      showMarker(state.asOf);
    }
    // the bar, shown or grown, takes height from the graph's box: whoever falls out of it is brought
    // back into view (new-user check 50: a person opened from a link drew half the family under it)
    controller.boxChanged();
    rendering.shows(state.asOf);
  });
}

/** Lets the marker go on a day: the page moves there (the layout held) unless it is there already. */
function commit(day) {
  showMarker(day);
  if (day !== state.asOf) {
    choose(day);
  }
}

/** How near (pixels) the pointer must come to the start or end of a bar to take its very day. */
const SNAP_PX = 6;

/**
 * The day under the pointer: the start or end of a bar within SNAP_PX of it (a move, a partnership
 * ending: the day itself, however many days a pixel spans in a narrow column), else the day the
 * pixel stands for.
 */
function dayUnder(event) {
  const box = byId('time-bar-axis').getBoundingClientRect();
  const day = dayAt(axis, (event.clientX - box.left) / box.width);
  return snapDay(axis, day, rowsDrawn.flatMap((r) => [r.from, r.to]).filter(Boolean), (SNAP_PX / box.width) * (axis.end - axis.start));
}

/** The event day nearest a day, if within reach (days), else the day itself. Pure, for the tests. */
export function snapDay(theAxis, day, events, reach) {
  const at = dayNumber(day);
  const near = events.filter((e) => e >= isoDay(theAxis.start) && e <= isoDay(theAxis.end))
    .map((e) => ({ e, off: Math.abs(dayNumber(e) - at) })).filter((x) => x.off <= reach)
    .sort((a, b) => a.off - b.off || a.e.localeCompare(b.e));
  return near.length > 0 ? near[0].e : day;
}

function wirePointer() {
  const body = byId('time-bar-body');
  body.addEventListener('pointerdown', (e) => {
    if (!axis || e.button !== 0 || !e.target.closest('.tb-track')) {
      return;
    }
    e.preventDefault();
    dragging = true;
    body.setPointerCapture(e.pointerId);
    byId('time-bar-marker').focus();
    showMarker(dayUnder(e));
  });
  body.addEventListener('pointermove', (e) => {
    if (dragging) {
      const day = dayUnder(e);
      showMarker(day);
      byId('asof-date').value = day;
    }
  });
  const end = (e) => {
    if (!dragging) {
      return;
    }
    dragging = false;
    body.releasePointerCapture(e.pointerId);
    commit(dayUnder(e));
  };
  body.addEventListener('pointerup', end);
  body.addEventListener('pointercancel', (e) => {
    dragging = false;
    body.releasePointerCapture(e.pointerId);
    showMarker(state.asOf);
  });
}

const KEYS = {
  ArrowRight: (day) => addMonths(day, 1),
  ArrowUp: (day) => addMonths(day, 1),
  ArrowLeft: (day) => addMonths(day, -1),
  ArrowDown: (day) => addMonths(day, -1),
  PageUp: (day) => addMonths(day, 12),
  PageDown: (day) => addMonths(day, -12),
  Home: () => isoDay(axis.start),
  End: () => isoDay(axis.end),
};

function wireKeys() {
  byId('time-bar-marker').addEventListener('keydown', (e) => {
    if (!axis || !KEYS[e.key]) {
      return;
    }
    e.preventDefault();
    const from = byId('time-bar').dataset.marker || state.asOf;
    const day = isoDay(Math.min(axis.end, Math.max(axis.start, dayNumber(KEYS[e.key](from)))));
    commit(day);
  });
}

/**
 * @param theController the graph's controller (its periods())
 * @param chooseDay what moves the page to another as-of day (asof.js's chooseAsOf)
 */
export function wireTimeBar(theController, chooseDay) {
  controller = theController;
  choose = chooseDay;
  rendering = new Rendering(byId('time-bar')).followsTheDay();
  wirePointer();
  wireKeys();
  // drawn again whenever the graph ends a render (a person opened, a new day, an expansion, undo)
  new MutationObserver(() => {
    if (byId('cy').dataset.state !== 'loading') {
      drawTimeBar();
    }
  }).observe(byId('cy'), { attributes: true, attributeFilter: ['data-render'] });
  // the years as far apart as the axis's width needs: shown (meeting mode's legend and time bar),
  // the panel widened, the window resized
  let drawnWidth = null;
  new ResizeObserver(() => {
    const width = byId('time-bar-ticks').getBoundingClientRect().width;
    if (width !== drawnWidth) {
      drawnWidth = width;
      drawTicks();
    }
  }).observe(byId('time-bar-ticks'));
}
