// Meeting mode's own tools: the Changes panel (familyChanges since the previous meeting about these
// children, or a chosen day, newest last, the people highlighted on the graph), Then and now (beside
// the live graph, what changed since the previous meeting and what its snapshot's network lacked or
// had, those new marked on the graph), the meeting recorded live (attendance, decision and reason, actions, next meeting) and
// the meeting pack. Each part publishes its render state (publish.js) for anyone waiting on it.

import {
  agencyName, agencyType, formDefaults, loadAgencies, loadFormDefaults, loadedAgencies,
} from './agencies.js';
import { SESSION_ENDED_KEPT, graphql, keepWords, me, sessionEnded, stillSignedIn } from './api.js';
import {
  CHILDREN_EXPOSED, FAMILY_CHANGES, MEETINGS_ABOUT, MEETING_RECORD, MEETING_SNAPSHOT, NETWORK, RECORD_MEETING, TAKE_SNAPSHOT,
} from './queries.js';
import { addDays, addMonths, spokenDay } from './days.js';
import { byId, clear, el, fullName, unbrokenDays } from './dom.js';
import { fieldError, fieldErrors, fieldOk, fieldsOk } from './fields.js';
import { focusLost, guarded, say, shownMessage } from './message.js';
import { Latest, Rendering } from './publish.js';
import { londonDay, state } from './state.js';
import { inSentence, words } from './words.js';
import { SEVERITIES, knownFlags } from './flags.js';
import { ANOTHER_USER, SESSION_ENDED, sayKept } from './drafts.js';
import { renderNetworkFlags } from './panels.js';
import { redraw } from './selection.js';
import { HIDDEN, isPlaceholder } from './placeholders.js';

const DECISIONS = ['SECTION_47_ENQUIRY', 'INITIAL_CHILD_PROTECTION_CONFERENCE', 'CHILD_PROTECTION_PLAN',
  'CHILD_IN_NEED', 'EARLY_HELP', 'NO_FURTHER_ACTION', 'OTHER'];

const MEETING_WORDS = {
  STRATEGY: 'strategy meeting', ICPC: 'initial child protection conference', REVIEW_CPC: 'review conference',
  CORE_GROUP: 'core group', MAPPA: 'MAPPA meeting',
};

let controller;
let changesRendering;
let thenRendering;
let recordRendering;
const changeLoads = new Latest();
/** Then and now draws the answers of the last day and child it was asked for, never an earlier one's. */
const thenLoads = new Latest();
/** The as-of day Then and now shows (or is loading), or null. */
let thenDay = null;

/** What the meeting room knows: the meetings about the child and the one recorded here, if any. */
/**
 * What meeting mode holds: the meetings of the open child, the meeting recorded here (for the pack),
 * the changes, and the child the record form was opened for (its people and its meeting's id are
 * that child's, whoever is opened while it is filled in).
 */
// formFor: whom the meeting's form is for; folded: the form, written and not cancelled, folded away
// while Then and now is read (it opens in the same column)
const room = { meetings: [], recorded: null, changes: [], formFor: null, folded: false };

function personKeys(people) {
  return people.filter((p) => p.kind === 'PERSON').map((p) => `Person:${p.id}`).filter((k) => controller.has(k));
}

/** The meeting before the as-of day to compare with: the last held, not the one recorded here. */
function previousMeeting(meetings) {
  return meetings.find((m) => m.id !== (room.recorded && room.recorded.id)) || null;
}

/** The meetings about the child held before the day, newest first (a meeting of the day itself has no changes since). */
async function meetingsBefore(personId, asOf) {
  const about = await graphql(MEETINGS_ABOUT, { personId, asOf });
  return about.meetingsAbout.filter((m) => m.heldOn < asOf);
}

/** The day three months before the as-of day: where the changes start when no meeting was held before it. */
function monthsBack() {
  return addMonths(state.asOf, -3);
}

/**
 * The day the changes start: the chosen day (no later than the as-of day); else the day after the
 * chosen (or previous) meeting, whose own decisions the chair already knows; else 3 months back.
 */
function sinceDay() {
  const chosen = byId('changes-since').value;
  if (chosen === 'day') {
    const day = byId('changes-since-date').value || monthsBack();
    return day > state.asOf ? state.asOf : day;
  }
  const meeting = room.meetings.find((m) => m.id === chosen);
  if (meeting) {
    const day = addDays(meeting.heldOn, 1);
    return day > state.asOf ? state.asOf : day;
  }
  return monthsBack();
}

/**
 * The starts offered: the meetings held before the as-of day, 3 months back, a chosen day (no
 * later than the as-of day). The choice is kept while it is still offered; else the previous meeting,
 * else 3 months back.
 */
function renderSinceOptions() {
  const select = byId('changes-since');
  const before = select.value;
  clear(select);
  room.meetings.forEach((m) => select.append(el('option', { value: m.id,
    text: `the ${MEETING_WORDS[m.kind] || words(m.kind)} of ${m.heldOn}` })));
  select.append(el('option', { value: 'months', text: '3 months before the day' }));
  select.append(el('option', { value: 'day', text: 'a chosen day' }));
  const previous = previousMeeting(room.meetings);
  // the chair's own choice is kept while it is offered; a start the page chose follows the day
  const kept = chosenByChair && [...select.options].some((o) => o.value === before);
  select.value = kept ? before : previous ? previous.id : 'months';
  const date = byId('changes-since-date');
  date.max = state.asOf;
  date.hidden = select.value !== 'day';
}

/** Whether the chair chose the start (kept while offered), or the page did (it follows the as-of day). */
let chosenByChair = false;

/** The warning about a refused day, said once the changes from the as-of day are shown. */
let refused = null;

/** A chosen day after the as-of day is refused: the day moves back to the as-of day, with a warning. */
function clampChosenDay() {
  const date = byId('changes-since-date');
  if (byId('changes-since').value === 'day' && date.value && date.value > state.asOf) {
    refused = `Changes can start no later than the as-of day: ${date.value} is after ${state.asOf}, `
      + `so they start on ${state.asOf}.`;
    date.value = state.asOf;
  }
}

let changesKey = null;

function currentChangesKey() {
  return [state.subjectId, state.asOf, byId('changes-since').value, byId('changes-since-date').value].join('|');
}

/**
 * Loads the Changes panel unless it already shows (or is loading) this child, day and start; answers
 * when it is drawn (at once when there was nothing to load).
 */
export function refreshChanges() {
  let loaded = Promise.resolve();
  if (currentChangesKey() !== changesKey) {
    changesKey = currentChangesKey();
    loaded = loadChanges();
  }
  // Then and now, open, follows the day too
  if (!byId('then-now').hidden && thenDay !== `${state.subjectId}|${state.asOf}`) {
    guarded(() => thenRendering.run(drawThenAndNow));
  }
  return loaded;
}

async function loadChanges() {
  if (!state.meeting || !state.subjectId) {
    return;
  }
  const current = changeLoads.next();
  clampChosenDay();
  const asOf = state.asOf;
  const loaded = await guarded(() => changesRendering.run(async () => {
    const meetings = await meetingsBefore(state.subjectId, asOf);
    if (!current()) {
      return true;
    }
    // only the meetings held before the as-of day: the changes start the day after and cannot start
    // after it (a meeting of the as-of day itself has no changes since)
    room.meetings = meetings;
    renderSinceOptions();
    changesKey = currentChangesKey();
    const since = sinceDay();
    const data = await graphql(FAMILY_CHANGES, { personId: state.subjectId, since, asOf });
    if (!current()) {
      return true;
    }
    room.changes = data.familyChanges;
    const list = clear(byId('changes-list'));
    const select = byId('changes-since');
    const meeting = room.meetings.some((m) => m.id === select.value) ? ` since ${select.options[select.selectedIndex].text},` : '';
    // whose family (walk 62: beside a matrix that follows the person selected, "this family" named nobody)
    const whose = ` in ${subjectName()}’s family`;
    byId('changes-heading').textContent = room.changes.length === 0
      ? `No changes${whose}${meeting} from ${since} to ${state.asOf}`
      : `Changes${whose}${meeting} from ${since} to ${state.asOf}: ${room.changes.length}`;
    // newest first, the risk flags raised and then those cleared before them (walk 65: oldest first, the
    // urgent referral that called the meeting, and the HIGH flag, lay 524 and 688 px down the list)
    newestFirst(room.changes).forEach((c) => {
      const keys = personKeys(c.people);
      list.append(el('li', {}, el('button', { type: 'button', class: `change change-${c.kind}`, 'aria-pressed': 'false',
        onclick: (e) => highlightChange(e.currentTarget, keys) }, ...changeLine(c))));
    });
    if (room.changes.length === 0) {
      list.append(el('li', { class: 'meta', text: 'Nothing recorded changed in this family in these days.' }));
    }
    // the family stays in full view until the chair chooses a change
    clearHighlight();
    changesRendering.shows(asOf);
    return true;
  }));
  if (loaded && refused && current()) {
    say(refused, 'warning');
    refused = null;
  }
  if (!loaded && current()) {
    // the heading never names changes the list does not show
    room.changes = [];
    clear(byId('changes-list'));
    byId('changes-heading').textContent = `Changes to ${state.asOf}: not loaded`;
    changesKey = null;
  }
}

/** Brings the people of the chosen change forward on the graph (the rest fades) until cleared. */
function highlightChange(button, keys) {
  document.querySelectorAll('#changes-list button.change').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
  controller.highlight(keys);
  byId('changes-clear').hidden = false;
}

/**
 * Brings people forward on the graph (the rest fades) until cleared, as a change does: the family's
 * overdue action chosen (work-queues.js); Clear highlight, a background click or leaving meeting
 * mode clears it.
 */
export function highlightPeople(keys) {
  highlightChange(null, keys);
}

/** The whole family in full view again. */
function clearHighlight() {
  document.querySelectorAll('#changes-list button.change').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  controller.highlight([]);
  byId('changes-clear').hidden = true;
}

/** Compares two networks by people and by relationships (type, ends, kind, start): what came and went. */
function compare(then, now) {
  const people = (n) => new Map(n.nodes.filter((x) => x.kind === 'PERSON' || x.kind === 'RESTRICTED_PERSON')
    .map((x) => [x.key, x]));
  const label = (n, key) => (n.nodes.find((x) => x.key === key) || { label: key }).label;
  const relation = (n) => new Map(n.edges.filter((e) => e.type !== 'WORKS_FOR')
    .map((e) => [`${e.type}|${e.source}|${e.target}|${e.kind || ''}|${e.from || ''}|${e.to || ''}`, e]));
  const [p0, p1, r0, r1] = [people(then), people(now), relation(then), relation(now)];
  return {
    addedPeople: [...p1.keys()].filter((k) => !p0.has(k)),
    removedPeople: [...p0.keys()].filter((k) => !p1.has(k)),
    addedRelations: [...r1.entries()].filter(([k]) => !r0.has(k)).map(([, e]) => e),
    removedRelations: [...r0.entries()].filter(([k]) => !r1.has(k)).map(([, e]) => e),
    describe: (n, e) => `${words(e.type)}${e.kind ? ` (${words(e.kind)})` : ''}: ${label(n, e.source)} – ${label(n, e.target)}`,
    labelOf: label,
  };
}

/**
 * Then and now, in the side column beside the live graph (never a second, smaller graph above it,
 * which shrank the family's names to 12 px): what the records say changed in the family from the day
 * after the previous meeting to the as-of day (familyChanges: who joined and who left, partnerships,
 * flags raised and cleared), then what its snapshot's network lacks or had that the live one has not.
 * The live graph keeps its box, and marks those new since then.
 */
/**
 * Opens or folds meeting mode's legend and time bar (the "Legend and time bar" button, and on a short
 * screen "Whole key", which opens the whole key with them). They lie over the panels' column (app.css):
 * Then and now and the meeting's form, which open there, fold them.
 */
export function showKeys(open) {
  document.body.classList.toggle('meeting-keys', open);
  // the meeting's form under the key is out of the keyboard's reach until the key is folded (walk 55:
  // Tab went into fields the key covered)
  byId('record-meeting').inert = open;
  byId('meeting-keys').setAttribute('aria-pressed', String(open));
  byId('meeting-key-more').setAttribute('aria-pressed', String(open));
}

async function openThenAndNow() {
  showKeys(false);
  const form = byId('record-meeting');
  const folding = !form.hidden;
  if (folding) {
    // the form lies over the column Then and now opens in (walk 55: Then and now opened behind it, and
    // nothing seemed to happen): it is folded as it is written, and Record this meeting shows it again
    form.hidden = true;
    room.folded = true;
  }
  const section = byId('then-now');
  section.hidden = false;
  await guarded(() => thenRendering.run(drawThenAndNow));
  if (folding && room.folded && !shownMessage()) {
    // said once Then and now is drawn, so that its loading does not wipe it, unless something else was
    // said meanwhile (review 74: a refusal of the save, replaced by this)
    say('The meeting\'s form is folded as it is written: "Record this meeting" shows it again.', 'info');
  }
  if (byId('record-meeting').hidden) {
    // (the form, opened again while Then and now loaded, keeps the keyboard: review 70)
    byId('then-now-heading').focus();
  }
}

/** The order and sign of each kind of change in Then and now: who joined, who left, flags, the rest. */
const THEN_NOW_SIGNS = [
  ['BORN', 'Joined:'], ['JOINED_HOUSEHOLD', 'Joined:'], ['PARTNERSHIP_STARTED', 'Joined:'],
  ['LEFT_HOUSEHOLD', 'Left:'], ['DIED', 'Left:'], ['PARTNERSHIP_ENDED', 'Left:'],
  ['FLAG_RAISED', 'Flag raised:'], ['FLAG_CLEARED', 'Flag cleared:'],
];

const FLAG_CHANGES = new Set(['FLAG_RAISED', 'FLAG_CLEARED']);

/**
 * The changes as the room reads them (the server's are oldest first): the flags raised over the days,
 * worst first, then those cleared, then every other change from the latest day back (review 83: merely
 * reversed, the cleared flags and the medium ones came before a HIGH flag raised).
 */
function newestFirst(changes) {
  const severity = (c) => (c.severity ? SEVERITIES.indexOf(c.severity) : SEVERITIES.length);
  const flags = (kind) => changes.filter((c) => c.kind === kind).sort((a, b) => severity(a) - severity(b));
  return [...flags('FLAG_RAISED'), ...flags('FLAG_CLEARED'), ...changes.filter((c) => !FLAG_CHANGES.has(c.kind)).reverse()];
}

/**
 * A flag raised or cleared says its own kind and days, in the API's words ("Flag raised by 2018-09-26
 * (not on 2018-06-02), high: …": familyChanges knows no day it happened, only the days compared):
 * [its kind's words, the rest], so that they are said once (walk 56: "raised by … FLAG RAISED Flag
 * raised by …"); null for any other change.
 */
function flagWords(c) {
  const said = FLAG_CHANGES.has(c.kind) ? /^(Flag (?:raised|no longer raised))(.*)$/s.exec(c.summary) : null;
  return said ? [said[1], said[2]] : null;
}

/** A change as the Changes panel says it: its day, its kind, what it says; a flag's in its own words. */
function changeLine(c) {
  const flag = flagWords(c);
  return flag ? [el('span', { class: 'change-kind', text: flag[0] }), unbrokenDays(flag[1])]
    : [el('span', { class: 'change-day', text: c.on }), ' ', el('span', { class: 'change-kind', text: words(c.kind) }), ' ',
      unbrokenDays(c.summary)];
}

function thenNowSign(kind) {
  const known = THEN_NOW_SIGNS.findIndex(([k]) => k === kind);
  const said = words(kind);
  return known >= 0 ? [known, THEN_NOW_SIGNS[known][1]]
    : [THEN_NOW_SIGNS.length, `${said.charAt(0).toUpperCase()}${said.slice(1)}:`];
}

/**
 * Draws Then and now for the child and day of the page: the meetings held before the day are read
 * for it here (the Changes panel's may still be those of the day before, loading), and an answer
 * that arrives after the day or the child changed is dropped.
 */
async function drawThenAndNow() {
  const current = thenLoads.next();
  const asOf = state.asOf;
  // the child and the day it is drawn for: another child opened on the same day draws it again
  thenDay = `${state.subjectId}|${asOf}`;
  try {
    await drawThenAndNowFor(current, asOf);
  } catch (e) {
    if (current()) {
      // not loaded: nothing of the child or day before stays up, and the next refresh tries again
      thenDay = null;
      clear(byId('then-now-list'));
      byId('then-now-heading').textContent = 'Then and now: not loaded';
    }
    throw e;
  }
}

async function drawThenAndNowFor(current, asOf) {
  const meetings = state.subjectId ? await meetingsBefore(state.subjectId, asOf) : [];
  if (!current()) {
    return;
  }
  const previous = previousMeeting(meetings) || meetings[0] || null;
  const list = clear(byId('then-now-list'));
  thenRendering.shows(asOf);
  if (!previous) {
    byId('then-now-heading').textContent = 'Then and now: no earlier meeting about this child';
    return;
  }
  if (!previous.snapshotTaken) {
    // an imported meeting: what the records say of its day can be kept now, once
    byId('then-now-heading').replaceChildren(
      ...unbrokenDays(`Then and now: the meeting of ${previous.heldOn} kept no snapshot`));
    list.append(el('li', { class: 'meta', text: 'A snapshot can be reconstructed now from the records of that day. '
      + 'It shows what the records say today about that day, not what the meeting saw, and says so wherever it is shown.' }));
    list.append(el('li', {}, el('button', { type: 'button', id: 'take-snapshot', onclick: () => takeSnapshot(previous) },
      `Reconstruct a snapshot of ${previous.heldOn} from the records`)));
    return;
  }
  const since = addDays(previous.heldOn, 1) > asOf ? asOf : addDays(previous.heldOn, 1);
  const [data, changed] = await Promise.all([graphql(MEETING_SNAPSHOT, { meetingId: previous.id }),
    graphql(FAMILY_CHANGES, { personId: state.subjectId, since, asOf })]);
  const then = data.meetingSnapshot.network;
  // now: the same children's networks, live, merged as the snapshot merged them
  const now = { nodes: [], edges: [] };
  const seen = new Set();
  for (const child of data.meetingSnapshot.children.filter((c) => c.kind === 'PERSON')) {
    const live = (await graphql(NETWORK, { personId: child.id, depth: 2, asOf, first: 500 })).network;
    live.nodes.concat(live.edges).forEach((x) => {
      if (!seen.has(x.key)) {
        seen.add(x.key);
        (x.source ? now.edges : now.nodes).push(x);
      }
    });
  }
  if (!current()) {
    return;
  }
  const diff = compare(then, now);
  byId('then-now-heading').textContent = `Then (the meeting of ${previous.heldOn}) and now (${asOf})`;
  const takenOn = londonDay(new Date(data.meetingSnapshot.takenAt));
  if (takenOn > previous.heldOn) {
    // taken after the meeting's day: what the records said of that day when it was taken
    list.append(el('li', { class: 'meta taken-later',
      // (walk 57: "what the records then said" read as what the meeting saw, which the offer to take it
      // had just said it is not)
      text: `Snapshot taken on ${takenOn}, after the meeting of ${previous.heldOn}: what the records said on ${takenOn}`
        + ` about ${previous.heldOn}, not necessarily what the meeting saw.` }));
  }
  controller.markChanges(diff.addedPeople.concat(diff.addedRelations.map((e) => e.key)), 'added', 'NEW');
  const item = (sign, text, cls) => el('li', { class: cls }, el('strong', { text: sign }), ' ', text);
  // what the records say changed, as the Changes panel says it: who joined, who left, flags, the rest
  const changes = changed.familyChanges.map((c, i) => ({ c, i, sign: thenNowSign(c.kind) }))
    .sort((a, b) => (a.sign[0] - b.sign[0]) || (a.i - b.i));
  list.append(el('li', { class: 'then-now-part', text: changes.length === 0
    ? `Nothing recorded changed in this family from ${since} to ${asOf}.`
    : `What changed from ${since} to ${asOf}: ${changes.length}` }));
  changes.forEach(({ c, sign }) => {
    const flag = flagWords(c);
    list.append(flag ? item(flag[0], flag[1].trimStart(), `family-change change-${c.kind}`)
      : item(sign[1], `${c.on}: ${c.summary}`, `family-change change-${c.kind}`));
  });
  // the networks compared: who and what the snapshot did not have, or had and the live one has not
  const compared = [
    ...diff.addedPeople.map((k) => item('Added:', diff.labelOf(now, k), 'added')),
    ...diff.removedPeople.map((k) => item('Removed:', diff.labelOf(then, k), 'removed')),
    ...diff.addedRelations.map((e) => item('Added:', diff.describe(now, e), 'added')),
    ...diff.removedRelations.map((e) => item('Removed:', diff.describe(then, e), 'removed')),
  ];
  if (compared.length > 0) {
    list.append(el('li', { class: 'then-now-part', text: 'In the network now, not then (Added), or then, not now (Removed):' }));
    list.append(...compared);
  } else if (changes.length === 0) {
    list.append(el('li', { class: 'meta', text: 'The same people and relationships as then.' }));
  }
}

async function takeSnapshot(meeting) {
  const taken = await guarded(() => graphql(TAKE_SNAPSHOT, { meetingId: meeting.id }));
  if (taken !== undefined) {
    meeting.snapshotTaken = true;
    await openThenAndNow();
  }
}

function closeThenAndNow() {
  thenLoads.next();
  thenDay = null;
  byId('then-now').hidden = true;
  controller.markChanges([], 'added', 'NEW');
}

// --- the meeting recorded live -------------------------------------------------------------------

/** The agency types rule 7 expects at every strategy meeting. */
const AT_EVERY_STRATEGY_MEETING = ['POLICE', 'HEALTH'];

/**
 * The agencies a meeting's form offers, each [id, name, expected, why], by name (new-user check 47: the
 * form offered ids, and a hard-coded four, and left out the school and probation). Expected at the table
 * (invited by default): those drawn in the graph when the form opened (drawn) and the user's own; then,
 * once read for the child and the day (agencies.js formDefaults; review 84), the agencies that referred
 * the child in the last 30 days and those involved with the child's household, each saying why when it
 * is not drawn (walk 67: on 2018-06-02 Sara's form left out health and the probation service working
 * with the offender in her home); the partnership's one agency of a kind the gap rules find missing, or
 * of police or health (rule 7 wants both at a strategy meeting), when none of that kind is expected.
 * Then every other agency of the partnership, not invited unless the chair ticks it: one of a wanted kind
 * that has several says so (the chair chooses), and so does an agency managing an offender, which the
 * chair invites or not (review 85: who attended is told to those the meeting's chronology reaches).
 */
function agencyOptions(child = state.subjectId, day = state.asOf, drawn = controller.agencies(),
  childName = controller.personName(child) || 'this child') {
  const offered = new Map();
  const offer = (id, name, expected, why) => {
    if (!offered.has(id)) {
      offered.set(id, [id, agencyName(id) || name || id, expected, why]);
    }
  };
  // every row invited by default says why (walk 68: those drawn said nothing)
  drawn.forEach((a) => offer(a.id, a.name, true, 'in the network drawn'));
  if (state.user && state.user.agency) {
    offer(state.user.agency, null, true, 'your agency');
  }
  const known = formDefaults(child, day) || { referrers: [], involved: [], gaps: [] };
  known.referrers.forEach((a) => offer(a.id, a.name, true, `referred ${childName} on ${spokenDay(a.day)}`));
  known.involved.forEach((a) => {
    const why = a.people.length > 0 ? `involved with ${inSentence(a.people)}` : 'involved with the household';
    if (a.offenderManagement) {
      offer(a.id, a.name, false, `${why}; offender management: the chair decides`);
    } else {
      offer(a.id, a.name, true, why);
    }
  });
  // a kind of agency wanted at the table: by the gap rules (for the people they name), or by rule 7
  const wanted = [
    ...known.gaps.map((g) => [g.type, `the gap rules expect ${words(g.type)} for ${g.people.length > 0
      ? inSentence(g.people) : 'someone in the household'}`]),
    ...AT_EVERY_STRATEGY_MEETING.map((type) => [type, 'a strategy meeting needs police and health']),
  ];
  const loaded = loadedAgencies();
  const choose = new Map();
  wanted.forEach(([type, why]) => {
    if ([...offered.values()].some(([id, , expected]) => expected && agencyType(id) === type)) {
      return;
    }
    const ofType = loaded.filter((a) => a.type === type);
    if (ofType.length === 1 && !offered.has(ofType[0].id)) {
      offer(ofType[0].id, ofType[0].name, true, why);
    } else {
      ofType.forEach((a) => choose.set(a.id, choose.get(a.id) || `${why}: choose one`));
    }
  });
  loaded.forEach((a) => offer(a.id, a.name, false, choose.get(a.id)));
  return [...offered.values()];
}

function peopleOptions() {
  return controller.people().filter((p) => p.kind === 'PERSON');
}

function addActionRow() {
  const rows = byId('record-actions');
  const i = rows.children.length;
  // the people and agencies of the child the form was opened for, whoever is open now
  const form = room.formFor || { id: state.subjectId, people: peopleOptions(), agencies: agencyOptions() };
  const owner = el('select', { id: `action-owner-${i}`, 'aria-label': 'Owner' },
    form.agencies.map(([id, name]) => el('option', { value: id, text: name })));
  if (state.user && state.user.agency) {
    owner.value = state.user.agency;
  }
  // whom it is for, ticked as the children concerned are (walk 59: a list that took Ctrl and a click for
  // a second child, and a plain click lost the first); the child of the form first, none ticked (walk 60:
  // an action for Jack went to Sara, ticked for every new action: GOV.UK ticks nothing for the user)
  const people = [...form.people].sort((a, b) => (b.id === form.id) - (a.id === form.id));
  const forPeople = el('fieldset', { id: `action-for-${i}`, class: 'action-for', tabindex: -1 },
    el('legend', { text: 'For (one or more)' }),
    el('div', { class: 'action-for-people' }, people.map(forBox)));
  // the owner and the due day side by side: an action took 400 px of a 454 px box at 1280×720 (walk 60)
  const row = el('fieldset', { class: 'action-row' }, el('legend', { text: `Action ${i + 1}` }),
    el('label', { for: `action-description-${i}`, text: 'What' }),
    // (two lines: a sentence of the minutes was cut to its last words in a one-line box, walk 61)
    el('textarea', { id: `action-description-${i}`, rows: 2, maxlength: 500, 'aria-required': 'true' }),
    el('div', { class: 'action-pair' },
      el('div', {}, el('label', { for: `action-owner-${i}`, text: 'Owner' }), owner),
      el('div', {}, el('label', { for: `action-due-${i}`, text: 'Due' }),
        el('input', { id: `action-due-${i}`, type: 'date', required: true }))),
    forPeople);
  // an action added by mistake, or half written, goes on its own (walk 59: only discarding the whole
  // meeting took it away)
  row.append(el('button', { type: 'button', class: 'remove-action', text: `Remove action ${i + 1}`,
    onclick: () => removeActionRow(row) }));
  rows.append(row);
  // the new action's first field, in view (walk 27: the focus stayed on the button, pushed down
  // under the Save bar, and the new field lay hidden there)
  byId(`action-description-${i}`).focus();
}

/** A person the meeting is about, as a box of the form's About (the form's child ticked). */
function concernBox(p) {
  return el('label', {},
    el('input', { type: 'checkbox', class: 'concern', value: p.id, checked: p.id === state.subjectId }), ` ${p.label}`);
}

/** A person an action may be for, as a box of its For. */
function forBox(p) {
  return el('label', {}, el('input', { type: 'checkbox', class: 'action-for-person', value: p.id }), ` ${p.label}`);
}

/**
 * Offers in About and in each action's For, unticked, the children exposed through the form's child
 * whom the graph drawn does not reach (walk 70: at two hops Mia, three hops from Sara, could not be
 * named, and an assessment of her could only be recorded as for Sara). Read as the form opens; a child
 * the reader may not see is never offered (the server answers a placeholder for them). Not read, the
 * form offers those drawn, as before.
 */
async function offerChildrenExposed(forForm) {
  let data;
  try {
    data = await graphql(CHILDREN_EXPOSED, { personId: forForm.id, asOf: forForm.day });
  } catch (e) {
    return;
  }
  if (room.formFor !== forForm) {
    return;
  }
  const known = new Set(forForm.people.map((p) => p.id));
  const more = data.siblingsAtRisk.map((s) => s.child)
    .filter((c) => c.kind === 'PERSON' && !c.restricted && !known.has(c.id))
    .map((c) => ({ id: c.id, label: `${fullName(c)} (not in the graph)`, kind: 'PERSON', child: true }));
  if (more.length === 0) {
    return;
  }
  forForm.people = [...forForm.people, ...more];
  byId('record-concerns').append(...more.map(concernBox));
  byId('record-actions').querySelectorAll('.action-for-people').forEach((list) => list.append(...more.map(forBox)));
}

/** The fields of an action row, by their part of the id ("action-description-0"). */
const ACTION_PARTS = ['description', 'owner', 'for', 'due'];

/**
 * Removes an action from the form; those after it are numbered again (their ids, labels, legends and
 * buttons: the ids are what the form is read by), what was said about their fields goes (Save says it
 * again if it still holds), and the keyboard goes to the action now in its place, or Add an action.
 */
function removeActionRow(row) {
  const rows = byId('record-actions');
  const at = [...rows.children].indexOf(row);
  // (its fields' sentences and summary entries go with them; the summary hides once empty)
  fieldsOk(row);
  row.remove();
  [...rows.children].slice(at).forEach((later, k) => {
    const i = at + k;
    fieldsOk(later);
    ACTION_PARTS.forEach((part) => {
      later.querySelector(`[id^="action-${part}-"]`).id = `action-${part}-${i}`;
      const label = later.querySelector(`label[for^="action-${part}-"]`);
      if (label) {
        // (whom it is for is a group of boxes named by its legend)
        label.htmlFor = `action-${part}-${i}`;
      }
    });
    later.querySelector('legend').textContent = `Action ${i + 1}`;
    later.querySelector('.remove-action').textContent = `Remove action ${i + 1}`;
  });
  const next = rows.children[at];
  (next ? next.querySelector('textarea, input') : byId('record-add-action')).focus();
}

/** The name the graph shows for the child open, or "this child". */
function subjectName() {
  return controller.personName(state.subjectId) || 'this child';
}

/**
 * The form's attendance rows, one per agency offered: invited ticked for those expected at the table,
 * attended for the user's own; a row already there keeps the ticks the chair gave it (one the chair did
 * not touch takes the defaults as they are now: the child's referrer is known later, review 84).
 */
function fillAttendance() {
  const ticked = (cls, id) => {
    const box = document.querySelector(`#record-attendance .${cls}[data-agency="${CSS.escape(id)}"]`);
    return box && box.dataset.touched ? box.checked : null;
  };
  const kept = new Map(room.formFor.agencies.map(([id]) => [id, [ticked('att-invited', id), ticked('att-attended', id)]]));
  const attendance = clear(byId('record-attendance'));
  // each agency's two boxes a group named by the agency (walk 27: a screen reader said only "invited")
  room.formFor.agencies.forEach(([id, name, expected, why]) => {
    const [invited, attended] = kept.get(id);
    const attendedBox = el('input', { type: 'checkbox', class: 'att-attended', 'data-agency': id,
      id: `att-attended-${id}`,
      checked: attended === null ? Boolean(state.user && state.user.agency === id) : attended });
    const invitedBox = el('input', { type: 'checkbox', class: 'att-invited', 'data-agency': id,
      id: `att-invited-${id}`, checked: invited === null ? expected || attendedBox.checked : invited });
    // the chair's ticks, a row's two boxes together, are kept when the rows are filled again
    const touch = () => {
      invitedBox.dataset.touched = '1';
      attendedBox.dataset.touched = '1';
    };
    if (invited !== null) {
      touch();
    }
    // an agency that attended was invited (walk 56: "attended" without "invited" was saved as it was);
    // one no longer invited did not attend
    attendedBox.addEventListener('change', () => {
      invitedBox.checked ||= attendedBox.checked;
      touch();
    });
    invitedBox.addEventListener('change', () => {
      attendedBox.checked &&= invitedBox.checked;
      touch();
    });
    // why it is invited, said with its box (review 84: a screen reader on "invited" never heard it)
    const whyId = `att-why-${id}`;
    if (why) {
      invitedBox.setAttribute('aria-describedby', whyId);
    }
    attendance.append(el('div', { class: 'attendance-row', role: 'group', 'aria-label': name },
      el('span', { text: name }),
      why ? el('span', { class: 'why-invited', id: whyId, text: `(${why})` }) : null,
      el('label', {}, invitedBox, ' invited'),
      el('label', {}, attendedBox, ' attended')));
  });
}

/**
 * The meeting is recorded by its chair, who records every agency's attendance (DESIGN §7): a
 * practitioner may record only their own agency's, so a meeting they recorded would read as held
 * without police or health and raise rule 7's HIGH flag (review 74). Their toolbar says who records it.
 */
export function offerRecording(user) {
  const chair = Boolean(user) && ['MEETING_CHAIR', 'ADMIN'].includes(user.role);
  const button = byId('record-button');
  // offered to everyone, so that the keyboard and a screen reader reach it and hear why (review 75: a
  // note in the toolbar was passed over by Tab); only a chair's opens the form
  if (chair) {
    button.removeAttribute('aria-disabled');
    button.removeAttribute('aria-describedby');
  } else {
    button.setAttribute('aria-disabled', 'true');
    button.setAttribute('aria-describedby', 'record-by-chair');
  }
  byId('record-by-chair').hidden = chair;
}

/**
 * Whether the meeting's form holds anything the chair wrote or chose: the chair's name, a decision, a
 * reason, the next step, an action, or attendance ticked otherwise than it was offered (review 71: the
 * chair's name, no longer filled in, was emptied unasked).
 */
function written() {
  return ['record-chair', 'record-decision', 'record-reason', 'record-next'].some((id) => byId(id).value.trim() !== '')
    || byId('record-held').value !== byId('record-held').defaultValue
    || [...document.querySelectorAll('#record-actions [id^="action-description-"], #record-actions input[type="date"]')]
      .some((f) => f.value.trim() !== '')
    || [...document.querySelectorAll('#record-attendance input[type="checkbox"], #record-concerns input[type="checkbox"],'
      + ' #record-actions .action-for-person')]
      .some((box) => box.checked !== box.defaultChecked);
}

/**
 * Whether the meeting's form holds the chair's words: open, or folded for Then and now with something
 * written (review 70: Escape, taken for closing Then and now, left meeting mode and the folded form was
 * emptied). Escape then leaves neither the form nor meeting mode (main.js).
 */
export function formHeld() {
  return !byId('record-meeting').hidden || (room.folded && written());
}

const DISCARD_ASK = 'Press "Discard what is written" to close the form and lose what it holds, or go on writing.';

/**
 * Cancel is Cancel again: the next press with something written asks first; the question, answered,
 * goes from the message line (walk 59: it stayed up through the next form).
 */
function askBeforeCancel() {
  const cancel = byId('record-cancel');
  delete cancel.dataset.confirm;
  cancel.textContent = 'Cancel';
  const shown = shownMessage();
  if (shown && shown.text === DISCARD_ASK) {
    say('');
  }
}

function openRecordForm() {
  if (byId('record-button').getAttribute('aria-disabled') === 'true') {
    say(byId('record-by-chair').textContent, 'info');
    return;
  }
  showKeys(false);
  const form = byId('record-meeting');
  const held = (!form.hidden || room.folded) && room.formFor;
  if (held && (room.formFor.id === state.subjectId || written())) {
    // already open, or folded for Then and now, for this child: shown again as it is (walk 55: pressed
    // again, after the key had covered it, it emptied what the chair had written); one written about
    // another child is shown as it is too, its heading naming that child, never emptied unasked
    // (review 70: opening a sibling and pressing Record this meeting wiped it)
    form.hidden = false;
    room.folded = false;
    if (room.formFor.id !== state.subjectId) {
      say(`This form is about ${room.formFor.name}, as written: save it, or cancel it to record a meeting `
        + `about ${subjectName()}.`, 'warning');
    }
    // a problem marked while it was folded is where the keyboard goes (review 74)
    (byId('record-problems').hidden ? byId('record-held') : byId('record-problems')).focus();
    return;
  }
  form.hidden = false;
  room.folded = false;
  // (the agencies drawn and the child's name as the form opens: a refill comes later, when another person
  // or day may be drawn: review 85)
  const [drawn, day] = [controller.agencies(), state.asOf];
  room.formFor = { id: state.subjectId, name: subjectName(), people: peopleOptions(), drawn, day, read: null };
  room.formFor.agencies = agencyOptions(room.formFor.id, day, drawn, room.formFor.name);
  byId('record-heading').textContent = `Record this meeting about ${room.formFor.name}`;
  // nothing said about a form before this one, on the form or over the graph (walk 59: "Done: ... is
  // recorded" of the meeting before stood beside the new form's problems)
  fieldsOk(byId('record-form'), byId('record-problems'));
  byId('record-attendance-note').textContent = '';
  byId('record-held-note').textContent = '';
  byId('record-save').textContent = SAVE;
  room.attendanceWarned = null;
  room.duplicateAsked = null;
  say('');
  // (a session that ended before, and was not taken up again, is said on the new form too)
  if (sessionEnded()) {
    sayOnForm(SESSION_ENDED);
  } else {
    byId('record-session').hidden = true;
  }
  byId('record-held').defaultValue = state.asOf;
  byId('record-held').value = state.asOf;
  // the chair's name and role as the minutes give them, written by the chair (walk 56: the sign-in name,
  // "meeting-chair", stood there as if it were the chair's)
  byId('record-chair').value = '';
  const concerns = clear(byId('record-concerns'));
  room.formFor.people.filter((p) => p.child || p.id === state.subjectId).forEach((p) => concerns.append(concernBox(p)));
  clear(byId('record-attendance'));
  fillAttendance();
  readDefaults(room.formFor);
  offerChildrenExposed(room.formFor);
  const decision = clear(byId('record-decision'));
  decision.append(el('option', { value: '', text: '(choose one)' }));
  DECISIONS.forEach((d) => decision.append(el('option', { value: d, text: words(d) })));
  // a new form for this child: nothing of a form cancelled before, about another child perhaps (walk 54:
  // its reason was kept, and a chair's new words ran on after it)
  byId('record-reason').value = '';
  byId('record-next').value = '';
  askBeforeCancel();
  clear(byId('record-actions'));
  byId('record-held').focus();
}

/**
 * The partnership's agencies (loaded once), and what a meeting about the form's child expects on the form's
 * day (formFor.day: the page's as the form opens, then the day the chair says it was held), read each time
 * (the panels may be another person's: review 84; a referral recorded since: review 85): the rows are
 * filled again when they come, the chair's own ticks kept, and the keyboard on the box it was on. Read
 * again for a new day held and not known (review 86: a session ended, the network down), the rows stay as
 * they were, and the note says for which day they are; read, the note says so (a live region).
 */
function readDefaults(forForm) {
  const day = forForm.day;
  const again = forForm.read !== null;
  byId('record-defaults-note').textContent = '';
  recordRendering.run(async () => {
    const [agencies, defaults] = await Promise.all([loadAgencies(), loadFormDefaults(forForm.id, day)]);
    if (room.formFor !== forForm || forForm.day !== day) {
      return;
    }
    if (again && !defaults) {
      // (another change of the day held reads again)
      forForm.day = forForm.read;
      byId('record-defaults-note').textContent = `Whom to invite could not be read for a meeting held on ${day}: `
        + `the invitations are still those of ${forForm.read}; check whom to invite.`;
      return;
    }
    if (agencies) {
      forForm.agencies = agencyOptions(forForm.id, day, forForm.drawn, forForm.name);
      const focused = byId('record-attendance').contains(document.activeElement) ? document.activeElement : null;
      fillAttendance();
      const back = focused && focused.dataset.agency && document.querySelector(
        `#record-attendance .${focused.classList[0]}[data-agency="${CSS.escape(focused.dataset.agency)}"]`);
      if (back) {
        back.focus();
      }
    }
    if (!defaults) {
      byId('record-defaults-note').textContent = `Who referred ${forForm.name} and which agencies work with the `
        + 'household could not be read: check whom to invite.';
      return;
    }
    if (again) {
      byId('record-defaults-note').textContent = `Invitations read again for a meeting held on ${day}; your own `
        + 'ticks are kept.';
    }
    forForm.read = day;
  });
}

function meetingInput() {
  const held = byId('record-held').value;
  const attendance = [...document.querySelectorAll('#record-attendance .att-invited')].map((box) => ({
    agency: box.dataset.agency,
    invited: box.checked,
    attended: document.querySelector(`#record-attendance .att-attended[data-agency="${CSS.escape(box.dataset.agency)}"]`).checked,
  })).filter((a) => a.invited || a.attended);
  const child = room.formFor ? room.formFor.id : state.subjectId;
  // the explorer gives the meeting and its actions their ids
  const actions = [...byId('record-actions').children].map((row, i) => ({
    description: byId(`action-description-${i}`).value.trim(),
    owner: byId(`action-owner-${i}`).value,
    for: [...byId(`action-for-${i}`).querySelectorAll('.action-for-person:checked')].map((box) => box.value),
    dueOn: byId(`action-due-${i}`).value,
  }));
  const concerns = [...document.querySelectorAll('#record-concerns .concern:checked')].map((box) => box.value);
  const input = { heldOn: held, concerns: concerns.length > 0 ? concerns : [child], attendance, actions,
    chair: byId('record-chair').value.trim() || null };
  const decision = byId('record-decision').value;
  if (decision) {
    input.decision = decision;
    input.decisionReason = byId('record-reason').value.trim();
  }
  if (byId('record-next').value) {
    input.nextMeetingOn = byId('record-next').value;
  }
  return input;
}

/** A date field's problem: empty or not a whole day (a browser's field says '' for half a date). */
function dayProblem(field, required, what) {
  if (field.validity && field.validity.badInput) {
    return `Give ${what} as a whole date: day, month and year.`;
  }
  return required && !field.value ? `Give ${what}.` : null;
}

/**
 * What the form lacks before it can be saved, each [field, sentence] in the form's order, said beside
 * its field (walk 57: said on the message line over the graph, away from the form): the day held, the
 * decision and its reason (every strategy meeting ends in a decision, "no further action" included),
 * each action's what and due day, and a next meeting after this one.
 */
function formProblems() {
  const problems = [];
  const add = (field, sentence) => sentence && problems.push([field, sentence]);
  const held = byId('record-held');
  add(held, dayProblem(held, true, 'the day the meeting was held'));
  if (held.value && held.value > londonDay() && held.validity && !held.validity.badInput) {
    // recorded once held (walk 69: one dated the end of the month was saved; the server refuses it too)
    add(held, `${held.value} is after today: record the meeting once it has been held.`);
  }
  const decision = byId('record-decision');
  if (!decision.value) {
    add(decision, 'Choose the meeting’s decision: every strategy meeting ends in one, “no further action” included.');
  }
  // (asked for with the decision, not one Save later: walk 59)
  if (!byId('record-reason').value.trim()) {
    add(byId('record-reason'), reasonAsked(decision.value));
  }
  [...byId('record-actions').children].forEach((row, i) => {
    const description = byId(`action-description-${i}`);
    if (!description.value.trim()) {
      add(description, `Say what action ${i + 1} is.`);
    }
    const due = byId(`action-due-${i}`);
    add(due, dayProblem(due, true, `the day action ${i + 1} is due`));
    if (due.value && held.value && due.value < held.value) {
      // agreed at the meeting, it is due on or after it (walk 59: due before the meeting was accepted)
      add(due, `Action ${i + 1} is due before the meeting that agrees it, held on ${held.value}.`);
    }
    const forPeople = byId(`action-for-${i}`);
    if (!forPeople.querySelector('.action-for-person:checked')) {
      // said inside the group, under its legend (GOV.UK's checkboxes: a screen reader meets it there)
      problems.push([forPeople, `Tick whom action ${i + 1} is for.`, forPeople.querySelector('legend')]);
    }
  });
  const next = byId('record-next');
  add(next, dayProblem(next, false, 'the next meeting’s day'));
  if (next.value && held.value && next.value <= held.value) {
    add(next, `The next meeting must be after this one, held on ${held.value}.`);
  }
  return problems;
}

/** What the reason's sentence asks, in the words of the decision chosen (or of none). */
function reasonAsked(decision) {
  return decision ? `Say why the meeting decided “${words(decision)}”.` : 'Say why the meeting decided what it did.';
}

/** The API's words for the form's fields, in the form's own (a refusal said beside its field). */
const FIELD_WORDS = [['heldOn', 'the day held'], ['nextMeetingOn', 'the next meeting'],
  ['decisionReason', 'a reason'], ['dueOn', 'the due day']];

/**
 * The field of the form a refusal of the server names (BAD_REQUEST's argument, "meeting.decisionReason"
 * or "meeting.actions[0].dueOn"), as [field, the element its sentence goes after], or null when it
 * names none of them.
 */
function fieldOfArgument(argument, input) {
  const match = /^meeting\.(?:(actions|attendance)\[(\d+)\]\.)?(\w+)$/.exec(argument || '');
  if (!match) {
    return null;
  }
  const [, list, index, name] = match;
  let field = null;
  if (list === 'actions') {
    const ids = { description: 'description', owner: 'owner', for: 'for', dueOn: 'due' };
    field = ids[name] ? byId(`action-${ids[name]}-${index}`) : null;
  } else if (list === 'attendance') {
    // (the attendance sent is the rows ticked, so its index is not the row's: the agency says which)
    const sent = input.attendance[Number(index)];
    field = sent ? byId(`att-invited-${sent.agency}`) : null;
    // said under the agency's row, never inside its grid
    return field ? [field, field.closest('.attendance-row')] : null;
  } else {
    const ids = { heldOn: 'record-held', chair: 'record-chair', decision: 'record-decision',
      decisionReason: 'record-reason', nextMeetingOn: 'record-next' };
    field = ids[name] ? byId(ids[name]) : null;
  }
  return field ? [field, field] : null;
}

/** The server's reason in the form's words, as a sentence. */
function reasonInWords(reason) {
  const text = FIELD_WORDS.reduce((t, [api, form]) => t.replaceAll(api, form), reason || 'is not accepted');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

/**
 * A refusal of the server that names a field of the form the meeting was saved from, said beside the
 * field and in the form's summary; answers false when it cannot be (no such field, or another form
 * since, or the form cancelled): the caller says it on the message line. The keyboard goes to the summary only from Save or
 * from nowhere, never from a field the chair has gone on to write in.
 */
function sayRefusal(e, input, form) {
  // (a form cancelled since is nobody's: the refusal goes to the message line)
  const held = !byId('record-meeting').hidden || room.folded;
  const found = e.argument && held && room.formFor === form ? fieldOfArgument(e.argument, input) : null;
  if (!found) {
    return false;
  }
  const [field, after] = found;
  const active = document.activeElement;
  const keyboardFree = !active || active === document.body || active === byId('record-save');
  const folded = byId('record-meeting').hidden;
  const reason = reasonInWords(e.reason);
  fieldErrors(byId('record-form'), [[field, reason, after]], byId('record-problems'), keyboardFree && !folded);
  if (folded) {
    // folded for Then and now, or with meeting mode left: said on the message line too, the form kept
    say(`The meeting was not saved: ${reason} "Record this meeting" shows the form with the problem marked.`,
      'error');
  } else if (!keyboardFree) {
    // the chair writes on lower down: the summary at the form's top may be out of sight (review 74)
    say(`The meeting was not saved: ${reason} It is listed at the top of the form.`, 'error');
  }
  return true;
}

async function recordMeeting(event) {
  event.preventDefault();
  const save = byId('record-save');
  if (save.disabled) {
    // saving already: a second click (a save takes a second or two) would record the meeting twice
    return;
  }
  // with the session ended the fields are out of sight: what they lack is said once the writer is signed in
  // again and they are shown, not inside a hidden form
  const ended = sessionEnded();
  if (!ended && fieldErrors(byId('record-form'), formProblems(), byId('record-problems'))) {
    return;
  }
  const input = meetingInput();
  const form = room.formFor;
  save.disabled = true;
  save.textContent = 'Saving…';
  // (what is being saved is not cancelled, nor its actions added or removed: review 74, a save that came
  // back after Cancel closed the next form; review 75, a refusal of action 2 said beside another)
  holdActions(true);
  try {
    if (sessionEnded() && !await sameUserSignedIn()) {
      return;
    }
    if (ended) {
      // the writer is signed in again: the family and the fields are shown (review 80: me() is no request of
      // the page's, so nothing had shown them, and what the fields lacked was said inside the hidden form)
      sessionGoesOn();
      if (fieldErrors(byId('record-form'), formProblems(), byId('record-problems'))) {
        return;
      }
    }
    // the agencies' types say who attended for rule 7 (loaded when the form opened, but maybe not yet)
    await loadAgencies();
    if (!sayMissingAttendance(input)) {
      return;
    }
    if (!await sayAlreadyRecorded(input, form)) {
      return;
    }
    await guarded(() => recordRendering.run(async () => {
      try {
        await saveMeeting(input, form);
      } catch (e) {
        // a refusal that names a field of the form is said beside it
        if (!sayRefusal(e, input, form)) {
          throw e;
        }
      }
    }));
  } finally {
    save.disabled = false;
    if (focusLost() && !byId('record-session').hidden) {
      // (Save, disabled while saving, gave the keyboard to the page: walk 60) the way to save it
      byId('record-sign-in').focus();
    }
    // Save says what it now does: after rule 7's question, it records the meeting with its flag (walk 59:
    // the question was easy to miss, and Save read as before)
    save.textContent = byId('record-attendance-note').textContent ? SAVE_AS_IT_IS : SAVE;
    holdActions(false);
  }
}

/** The user the page is for, who wrote the form ('' before anyone is signed in). */
function pageUser() {
  return state.user ? state.user.username : '';
}

/**
 * The session ended (or another user signed in, in another tab) while the form held the chair's words:
 * the form says how to save them, and the family's graph and panels are hidden meanwhile (a shared
 * screen in a meeting room: review 76, the page stayed on the family with nobody signed in), and so
 * are the form's fields, the children's names and the reason among them (app.css); Save and Cancel stay.
 */
function sessionEndedWithWords(anotherUser) {
  // (the keyboard in a field now out of sight goes to the way to sign in again: review 80)
  const inFields = byId('record-fields').contains(document.activeElement);
  document.body.classList.add('session-ended');
  if (inFields) {
    queueMicrotask(() => {
      const link = byId('record-sign-in');
      (link || byId('record-save')).focus();
    });
  }
  if (!anotherUser) {
    sayOnForm(SESSION_ENDED);
    return;
  }
  const writer = pageUser();
  sayOnForm(ANOTHER_USER, `sign in again as ${writer} in a new tab`);
  // then by name, as Save says it (whichever request met them first)
  me().then((now) => {
    if (sessionEnded() && now.username !== writer) {
      sayAnotherUser(now.username);
    }
  }).catch(() => {});
}

/** The form names who is signed in now, in place of the user who wrote the meeting. */
function sayAnotherUser(name) {
  const writer = pageUser();
  const shown = shownMessage();
  if (shown && shown.text === SESSION_ENDED_KEPT) {
    // the message line says no different (walk 60: "Your session has ended" there, another user named here)
    say('');
  }
  sayOnForm(`You are signed in as ${name} now, and this meeting was written by ${writer}: nothing is saved yet, `
    + `and it can be saved in ${writer}’s name only. Sign out in the other tab, then`, `sign in as ${writer} in a new tab`);
}

/** A request of the page passed again (its user signed in again): the note goes, the family is shown again. */
function sessionGoesOn() {
  byId('record-session').hidden = true;
  document.body.classList.remove('session-ended');
  const shown = shownMessage();
  if (shown && shown.text === SESSION_ENDED_KEPT) {
    // (the message line no longer says the session has ended: walk 63, it stayed until the next Save)
    say('');
  }
}

/**
 * Says above Save that the session has ended (or that someone else is signed in now), with a link that
 * signs in again in a new tab, so that the words stay here to be saved.
 */
function sayOnForm(text, link = 'sign in again in a new tab') {
  sayKept(byId('record-session'), text, { button: 'Save', link, id: 'record-sign-in' });
}

/**
 * Before a meeting is saved after the session ended: whoever is signed in now (in the new tab) must be
 * the user who wrote it, and the form says so by name otherwise (the server refuses the page's save in
 * anyone else's name all the same: ReaderCheckFilter). Answers whether to save.
 */
async function sameUserSignedIn() {
  let now;
  try {
    now = await me();
  } catch (e) {
    // (still nobody: the form said so again)
    say(e.message, 'error');
    return false;
  }
  if (now.username !== pageUser()) {
    sayAnotherUser(now.username);
    return false;
  }
  return true;
}

/** The chair's typing, at most every five minutes: the session goes on while the meeting is written. */
const KEEP_ALIVE_MS = 5 * 60_000;
let lastKeptAlive = Date.now();

function stillWriting() {
  if (Date.now() - lastKeptAlive < KEEP_ALIVE_MS || sessionEnded()) {
    return;
  }
  lastKeptAlive = Date.now();
  // (a session that ended, or another user signed in, is said on the form: sessionEndedWithWords)
  stillSignedIn().catch(() => {});
}

/** While a meeting is saved, its form's Cancel, Add an action and each Remove wait. */
function holdActions(saving) {
  byId('record-cancel').disabled = saving;
  byId('record-add-action').disabled = saving;
  document.querySelectorAll('#record-actions .remove-action').forEach((b) => { b.disabled = saving; });
}

/** Police and health, as the words of rule 7, that no agency ticked as attended in the input is of. */
function missingAtTable(input) {
  const attended = new Set(input.attendance.filter((a) => a.attended).map((a) => agencyType(a.agency)));
  return AT_EVERY_STRATEGY_MEETING.filter((type) => !attended.has(type)).map((type) => words(type));
}

/** What Save says: what it does once rule 7's question was asked for the ticks as they are. */
const SAVE = 'Save the meeting';
const SAVE_AS_IT_IS = 'Save as it is (raises rule 7’s flag)';

/**
 * Before a meeting that no police or no health agency attended is saved, says once, beside the
 * attendance, that it will raise rule 7's flag (new-user check 50: the form's own default attendance,
 * every agency invited and the chair's own attended, raised a HIGH flag unannounced). Answers whether
 * to save now: a second Save with the same attendance records it as it is.
 */
function sayMissingAttendance(input) {
  const missing = missingAtTable(input);
  // the warning holds for this meeting only: its children, day and attendance
  const asked = JSON.stringify([room.formFor ? room.formFor.id : state.subjectId, input.heldOn, input.concerns,
    input.attendance]);
  if (missing.length === 0 || loadedAgencies().length === 0 || room.attendanceWarned === asked) {
    return true;
  }
  room.attendanceWarned = asked;
  const note = byId('record-attendance-note');
  note.textContent = `No ${missing.join(' or ')} agency is ticked as attended, so this meeting will raise a risk `
    + 'flag (rule 7: a strategy meeting without police or health). Tick who attended, or choose '
    + `“${SAVE_AS_IT_IS}” to record it as it is.`;
  note.scrollIntoView({ block: 'nearest' });
  return false;
}

/**
 * Before a strategy meeting is saved for a child and day that already have one recorded, says so once
 * beside the day held (walk 61: three meetings about Sara on one day were saved without a word, easy
 * after a session's end or a second tab); a second Save records it all the same. Answers whether to save.
 */
async function sayAlreadyRecorded(input, form) {
  // every child the meeting is about (review 78: a second meeting about Sara from Jack's form passed)
  const children = input.concerns;
  const asked = JSON.stringify([children, input.heldOn]);
  if (room.duplicateAsked === asked) {
    return true;
  }
  const heldAbout = [];
  for (const child of children) {
    const about = await guarded(() => graphql(MEETINGS_ABOUT, { personId: child, asOf: input.heldOn }));
    if (!about) {
      // (not read: the message line says why, and nothing is saved)
      return false;
    }
    if (about.meetingsAbout.some((m) => m.kind === 'STRATEGY' && m.heldOn === input.heldOn)) {
      heldAbout.push(child);
    }
  }
  if (heldAbout.length === 0) {
    return true;
  }
  room.duplicateAsked = asked;
  const people = form ? form.people : peopleOptions();
  const names = heldAbout.map((id) => (people.find((p) => p.id === id) || { label: 'this child' }).label);
  const note = byId('record-held-note');
  note.textContent = `A strategy meeting about ${names.join(' and ')} held on ${input.heldOn} is already recorded: `
    + 'press Save again to record another one.';
  note.scrollIntoView({ block: 'nearest' });
  return false;
}

/** Records the meeting, then reads again what it changed (the changes, Then and now). */
async function saveMeeting(input, form) {
  const data = await graphql(RECORD_MEETING, { meeting: input });
  room.recorded = { ...input, id: data.recordStrategyMeeting.id };
  if (room.formFor === form) {
    // (Save, disabled while saving, gave the keyboard back to the page: from nowhere it goes there too)
    const active = document.activeElement;
    const focused = !active || active === document.body || byId('record-meeting').contains(active);
    room.formFor = null;
    room.folded = false;
    byId('record-meeting').hidden = true;
    byId('record-attendance-note').textContent = '';
    if (focused) {
      // the keyboard back on the button that opened the form, not lost with it (walk 59)
      byId('record-button').focus();
    }
  }
  // the chronology, the flags and the badges say what the meeting changed (new-user check 50: they
  // stayed as before until a reload)
  await redraw();
  await loadChanges();
  if (!byId('then-now').hidden) {
    // drawn again with what the meeting changed, still against the meeting before it (previousMeeting
    // leaves out the one just recorded: it is what the next meeting compares with)
    await thenRendering.run(drawThenAndNow);
  }
  // said last: reading the changes again clears the message line first (guarded)
  // (what attended is known once the agencies' types are: review 75)
  const missing = loadedAgencies().length > 0 ? missingAtTable(input) : [];
  say(`The meeting of ${input.heldOn} is recorded; what it saw is kept as its snapshot.${missing.length > 0
    ? ` No ${missing.join(' or ')} agency is recorded as attended: rule 7 flags a strategy meeting without them.`
    : ''}`, 'success');
}

// --- the pack ------------------------------------------------------------------------------------

/**
 * The meeting the pack is for, as it reads on paper: the one recorded here when it was about the
 * child now open (another child opened since prints its own pack, never the first child's decision
 * under the second child's name), else the child's last meeting as its snapshot kept it (new-user
 * check 50: a meeting recorded before a reload printed as "No meeting recorded"), else null.
 */
async function packMeeting(subjectId, people, last) {
  const agencies = new Map(agencyOptions());
  const agency = (id) => agencies.get(id) || id;
  const recorded = room.recorded && room.recorded.concerns.includes(subjectId) ? room.recorded : null;
  if (recorded) {
    return {
      what: `strategy meeting of ${recorded.heldOn}`,
      chair: recorded.chair,
      attendance: recorded.attendance.map((a) => ({ name: agency(a.agency), attended: a.attended })),
      decision: recorded.decision,
      decisionReason: recorded.decisionReason,
      actions: recorded.actions.map((a) => ({ description: a.description, owner: agency(a.owner),
        for: a.for.map((id) => people.get(id) || id), dueOn: a.dueOn })),
      nextMeetingOn: recorded.nextMeetingOn,
    };
  }
  if (!last || !last.snapshotTaken) {
    return null;
  }
  const data = await graphql(MEETING_RECORD, { meetingId: last.id });
  const m = data.meetingSnapshot.meeting;
  return {
    what: `${MEETING_WORDS[m.kind] || words(m.kind)} of ${m.heldOn}`,
    chair: m.chair,
    attendance: m.attendance.map((a) => ({ name: a.agency.name, attended: a.attended })),
    decision: m.decision,
    decisionReason: m.decisionReason,
    // an action for none the reader may see is said without its words (they may name the hidden)
    actions: m.actions.map((a) => ({
      description: a.for.length > 0 && a.for.every(isPlaceholder)
        ? 'An action for people your agency cannot see' : a.description,
      owner: a.owner ? a.owner.name : 'not named',
      for: a.for.map((p) => (isPlaceholder(p) ? HIDDEN : fullName(p))), dueOn: a.dueOn })),
    nextMeetingOn: m.nextMeetingOn,
  };
}

/**
 * Fills the printed pack's title and meeting section from the meeting recorded here (or the last one),
 * and its flags; answers false when the flags could not be read (the message says why).
 */
export async function preparePack(subjectId, asOf, people) {
  const child = people.get(subjectId) || subjectId;
  // the child's meetings up to the pack's day, that day's included (the Changes panel's stop before it)
  const about = await graphql(MEETINGS_ABOUT, { personId: subjectId, asOf });
  const last = about.meetingsAbout.find((m) => m.heldOn <= asOf) || null;
  const meeting = await packMeeting(subjectId, people, last);
  const attendees = meeting ? meeting.attendance.filter((a) => a.attended).map((a) => a.name).join(', ') : '';
  // (its days on one line: walk 67, "strategy meeting of 2018-" over "03-05")
  byId('print-title').replaceChildren(...unbrokenDays(`Meeting pack: ${child}`
    + (meeting ? `; ${meeting.what}; chair ${meeting.chair || 'not recorded'}; attended by ${attendees || 'nobody recorded'}`
      : last ? `; last meeting: the ${MEETING_WORDS[last.kind] || words(last.kind)} of ${last.heldOn}` : '')));
  const section = clear(byId('print-meeting'));
  section.setAttribute('aria-label', 'Attendance, decision and actions');
  if (!meeting) {
    section.append(el('p', { text: last
      ? `No meeting recorded in the explorer: the ${MEETING_WORDS[last.kind] || words(last.kind)} of ${last.heldOn} `
        + 'came from an agency’s records, and its attendance, decision and actions are in them.'
      : 'No meeting recorded.' }));
  } else {
    section.append(el('p', { text: `Attendance: ${meeting.attendance.map((a) => `${a.name} (${a.attended ? 'attended' : 'invited, absent'})`).join('; ')}` }));
    section.append(el('p', { text: `Decision: ${meeting.decision ? `${words(meeting.decision)}. Reason: ${meeting.decisionReason}` : 'none recorded'}` }));
    section.append(el('ul', {}, meeting.actions.map((a) => el('li', {
      text: `${a.description} (owner: ${a.owner}; for: ${a.for.join(', ')}; due ${a.dueOn})` }))));
    if (meeting.nextMeetingOn) {
      section.append(el('p', { text: `Next meeting: ${meeting.nextMeetingOn}` }));
    }
  }
  return packFlags(subjectId, asOf, people);
}

/**
 * Every flag of everyone drawn, in the pack in place of the opened person's Flags tab (walk 56: a
 * sibling's HIGH flag was on no page), and of every child exposed through the child whom the reader may
 * see, drawn or not (walk 70: at two hops Sara's pack left out Mia, three hops away, and her HIGH flag
 * of contact with a registered sex offender). The flags already put on the graph are not asked again.
 */
async function packFlags(subjectId, asOf, people) {
  const panel = clear(byId('print-flags'));
  const exposed = await guarded(() => graphql(CHILDREN_EXPOSED, { personId: subjectId, asOf }));
  if (!exposed) {
    return false;
  }
  const names = new Map(people);
  const beyond = exposed.siblingsAtRisk.map((s) => s.child)
    .filter((c) => c.kind === 'PERSON' && !c.restricted && !names.has(c.id));
  beyond.forEach((c) => names.set(c.id, fullName(c)));
  const byPerson = await knownFlags([...names.keys()]);
  if (!byPerson) {
    // no pack without its flags (review 71: it printed with none, the Flags tab hidden)
    return false;
  }
  renderNetworkFlags(panel, byPerson, names, subjectId, beyond.map(fullName));
  return true;
}

/**
 * Meeting mode was entered or left, or a new person opened in it; answers when the Changes panel is
 * drawn.
 */
export function meetingChanged() {
  if (state.meeting) {
    loadAgencies();
    room.recorded = null;
    changesKey = null;
    // refreshChanges draws Then and now again, open, for the child now opened
    return refreshChanges();
  } else {
    // a form with the chair's words is kept, folded, for when meeting mode starts again (review 70: the
    // Leave button, or Escape, emptied it)
    const form = byId('record-meeting');
    room.folded = (!form.hidden || room.folded) && Boolean(room.formFor) && written();
    form.hidden = true;
    if (room.folded) {
      say('The meeting\'s form is kept as it is written: in meeting mode, "Record this meeting" shows it again.',
        'info');
    }
    if (!byId('then-now').hidden) {
      closeThenAndNow();
    }
    // (the family's overdue action or a change chosen in the room: nothing outside it says why the
    // graph would stay faded)
    clearHighlight();
    return Promise.resolve();
  }
}

export function wireMeetingRoom(theController, tools) {
  controller = theController;
  changesRendering = new Rendering(byId('meeting-changes')).followsTheDay();
  thenRendering = new Rendering(byId('then-now'));
  recordRendering = new Rendering(byId('record-meeting'));
  byId('changes-since').addEventListener('change', () => {
    chosenByChair = true;
    const date = byId('changes-since-date');
    date.hidden = byId('changes-since').value !== 'day';
    // a day to start from that the as-of day allows, until the chair chooses one
    if (!date.hidden && (!date.value || date.value > state.asOf)) {
      date.value = monthsBack();
    }
    loadChanges();
  });
  byId('changes-since-date').addEventListener('change', loadChanges);
  byId('changes-clear').addEventListener('click', clearHighlight);
  byId('then-now-button').addEventListener('click', openThenAndNow);
  byId('then-now-close').addEventListener('click', () => {
    closeThenAndNow();
    byId('then-now-button').focus();
  });
  byId('record-button').addEventListener('click', openRecordForm);
  byId('record-cancel').addEventListener('click', () => {
    const cancel = byId('record-cancel');
    if (written() && cancel.dataset.confirm !== 'yes') {
      // what the chair wrote is not thrown away by one press (walk 55): the button asks again
      cancel.dataset.confirm = 'yes';
      cancel.textContent = 'Discard what is written';
      say(DISCARD_ASK, 'warning');
      return;
    }
    askBeforeCancel();
    byId('record-meeting').hidden = true;
    room.folded = false;
    // the keyboard goes back to the button that opened the form, not to the page's start
    byId('record-button').focus();
    if (sessionEnded()) {
      // nothing is kept any more: the sign-in now, or the family shown again if the chair is signed in
      // (review 77: the family stayed hidden, the only word of why gone with the form)
      stillSignedIn().catch(() => {});
    }
  });
  // writing again takes the question back
  byId('record-meeting').addEventListener('input', askBeforeCancel);
  // the attendance, the day or the children changed: rule 7's question was about the meeting before,
  // and is asked again at the next Save (review 73: ticked and unticked, it was saved without a word;
  // review 75: "Save as it is" after the day changed only asked again)
  const meetingChanged = () => {
    byId('record-attendance-note').textContent = '';
    room.attendanceWarned = null;
    if (!byId('record-save').disabled) {
      byId('record-save').textContent = SAVE;
    }
  };
  ['record-attendance', 'record-held', 'record-concerns'].forEach((id) => byId(id).addEventListener('change', meetingChanged));
  // a sentence about a field that another decides goes with the other's change (review 73: "after this
  // one, held on ..." stayed once the day held was changed); Save checks them again; the meeting already
  // recorded on the day before is no longer this one's
  byId('record-held').addEventListener('change', () => {
    byId('record-held-note').textContent = '';
    fieldOk(byId('record-next'));
    document.querySelectorAll('#record-actions input[type="date"]').forEach(fieldOk);
    // whom a meeting invites by default is read for the day it was held (the form kept the day the page
    // showed when it opened): the referrals of the 30 days up to it, the household's agencies on it
    // (a day being typed passes through years of its own, 0002 to 0201: not read; nor one to come)
    const day = byId('record-held').value;
    if (room.formFor && /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= '1900-01-01' && day <= londonDay()
      && day !== room.formFor.day) {
      room.formFor.day = day;
      readDefaults(room.formFor);
    }
  });
  byId('record-decision').addEventListener('change', () => {
    const reason = byId('record-reason');
    if (reason.getAttribute('aria-invalid') === 'true' && !reason.value.trim() && byId('record-decision').value) {
      // still to be written: asked for in the new decision's words (review 75: the sentence went, and
      // came back one Save later)
      fieldError(reason, reasonAsked(byId('record-decision').value));
    } else {
      fieldOk(reason);
    }
  });
  // a reload, a link followed or Sign out with the chair's words in the form asks first (walk 57: a
  // reload emptied a half-written meeting without a word); nothing of the form is kept in the browser
  // a session that ends meanwhile leaves the page and the words where they are (api.js keepWords): the
  // form says how to save them; the chair's typing keeps the session going (a meeting outlasts it)
  keepWords(() => formHeld() && written(), sessionEndedWithWords, sessionGoesOn);
  byId('record-form').addEventListener('input', stillWriting);
  window.addEventListener('beforeunload', (e) => {
    if (formHeld() && written()) {
      e.preventDefault();
      // (browsers before the event's preventDefault was enough: Chrome and Edge before 119)
      e.returnValue = true;
    }
  });
  byId('record-add-action').addEventListener('click', addActionRow);
  byId('record-form').addEventListener('submit', recordMeeting);
  // Enter in a day's field (the day held, the next meeting, an action's due day) only ends the typing: it
  // does not save the meeting (walk 69: it said "the meeting is not saved yet")
  byId('record-form').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'date') {
      e.preventDefault();
    }
  });
  byId('meeting-print').addEventListener('click', tools.print);
  byId('meeting-png').addEventListener('click', tools.png);
  byId('meeting-fit').addEventListener('click', () => controller.fit());
  byId('meeting-layout').addEventListener('change', (e) => {
    byId('layout-select').value = e.target.value;
    tools.layout(e.target.value);
  });
  byId('changes-since-date').value = londonDay();
}
