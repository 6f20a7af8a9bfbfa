// Starts the explorer: creates the graph controller and wires the modules to the page. Each module
// owns one part (search, graph, selection and panels, as-of date, work queues, meeting mode,
// exports, break-glass, information requests); the state they share is in state.js, the server is reached through api.js.

import { formCsrfToken, me, pageOf } from './api.js';
import { Controller } from './controller.js';
import { byId, wireTabs } from './dom.js';
import { guarded, say, shownMessage } from './message.js';
import { dayChanging } from './publish.js';
import { DEFAULT_DEPTH, state } from './state.js';
import {
  cameTo, chooseAsOf, depthOf, dropTypedDay, endFollowing, entryView, followDay, followHistory, following,
  historyPlace, ownState, putBackDay, setAsOf, showDepth, shownPlace, takeDayNote, updateUrl, wireAsOf,
} from './asof.js';
import { wireBreakGlass } from './break-glass.js';
import { showDemoHint, wireDemoHint } from './demo-hint.js';
import { exportPng, printPack, wireExports } from './exports.js';
import { initMatches } from './matches.js';
import { showDialog } from './focus.js';
import {
  chooseView, collapseSelected, connectTwo, expandSelected, fit, followOutsideNote, readFilters, setLayout, undo, wireGraph,
} from './graph.js';
import { meetingToggles, toggleMeeting, wireMeeting } from './meeting.js';
import { formHeld, offerRecording, showKeys, wireMeetingRoom } from './meeting-room.js';
import { wirePanelResize } from './resize.js';
import { searchAgain, wireSearch } from './search.js';
import {
  markSiblingsOutside, open, selectPerson, selectPlaceholder, selectService, selectTab, showPanels, wireSelection,
} from './selection.js';
import { loadFlags } from './flags.js';
import { drawTimeBar, wireTimeBar } from './timebar.js';
import { showWaiting, wireInformationRequests } from './information-requests.js';
import { closeWork, wireWorkQueues, workOpen } from './work-queues.js';

let controller;
/** Day changes made so far: only the latest may put the day back. */
let dayChanges = 0;

/**
 * What the graph shows, as plain data, for the browser tests (import('/js/main.js')); the page
 * itself never calls it.
 */
export function snapshot() {
  return controller.snapshot();
}

/** The frames the graph has drawn since watchFrames() (for the browser tests), or null. */
let frames = null;

/**
 * For the browser tests: from now on, each frame the graph draws is kept as what it showed, the view
 * and where every node stood (frames() answers them), so that a test sees every picture a user saw.
 */
export function watchFrames() {
  frames = [];
  const cy = controller.cy;
  cy.on('render', () => frames.push(JSON.stringify({
    zoom: Math.round(cy.zoom() * 1000) / 1000, pan: [Math.round(cy.pan().x), Math.round(cy.pan().y)],
    nodes: cy.nodes().map((n) => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))]),
  })));
}

export function framesDrawn() {
  return frames;
}

/** Zooms the graph about its middle as the mouse wheel would (for the browser tests); answers the zoom. */
export function zoomBy(factor) {
  return controller.zoomBy(factor);
}

/** Selects a node as a click would (for the browser tests); answers false when it is not in the graph. */
export function select(key) {
  return controller.select(key);
}

/** Says the selected node in the graph's live region: "Tom Archer, 7, full sibling, not assessed". */
function announce(node) {
  byId('graph-status').textContent = node ? controller.describe(node.key) : '';
}

/**
 * The genogram's hint that its ecomap lies beyond the view (a laptop's fit keeps the family's names
 * readable): how many agencies and professionals, and a button that brings them all into view.
 */
function showRingOutside() {
  const { agencies, professionals } = controller.ringOutside();
  const button = byId('ring-outside');
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const parts = [agencies > 0 ? count(agencies, 'agency', 'agencies') : '',
    professionals > 0 ? count(professionals, 'professional', 'professionals') : ''].filter(Boolean);
  button.hidden = parts.length === 0;
  button.dataset.outside = String(agencies + professionals);
  button.textContent = parts.length === 0 ? '' : `${parts.join(' and ')} outside the view: show all ↕`;
}

const ARROWS = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The keys that zoom the graph (with the toolbar's − and +): +1 a step in, -1 a step out. */
const ZOOM_KEYS = { '+': 1, '=': 1, '-': -1, _: -1 };
/** How much a step of zoom enlarges (or, out, shrinks) the graph about the middle of its view. */
const ZOOM_STEP = 1.25;

/** A step of zoom in (1) or out (-1), about the middle of the view; the new zoom said in the graph's live region. */
function zoomStep(direction) {
  const zoom = controller.zoomBy(direction > 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
  byId('graph-status').textContent = `Zoom ${Math.round(zoom * 100)} %`;
}

/** Who an arrow key looks for, said when there is no one that way. */
const NO_ONE = { up: 'no parent', down: 'no child', left: 'no one else linked', right: 'no one else linked' };

/** A depth chosen: the network opened again at it, the people expanded still expanded. */
function chooseDepth(value) {
  showDepth(Number(value));
  // (while someone chosen is opening, the depth is theirs, as a day is: review 68)
  const person = state.opening || state.subjectId;
  if (person) {
    // the people expanded stay expanded (walk 60: a depth chosen dropped Gary's expansion, and nothing
    // brought it back); not drawn at the new depth, the field goes back to the depth drawn (review 76)
    // (while Back or Forward opens someone, the people its entry names, its person selected and its tab:
    // reviews 78 and 79)
    openOrStay(person, following() ? entryView(window.history.state)
      : { keepExpansions: person === state.subjectId });
  }
}

/** The banner's "Read the risk flags again": the graph's marks and the selected person's Flags panel with them. */
async function readFlagsAgain() {
  if (await loadFlags(controller, controller.personIds()) && state.selectedId) {
    state.panelsKey = null;
    await showPanels(state.selectedId);
  }
}

function wireViewControls() {
  byId('layout-select').addEventListener('change', (e) => setLayout(e.target.value));
  document.querySelectorAll('#graph-toolbar [data-view]')
    .forEach((b) => b.addEventListener('click', () => setLayout(b.dataset.view)));
  byId('edge-labels').addEventListener('change', (e) => controller.setEdgeLabels(e.target.checked));
  // the sidebar's depth, and meeting mode's toolbar's (the sidebar is hidden there: walk 61, a chair could
  // not reach a child three steps away to name them in the meeting's actions)
  ['depth-select', 'meeting-depth'].forEach((id) => byId(id).addEventListener('change', (e) => chooseDepth(e.target.value)));
  byId('narrow-button').addEventListener('click', () => {
    showDepth(1);
    openOrStay(state.subjectId);
  });
  byId('family-retry').addEventListener('click', () => open(state.subjectId, { keepExpansions: true }));
  byId('flags-retry').addEventListener('click', readFlagsAgain);
  byId('expand-button').addEventListener('click', expandSelected);
  byId('collapse-button').addEventListener('click', collapseSelected);
  byId('undo-button').addEventListener('click', undo);
  byId('fit-button').addEventListener('click', fit);
  byId('zoom-in').addEventListener('click', () => zoomStep(1));
  byId('zoom-out').addEventListener('click', () => zoomStep(-1));
  byId('connect-button').addEventListener('click', connectTwo);
  document.querySelectorAll('.edge-filter, #historic-filter, #agency-filter')
    .forEach((c) => c.addEventListener('change', readFilters));
  document.querySelectorAll('.panels [role="tab"]').forEach((tab) => tab.addEventListener('click', () => selectTab(tab.id)));
  wireTabs(byId('panel-tabs'), selectTab);
  selectTab(byId('panel-tabs').querySelector('[aria-selected="true"]').id);
}

function wireKeys() {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !byId('matches').hidden && state.user && state.user.role !== 'DATA_STEWARD') {
      showDialog(byId('matches'), false);
    } else if (e.key === 'Escape' && workOpen()) {
      closeWork();
    } else if (e.key === 'Escape' && state.meeting && document.body.classList.contains('meeting-keys')) {
      // the key, legend and time bar lying over the panels are closed first, as an overlay is (walk 53:
      // Escape left meeting mode on the shared screen); the keyboard goes to the button shown that opens them
      const within = byId('graph-keys').contains(document.activeElement);
      showKeys(false);
      if (within || document.activeElement === document.body) {
        const more = byId('meeting-key-more');
        (more.offsetParent !== null ? more : byId('meeting-keys')).focus();
      }
    } else if (e.key === 'Escape' && state.meeting && formHeld()) {
      // the meeting's form, half written, is left only by its own Cancel or Save (review 68: Escape left
      // meeting mode and the form was emptied); a key lying over it is closed first (walk 55). Folded for
      // Then and now, Escape closes Then and now, as the chair meant (review 70: it left meeting mode)
      if (byId('record-meeting').hidden && !byId('then-now').hidden) {
        byId('then-now-close').click();
      }
    } else if (e.key === 'Escape' && state.meeting) {
      toggleMeeting();
    }
  });
  byId('cy').addEventListener('keydown', (e) => {
    if (ARROWS[e.key]) {
      e.preventDefault();
      const moved = controller.move(ARROWS[e.key]);
      const stays = moved ? null : controller.selectedNode();
      if (stays) {
        // the selection stays: said, so that a key that did nothing is not taken for a lost one
        byId('graph-status').textContent = `No one linked that way: ${stays.label} has ${NO_ONE[ARROWS[e.key]]} in the graph.`;
      } else {
        announce(moved);
      }
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      // through every node on screen, left to right (agencies and addresses too)
      e.preventDefault();
      announce(controller.step(e.key === 'PageDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      expandSelected();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      collapseSelected();
    } else if (ZOOM_KEYS[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // (Ctrl or Cmd with + or − is the browser's own zoom of the page: review 83)
      e.preventDefault();
      zoomStep(ZOOM_KEYS[e.key]);
    }
  });
  byId('logout-form').addEventListener('submit', () => { byId('logout-csrf').value = formCsrfToken(); });
}

/** Whether the history was sent back by the page itself (a Back that could not be opened): that move is no Back. */
let returning = false;

/**
 * Back and Forward within the page: the person the entry names, on its day and depth, with the people
 * expanded and the person selected as the entry left them (in meeting mode too, where search is
 * hidden, Back is the way back to the child opened before), in meeting mode or not as the entry says
 * (followMode). An entry of an earlier session opens
 * nobody and is made to name what the page shows. A person who cannot be opened (offline, no longer
 * to be seen) sends the history back to the entry of what the page still shows, and the field, the
 * slider and the depth back to its day and depth; nothing is done when a newer opening or day took
 * over.
 */
function followEntry(entry) {
  // (a day typed and still waiting is not the entry's: review 83)
  dropTypedDay();
  const params = new URLSearchParams(window.location.search);
  const person = params.get('person');
  if (returning) {
    // back at the entry of what is shown: it names it (a day chosen meanwhile may have been written)
    returning = false;
    cameTo(entry, state.subjectId, true);
    updateUrl();
    return;
  }
  if (!ownEntry(entry)) {
    cameTo(entry, state.subjectId, true);
    updateUrl();
    if (person) {
      say(EARLIER_SESSION, 'warning');
    }
    return;
  }
  const day = params.get('asOf');
  const depth = depthOf(params.get('depth')) || DEFAULT_DEPTH;
  const view = entryView(entry);
  if (!person || (person === state.subjectId && !following() && (!day || day === state.asOf)
      && depth === state.depth && view.expanded.join(' ') === state.expanded.join(' ')
      && (!view.selected || view.selected === state.selectedId))) {
    // what the page shows (or nobody): the address says what the page shows, on the entry's tab (review 79:
    // Back two entries to the same person kept the tab of the later one)
    if (person && view.tab && view.selected === state.selectedId) {
      if (state.meeting) {
        state.tabBeforeMeeting = view.tab;
      } else {
        selectTab(view.tab);
      }
    }
    followMode(params);
    cameTo(entry, state.subjectId, true);
    updateUrl();
    return;
  }
  // (someone shown again on another day or depth, or while another Back is loading, is opened again)
  cameTo(entry, person, false);
  if (day && day !== state.asOf && followDay(day)) {
    // search results shown are asked again for the entry's day (walk 56: Back showed a child's age of
    // the day left)
    searchAgain();
  }
  // the network as it was left: its depth, the people expanded and the person selected (Back forgot
  // them: the network came back at the depth last chosen, with nobody expanded)
  showDepth(depth);
  // (meeting mode entered or left while the entry's person loads is the user's choice, kept: review 80)
  const toggled = meetingToggles();
  followHistory(person, () => open(person, view)).then((shown) => {
    if (shown && meetingToggles() === toggled) {
      followMode(params);
    }
    if (shown === false) {
      // not opened, and nothing newer took over: the page still shows what it showed
      const reason = byId('message').firstChild ? byId('message').firstChild.textContent : '';
      const day = backToShown();
      const still = controller.people().find((p) => p.id === state.subjectId);
      say(`The person of that page could not be opened: ${still ? `the page still shows ${still.label} on ${day}`
        : 'nobody is shown'}.${reason ? ` ${reason}` : ''}`, 'error');
    }
  });
}

/**
 * Meeting mode as the entry Back or Forward went to says (mode=meeting): Back from the step that
 * entered it leaves it, on the same person (walk 62: Back put the family opened before on the room's
 * screen). A meeting's form half written keeps meeting mode: it is left only by its own Cancel or Save.
 */
function followMode(params) {
  const meeting = params.get('mode') === 'meeting';
  if (meeting !== state.meeting && state.subjectId && !(state.meeting && formHeld())) {
    toggleMeeting();
  }
}

/**
 * After an opening or a new day that failed while nothing newer took over: the field, the slider,
 * the address and the browser's history go back to what the page still shows (a Back whose person
 * could not be opened goes back to the entry of what is shown). Answers the day shown.
 */
function backToShown() {
  endFollowing();
  const depth = depthOf(byId('cy').dataset.depth);
  if (depth && depth !== state.depth) {
    // (and the depth the network is drawn at: Back to an entry of another depth failed)
    showDepth(depth);
  }
  const day = byId('cy').dataset.asOf || state.asOf;
  if (day !== state.asOf) {
    // the results too are of the day the page still shows
    queueMicrotask(searchAgain);
  }
  if (shownPlace() !== historyPlace()) {
    putBackDay(day, false);
    returning = true;
    window.history.go(shownPlace() - historyPlace());
  } else {
    cameTo(window.history.state, state.subjectId, true);
    putBackDay(day);
  }
  return day;
}

/** Opens a person (search, work queues, break-glass); one that cannot be opened leaves the page as it was. */
async function openOrStay(personId, options = {}) {
  const shown = await open(personId, options);
  if (shown === false) {
    backToShown();
  }
  return shown;
}

/** Said when the page the end of the session sent back from is opened again, signed in again. */
const SENT_BACK = 'Your session had ended: signed in again, you are back on the page you were on.';

/** Said when the page another user's session ended on is reached by someone else signing in: nobody is opened. */
const ANOTHER_USERS_PAGE = 'The page you signed in to was another user’s, whose session had ended: search for the person you need.';

/** Said when Back or Forward reaches a page of an earlier session: nobody is opened. */
const EARLIER_SESSION = 'The page you went back to belongs to an earlier session: search for the person you need.';

/** Whether an entry of the browser's history was made in this user's session (asof.js updateUrl). */
function ownEntry(entry) {
  return Boolean(entry && state.user && entry.reader === state.user.username);
}

async function start() {
  // the history entry the page was reached by, and whether by Back or Forward (read before the
  // address is written again)
  const entry = window.history.state;
  const navigation = performance.getEntriesByType('navigation')[0];
  const returned = Boolean(navigation && navigation.type === 'back_forward');
  controller = new Controller(byId('cy'), {
    onSelectPerson: selectPerson, onSelectPlaceholder: selectPlaceholder, onSelectService: selectService,
    onOpenPerson: expandSelected,
    onSelectNode: (key) => { byId('graph-status').textContent = controller.describe(key); },
    onViewChanged: () => {
      showRingOutside();
      markSiblingsOutside();
      followOutsideNote();
    },
  });
  byId('ring-outside').addEventListener('click', () => controller.fitAll());
  wireGraph(controller);
  wireSelection(controller, openOrStay);
  wireExports(controller);
  wireMeeting();
  wireMeetingRoom(controller, { print: printPack, png: exportPng, layout: setLayout });
  wireSearch(openOrStay);
  wireWorkQueues(openOrStay);
  wireBreakGlass(openOrStay);
  wireInformationRequests();
  wireAsOf(async () => {
    const note = takeDayNote();
    showDemoHint();
    searchAgain();
    if (state.subjectId || state.opening) {
      // the day the graph shows until the new one is drawn
      const shown = byId('cy').dataset.asOf;
      const wanted = state.asOf;
      const subject = state.subjectId;
      const change = ++dayChanges;
      // at once, in this event: nothing says "ready" with the day before's facts
      dayChanging();
      // (while someone chosen, or reached by Back, is opening, the day is theirs: they are opened on it)
      const person = state.opening || state.subjectId;
      const drawn = await open(person, { keepExpansions: person === subject });
      // (not when another person or day was opened meanwhile: that opening took over, nothing failed)
      // (an earlier change overtaken by a later one, even one back to the same day, puts back nothing)
      if (drawn === false && change === dayChanges && shown && shown !== wanted && state.asOf === wanted
          && state.subjectId === subject && byId('cy').dataset.asOf === shown) {
        // not loaded (offline, a server error): the field, the slider, the URL and the time bar's
        // marker go back to the day whose facts are still shown, and the message says so
        const reason = byId('message').firstChild ? byId('message').firstChild.textContent : '';
        backToShown();
        drawTimeBar();
        say(`${wanted} could not be shown: the page still shows ${shown}.${reason ? ` ${reason}` : ''}`, 'error');
        return;
      }
    }
    if (note) {
      say(note, 'warning');
    }
  });
  wireTimeBar(controller, chooseAsOf);
  wireViewControls();
  wirePanelResize(() => controller.resize());
  // a window of another size: the graph fitted to its new box (else it kept the old box's view until
  // something, such as an expansion, fitted it with a jump)
  let resized = null;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(resized);
    resized = requestAnimationFrame(() => controller.resize());
  });
  wireKeys();
  // Back and Forward: the person the address names, on its day (in meeting mode too, where search
  // is hidden, Back is the way back to the child opened before)
  window.addEventListener('popstate', (event) => followEntry(event.state));
  state.user = await guarded(() => me());
  let demoHint = null;
  if (state.user) {
    // the page is this user's: its requests say so, and none passes while someone else is signed in
    pageOf(state.user.username);
    byId('user-name').textContent = `${state.user.username}${state.user.agency ? ` (${state.user.agency})` : ''}`;
    byId('demo-badge').hidden = state.user.mode !== 'local';
    offerRecording(state.user);
    await initMatches(state.user, say);
    // asked beside the opening of the link's person; the page is ready once it is settled
    demoHint = wireDemoHint(state.user, chooseAsOf);
    // the requests waiting for the agency's answer, on the Work queues button, and again whenever the
    // page is looked at again (a request may come in during a long session); a count that cannot be
    // read leaves the button as it is, and the message line to what the page says
    const waiting = () => showWaiting().catch(() => {});
    waiting();
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        waiting();
      }
    });
  }
  const params = new URLSearchParams(window.location.search);
  let note = '';
  // (the address is written once someone is shown: a link that cannot be opened yet stays the link)
  if (!setAsOf(params.get('asOf') || state.asOf, !params.get('person'))) {
    setAsOf(state.asOf, !params.get('person'));
    note = 'The date in the link is not a date; showing today.';
  }
  note = takeDayNote() || note;
  // sent back by the end of the session and signed in again (api.js): the page as it was, for the same
  // user only; the address says no more of it
  const sentBack = params.get('session') === 'ended';
  const someoneElse = sentBack && Boolean(params.get('for')) && Boolean(state.user)
    && params.get('for') !== state.user.username;
  if (sentBack) {
    params.delete('session');
    params.delete('for');
    window.history.replaceState(window.history.state, '', `/?${params}`);
  }
  if (someoneElse && !/\/login/.test(document.referrer)) {
    // sent here by a page of another user whose session ended, without signing in here (a discarded form,
    // a refused request: someone else signed in in another tab): the screen is not handed to them
    // unasked; the sign-in page says who is signed in, with Sign out (review 78)
    window.location.replace('/login');
    return;
  }
  if (params.get('person') && (((returned || entry) && !ownEntry(entry)) || someoneElse)) {
    // an address of another session reached by Back or Forward, or reloaded (a shared computer,
    // someone else signed in since): nobody is opened in this session unawares
    window.history.replaceState(ownState(), '', `/?asOf=${state.asOf}`);
    // (sent back by another user's session's end, nobody went back: walk 61)
    note = someoneElse ? ANOTHER_USERS_PAGE : EARLIER_SESSION;
  } else if (params.get('person')) {
    if (params.get('view') === 'genogram') {
      chooseView('genogram');
    }
    const depth = depthOf(params.get('depth'));
    showDepth(depth || DEFAULT_DEPTH);
    if (!depth) {
      note = [note, `The depth in the link is not one the page offers: showing ${DEFAULT_DEPTH} hops.`]
        .filter(Boolean).join(' ');
    }
    // reloaded: the people expanded and the person selected as the page left them (a link opens
    // its person alone)
    const view = entryView(ownEntry(entry) ? entry : null);
    // the entry is this session's from now on (Back to it opens its person again)
    window.history.replaceState({ ...ownState(), ...view }, '', window.location.href);
    const shown = await open(params.get('person'), view);
    if (sentBack && shown) {
      // (not when it could not be opened: the message line says why, review 77)
      note = [note, SENT_BACK].filter(Boolean).join(' ');
    }
  }
  if (params.get('mode') === 'meeting' && !state.meeting && state.subjectId) {
    // reloaded in a meeting (or its link followed): in meeting mode again, on the person it was about
    // (drawn before the note below is said: its loads clear the message line), on the tab chosen there
    await toggleMeeting();
    // (the entry as the page was left: opening the person has written it again since)
    const { selected, meetingTab } = entryView(ownEntry(entry) ? entry : null);
    if (meetingTab && selected === state.selectedId) {
      selectTab(meetingTab);
    }
  }
  // said once the network is open (opening it clears the message line), never over a problem said
  // meanwhile (meeting mode not drawn in full: review 77)
  const said = shownMessage();
  if (note && !(said && said.kind === 'error')) {
    say(note, 'warning');
  }
  await demoHint;
  // (the day of the link now in the field)
  showDemoHint();
  document.body.dataset.state = 'ready';
}

window.addEventListener('DOMContentLoaded', start);
