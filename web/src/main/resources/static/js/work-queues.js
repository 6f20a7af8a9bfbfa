// The work queues: the triage queue, the overdue actions and the information requests in an
// overlay (a row opens the child; the owner agency or a chair records an action as done; the
// holders answer requests, information-requests.js), and in meeting mode the overdue actions
// of the family in the graph. Each list publishes its own render state.

import { graphql } from './api.js';
import { COMPLETE_ACTION, DONE_RECENTLY, OVERDUE, REOPEN_ACTION, TRIAGE } from './queries.js';
import { byId, fullName, showTab, wireTabs } from './dom.js';
import { guarded, say } from './message.js';
import { Latest, Rendering } from './publish.js';
import { state } from './state.js';
import { renderDone, renderOverdue, renderTriage } from './panels.js';
import { loadInformationRequests } from './information-requests.js';
import { holdFocus, showDialog } from './focus.js';

let open = () => {};
let overlay;
let triage;
let overdue;
let family;
const familyLoads = new Latest();
/** What the family's list in meeting mode was last loaded for ([personIds, graph]), or null. */
let familyShown = null;

/** @param openPerson what choosing a row does with the child's id */
export function wireWorkQueues(openPerson) {
  open = openPerson;
  overlay = new Rendering(byId('work'));
  triage = new Rendering(byId('panel-triage'));
  overdue = new Rendering(byId('panel-overdue'));
  family = new Rendering(byId('meeting-overdue')).followsTheDay();
  document.querySelectorAll('.work-tab').forEach((tab) => tab.addEventListener('click', () => selectWorkTab(tab.id)));
  wireTabs(byId('work-tabs'), selectWorkTab);
  // with requests waiting for the agency's answer, the button opens them (it says how many)
  byId('work-button').addEventListener('click', () => openWork(
    Number(byId('work-button').dataset.waiting || 0) > 0 ? 'tab-requests' : 'tab-triage'));
  byId('work-close').addEventListener('click', closeWork);
  holdFocus(byId('work'));
}

function renderWork() {
  showTab(byId('work-tabs'), state.work);
  showDialog(byId('work'), state.work !== null, state.work ? byId(state.work) : null);
}

export function selectWorkTab(tabId) {
  state.work = tabId;
  renderWork();
}

export function closeWork() {
  state.work = null;
  renderWork();
}

export function workOpen() {
  return state.work !== null;
}

/** Recording that an action was done: the owner agency or a meeting chair (the server checks too). */
function completion() {
  const user = state.user || {};
  const asOf = state.asOf;
  return {
    asOf,
    allowed: (a) => user.role === 'MEETING_CHAIR' || user.role === 'ADMIN'
      || (a.owner && user.agency === a.owner.id),
    done: async (action, day) => {
      const recorded = await guarded(() => graphql(COMPLETE_ACTION, { actionId: action.id, completedOn: day }));
      if (recorded) {
        const day = recorded.completeAction.completedOn;
        const still = day > asOf ? ` The list of ${asOf} still shows it: it was overdue that day.` : '';
        // the keyboard on Undo: the confirmation it was on is gone with the refresh
        await loadQueues(`Recorded: "${action.description}" done on ${day}.${still}`,
          { label: 'Undo', run: () => reopen(action), focus: true, back: () => doneButton(action) || byId('tab-overdue') });
      }
      return Boolean(recorded);
    },
    // an action done recently, reopened from the list of those; Undo records it done on its day again
    reopen: (action) => reopen(action, 'Reopened', { label: 'Undo', run: () => doneAgain(action), focus: true,
      back: () => byId('tab-overdue') }),
  };
}

/** The Done on button of an action in the overdue list, or null. */
function doneButton(action) {
  return byId('panel-overdue').querySelector(`.done-button[data-action="${CSS.escape(action.id)}"]`);
}

/**
 * Undo of "Done on", or Reopen of an action done recently: the action is open again (reopenAction,
 * audited), and the queues say so; answers whether it is.
 */
async function reopen(action, done = 'Undone', undo = null) {
  // (the completion read: one recorded again since is refused, review 87)
  const reopened = await guarded(() => graphql(REOPEN_ACTION,
    { actionId: action.id, completedOn: action.completedOn || null }));
  if (reopened) {
    // (the keyboard on the message's Undo, when there is one: the Reopen it was on is gone with the refresh)
    await loadQueues(`${done}: "${action.description}" is open again.`, undo);
  }
  return Boolean(reopened);
}

/** Undo of Reopen: the action is done on the day it was done again (completeAction, audited). */
async function doneAgain(action) {
  const recorded = await guarded(() => graphql(COMPLETE_ACTION,
    { actionId: action.id, completedOn: action.completedOn }));
  if (recorded) {
    await loadQueues(`Undone: "${action.description}" is done on ${action.completedOn} again.`);
  }
}

/**
 * Loads both queues; news (what was just recorded) is said with the new overdue list, with the
 * offer to undo it when there is one.
 */
function loadQueues(news = '', undo = null) {
  const choose = (id) => {
    closeWork();
    open(id);
  };
  return overlay.run(() => Promise.all([
    guarded(() => triage.run(async () => {
      const data = await graphql(TRIAGE, { asOf: state.asOf });
      renderTriage(byId('panel-triage'), data.triageQueue, choose);
    })),
    guarded(() => overdue.run(async () => {
      // (the actions done recently are under the overdue ones; the overdue list stands when they cannot be read)
      const [data, done] = await Promise.all([graphql(OVERDUE, { asOf: state.asOf }),
        graphql(DONE_RECENTLY, { asOf: state.asOf }).catch(() => null)]);
      const chooseFirst = (ids) => { if (ids.length > 0) { choose(ids[0]); } };
      const complete = completion();
      renderOverdue(byId('panel-overdue'), data.overdueActions, chooseFirst, null, complete);
      renderDone(byId('panel-overdue'), done ? done.completedActions : null, state.asOf, chooseFirst, complete);
    })),
    loadInformationRequests(),
  ]).then(async () => {
    if (news && state.meeting && familyShown) {
      // an action done or reopened here is done or open in the room's list too (walk 70: the room went on
      // being shown it as overdue until the page was loaded again)
      await loadFamilyOverdue(...familyShown);
    }
    // said once everything is loaded again, so that no refresh wipes it
    if (news) {
      say(news, 'success', undo);
    }
  }));
}

/** Opens the overlay on a tab and loads both queues afresh. */
export function openWork(tabId) {
  selectWorkTab(tabId);
  return loadQueues();
}

/**
 * Meeting mode: the overdue actions of the people in the graph. Choosing one highlights, in the
 * graph of the child the meeting is about, the people it is for (walk 51: it opened the first of
 * them, and the child's graph, with its NOT ASSESSED marks on those very children, went); one for
 * nobody in the graph opens the first of them. graph: has(person id), whether they are drawn now (a
 * change of layout adds or takes away the wider family), highlight(keys) (meeting-room.js), and whose
 * network it is, by name (the heading says so beside a matrix that follows the person selected).
 */
export async function loadFamilyOverdue(personIds, graph) {
  familyShown = [personIds, graph];
  const current = familyLoads.next();
  const asOf = state.asOf;
  await guarded(() => family.run(async () => {
    const data = await graphql(OVERDUE, { asOf });
    if (!current()) {
      return;
    }
    family.shows(asOf);
    const inGraph = new Set(personIds);
    renderOverdue(byId('meeting-overdue'), data.overdueActions.filter((a) => a.for.some((p) => inGraph.has(p.id))),
      (ids, action) => {
        const shown = action.for.filter((p) => graph.has(p.id));
        if (shown.length === 0) {
          open(ids[0]);
          return;
        }
        graph.highlight(shown.map((p) => `Person:${p.id}`));
        byId('graph-status').textContent = `“${action.description}” is for ${shown.map(fullName).join(', ')}: `
          + 'highlighted in the graph.';
      }, graph.whose ? `Overdue actions in ${graph.whose}’s network` : 'Overdue actions in the network shown');
  }));
}

/** Leaving meeting mode empties the family's list. */
export function clearFamilyOverdue() {
  familyShown = null;
  familyLoads.next();
  family.run(async () => byId('meeting-overdue').replaceChildren());
}
