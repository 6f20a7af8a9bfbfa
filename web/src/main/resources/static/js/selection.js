// The selected person and their panels. The panels are loaded once per selection: a person, date,
// scope and mode already shown (or loading) are not asked for again, however many events (a
// click, the graph's select event, opening a network) ask for them.

import { graphql } from './api.js';
import { END_MARKER, PANELS, REINSTATE_MARKER } from './queries.js';
import { byId, el, fullName, showTab } from './dom.js';
import { guarded, say, shownMessage } from './message.js';
import { Latest, Rendering, dayDrawn } from './publish.js';
import { state } from './state.js';
import { rememberView, writeWaitingDay } from './asof.js';
import { highlightPeople, refreshChanges } from './meeting-room.js';
import { flagsOf, flagsRead } from './flags.js';
import { openPerson, takeReachNote } from './graph.js';
import { loadFamilyOverdue } from './work-queues.js';
import {
  markOutside, renderAddresses, renderAgencies, renderChronology, renderDetails, renderFlags, renderService,
  renderSiblings,
} from './panels.js';
import { HIDDEN, renderPlaceholder } from './placeholders.js';
import { offerBreakGlassFromPlaceholder } from './break-glass.js';
import { offerInformationRequest } from './information-requests.js';
import { words } from './words.js';

const PANELS_IDS = ['panel-details', 'panel-siblings', 'panel-addresses', 'panel-agencies', 'panel-chronology', 'panel-flags'];

let controller;
let openElsewhere;
let rendering;
let loading = null;
const loads = new Latest();
/** The name of the person whose panels are drawn (their headings name them), or null. */
let panelsOf = null;

/** @param openOther how a panel opens another person's network (main.js: as search does) */
export function wireSelection(theController, openOther) {
  controller = theController;
  openElsewhere = openOther;
  rendering = new Rendering(...PANELS_IDS.map(byId)).followsTheDay();
}

async function load(personId, current) {
  const asOf = state.asOf;
  const subject = state.subjectId;
  const data = await graphql(PANELS, { personId, asOf, scope: state.scope });
  if (!current()) {
    return true;
  }
  state.selectedId = personId;
  if (state.subjectId === subject) {
    // Back to this page selects them again (not a selection of the page before, answered after another
    // person's network was drawn: review 76)
    rememberView();
  }
  const person = data.person;
  panelsOf = fullName(person);
  const highlight = (keys) => controller.highlight(keys);
  agencyNames(data);
  renderDetails(byId('panel-details'), person, data.sharedAddresses, markerEnding(), asOf, names);
  renderSiblings(byId('panel-siblings'), data.siblingsAtRisk, person, highlight, {
    shown: (key) => controller.has(key),
    // the panel is drawn again for the child: the keyboard's place goes to it, not to the page
    open: async (id) => {
      if (await openElsewhere(id)) {
        byId('panel-siblings').focus();
      }
    },
  });
  renderAddresses(byId('panel-addresses'), data.sharedAddresses, person, highlight);
  renderAgencies(byId('panel-agencies'), data.agencyInvolvement, state.scope, (scope) => {
    state.scope = scope;
    showPanels(personId);
  }, highlight, person);
  renderChronology(byId('panel-chronology'), data.chronology, person, highlight, names);
  renderFlags(byId('panel-flags'), flagsRead(personId) ? flagsOf(personId) : null, person, highlight,
    (ids) => controller.keysOf(ids));
  rendering.shows(asOf);
  if (state.meeting) {
    refreshChanges();
    await loadFamilyOverdue(controller.personIds(), { has: (id) => controller.has(`Person:${id}`), highlight: highlightPeople,
      whose: controller.personName(state.subjectId) });
  }
  return true;
}

/** The names of agencies the panels' answers named on this page (involvements, siblings' agencies), by id. */
const names = new Map();

function agencyNames(data) {
  (data.agencyInvolvement ? data.agencyInvolvement.people : []).forEach((p) => p.involvements.forEach((i) => names.set(i.agency.id, i.agency.name)));
  (data.siblingsAtRisk || []).forEach((s) => s.agencies.forEach((a) => names.set(a.id, a.name)));
  return names;
}

/** Says again on the siblings' cards who is in the network drawn (the graph changed). */
export function markSiblingsOutside() {
  if (controller) {
    markOutside(byId('panel-siblings'), (key) => controller.has(key));
  }
}

/**
 * The graph and the panels drawn again after a write (a marker changed: its badge, the details; a
 * meeting recorded: the chronology, the flags it raised).
 */
export async function redraw() {
  state.panelsKey = null;
  loading = null;
  if (state.subjectId) {
    await open(state.subjectId, { keepExpansions: true });
  }
}

/** The End on button of a marker in the details panel, or null. */
function endButton(marker) {
  return byId('panel-details').querySelector(`.end-marker[data-marker="${CSS.escape(marker.id)}"]`);
}

/** Undo of "End on": the marker goes on again (reinstateMarker, audited), and the message says so. */
async function reinstate(marker) {
  const back = await guarded(() => graphql(REINSTATE_MARKER, { markerId: marker.id }));
  if (back) {
    await redraw();
    say(`Undone: the ${words(marker.type)} marker applies again.`, 'success');
  }
}

/**
 * Ending a marker from the details panel: the agency that recorded it, a meeting chair or local
 * admin (the server checks too); never a marker carried from an address or a restricted one. The
 * message, said once everything is drawn again, offers to undo it.
 */
function markerEnding() {
  const user = state.user || {};
  return {
    day: state.asOf,
    allowed: (m) => !m.derived && !m.to && m.type !== 'RESTRICTED' && (user.role === 'MEETING_CHAIR'
      || user.role === 'ADMIN' || (Boolean(m.source) && m.source === user.agency)),
    end: async (marker, day) => {
      const ended = await guarded(() => graphql(END_MARKER, { markerId: marker.id, on: day }));
      if (ended) {
        await redraw();
        const to = ended.endMarker.to;
        say(`Ended: the ${words(marker.type)} marker, on ${to}.${to > state.asOf
          ? ` ${state.asOf}, the day the page shows, still shows it.` : ''}`, 'success',
          { label: 'Undo', run: () => reinstate(marker), focus: true, back: () => endButton(marker) });
      }
    },
  };
}

/** Shows a person's panels; answers when they are drawn (at once if they already are). */
export function showPanels(personId) {
  const key = [personId, state.asOf, state.scope, state.meeting].join('|');
  if (state.panelsKey === key && loading) {
    // shown already, or on the way: they are the person selected again (a network opened since, for
    // someone else, cleared it: review 77, meeting mode then found nobody selected)
    const subject = state.subjectId;
    return loading.then(() => {
      // (not once another person's network is drawn: review 78)
      if (state.panelsKey === key && state.subjectId === subject) {
        state.selectedId = personId;
        rememberView();
      }
    });
  }
  state.panelsKey = key;
  const current = loads.next();
  loading = guarded(() => rendering.run(() => load(personId, current))).then((done) => {
    if (done === undefined && current()) {
      // failed: the next selection of the same person asks again
      state.panelsKey = null;
    }
  });
  return loading;
}

/** How many people the graph has selected, and the last of them (open: chosen while a drawing loads). */
let personSelections = 0;
let lastSelected = null;
/** Their name as the graph said it when chosen (they may not be drawn on the next day). */
let lastSelectedName = null;
/**
 * The hidden person (a placeholder's node key) the graph selected after any person, or null: a new day or
 * depth selects them again where drawn (walk 70: after the depth changed, the details went on showing
 * them, not drawn, and the message named the person selected before them).
 */
let lastHidden = null;

/** A name as the graph's label gives it, without the age it says for the day drawn ("Ruby Hale (6)"). */
function nameOnly(label) {
  return label ? label.replace(/ \(\d+\)$/, '') : label;
}

/** The graph's select event for a person (a click, the keyboard, opening a network). */
export function selectPerson(personId) {
  personSelections += 1;
  lastHidden = null;
  lastSelected = personId;
  lastSelectedName = controller ? nameOnly(controller.personName(personId)) : null;
  state.recentPeople = [...state.recentPeople.filter((p) => p !== personId), personId].slice(-2);
  return showPanels(personId);
}

const opens = new Latest();

/**
 * Opens a person's network and selects them (or, after a new date or depth, the person selected
 * before; from an entry of the history, the person it names: if still there), which loads the panels
 * once. Then whatever showed the day before and was not drawn again (publish.js dayChanging) says
 * what it said before, unless a newer opening is on. expanded: the people to expand again (an entry
 * of the history, graph.js openPerson); tab: the panels' tab the entry left open for the person selected.
 */
export async function open(personId, { keepExpansions = false, expanded = null, selected = null, tab = null } = {}) {
  const mine = opens.next();
  state.opening = personId;
  if (state.subjectId && personId !== state.subjectId) {
    // the panels still show someone of the network before: they say "loading" (and fade) until the new
    // person's are drawn (walk 64: for half a second after Sara was opened from search, the details said
    // Lily Archer beside Sara's network)
    rendering.hold();
  }
  try {
    const selections = personSelections;
    const shown = await openPerson(personId, { keepExpansions, expanded });
    let notDrawn = null;
    if (shown) {
      // the person last chosen on the graph of this network, even while it loaded (a new day, a new depth):
      // not the person whose panels were last drawn, which a choice waiting for its panels is not yet
      // (the choice was lost when the new drawing landed; review 86: and when the day changed twice)
      const hidden = keepExpansions && !selected ? lastHidden : null;
      const chosen = keepExpansions && personSelections !== selections ? lastSelected : null;
      const wanted = hidden ? null : chosen || selected || (keepExpansions ? lastSelected || state.selectedId : null);
      const target = wanted && controller.has(`Person:${wanted}`) ? wanted : personId;
      if (hidden && !controller.has(hidden)) {
        notDrawn = `The person your agency cannot see whom you selected is not in the network on ${state.asOf}: `
          + `${nameOnly(controller.personName(target)) || 'the person opened'} is selected.`;
        lastHidden = null;
      } else if (keepExpansions && wanted && wanted !== target && wanted === lastSelected && lastSelectedName) {
        // (walk 69: Ruby, chosen while a day before her birth loaded, gave way to Kyle without a word)
        notDrawn = `${lastSelectedName} is not in the network on ${state.asOf}: ${nameOnly(controller.personName(target))
          || 'the person opened'} is selected.`;
      }
      controller.select(`Person:${target}`);
      // (a person chosen while the panels load is the choice: the hidden person is not selected over them,
      // review 90)
      const chosenSince = personSelections;
      if (tab && target === selected) {
        // the tab the entry left open (a reload, Back), on the person it was open for; in meeting mode, the
        // tab shown again on leaving it
        if (state.meeting) {
          state.tabBeforeMeeting = tab;
        } else {
          selectTab(tab);
        }
      }
      await showPanels(target);
      if (hidden && controller.has(hidden) && mine() && personSelections === chosenSince) {
        // the hidden person chosen last, drawn again: selected again, as a person chosen last is (their
        // details; the other panels, drawn for the day, say whose they are)
        controller.select(hidden);
      }
    }
    const reach = takeReachNote();
    if (mine() && reach && !shownMessage()) {
      // (after the panels, whose loading clears the message line; never over what they said)
      say(reach, 'warning');
    } else if (mine() && notDrawn && !shownMessage()) {
      say(notDrawn, 'info');
    }
    if (mine()) {
      // (a family whose answer failed is said by the graph's banner #family-unread until it is read)
      dayDrawn();
    }
    // whether the network was shown (false: not loaded; null: a newer opening took over)
    return mine() ? shown : null;
  } finally {
    if (mine()) {
      state.opening = null;
      // (no person's panels drawn after all, or the same person's already there: what they said stands)
      rendering.release();
      writeWaitingDay();
    }
  }
}

/**
 * The graph's select event for a placeholder (someone the agency may not see): the details panel
 * says what it stands for and offers to ask the holders or, for practitioners, to break the glass,
 * both about the placeholder as met in the open network (never by typing an id). The other panels
 * keep the person shown before; the next selection of a person loads theirs again.
 */
export function selectPlaceholder(placeholder) {
  if (!placeholder) {
    return Promise.resolve();
  }
  loads.next();
  state.panelsKey = null;
  loading = null;
  personSelections += 1;
  lastHidden = placeholder.key;
  const role = state.user ? state.user.role : '';
  const personId = state.subjectId;
  const actions = [];
  // asked only of an agency that holds something, never the user's own (new-user check 47: the form
  // was offered with nobody to ask, and said so only once a reason was written and sent)
  const askable = (placeholder.holders || []).filter((h) => !state.user || h.id !== state.user.agency);
  if ((role === 'PRACTITIONER' || role === 'MEETING_CHAIR') && askable.length > 0) {
    actions.push({ id: 'placeholder-request', text: 'Request information',
      onClick: () => offerInformationRequest(personId, placeholder) });
  }
  if (role === 'PRACTITIONER') {
    actions.push({ id: 'placeholder-break-glass', text: 'Break glass',
      onClick: () => offerBreakGlassFromPlaceholder(personId, placeholder) });
  }
  selectTab('tab-details');
  byId('graph-status').textContent = `Selected: ${placeholder.spoken}`;
  return rendering.run(async () => {
    renderPlaceholder(byId('panel-details'), placeholder, actions);
    sayPanelsAreOfBefore(HIDDEN);
    rendering.shows(state.asOf);
  });
}

/**
 * Selecting what has no panels of its own (a placeholder, an agency or professional): the other tabs
 * still show the person selected before, and each says so under its heading, so that a hidden
 * person's selection never reads as "no risk flags" or "no siblings" of theirs (walk 64: "Flags: Lee
 * Bell … No risk flags on this date" beside the hidden person's selection). The next person's panels
 * are drawn afresh, without it.
 */
function sayPanelsAreOfBefore(selected) {
  PANELS_IDS.filter((id) => id !== 'panel-details').forEach((id) => {
    const panel = byId(id);
    const old = panel.querySelector(':scope > .panels-of-before');
    if (old) {
      old.remove();
    }
    if (!panelsOf || panel.childElementCount === 0) {
      return;
    }
    const note = el('p', { class: 'notice panels-of-before', role: 'note',
      text: `These are ${panelsOf}'s, the person selected before: ${selected} has none here. Select a person to see theirs.` });
    const heading = panel.querySelector(':scope > h2');
    if (heading) {
      heading.after(note);
    } else {
      panel.prepend(note);
    }
  });
}

/**
 * The graph's select event for an agency or a professional: the details panel shows that node's
 * own details and its involvement with the people shown (as far as the graph may show it); the
 * live region has said it already (main.js). The other panels keep the person shown before; the
 * next selection of a person loads theirs again.
 */
export function selectService(service) {
  if (!service) {
    return Promise.resolve();
  }
  loads.next();
  state.panelsKey = null;
  loading = null;
  selectTab('tab-details');
  return rendering.run(async () => {
    renderService(byId('panel-details'), service, (keys) => controller.highlight(keys));
    sayPanelsAreOfBefore(service.label);
    rendering.shows(state.asOf);
  });
}

export function selectTab(tabId) {
  const changed = state.panelTab !== tabId;
  state.panelTab = tabId;
  showTab(document.querySelector('.panels [role="tablist"]'), tabId);
  if (changed) {
    // kept in the history's entry, with the person selected (only when it changed: arrow keys along the
    // tabs write no entry each, review 79)
    rememberView();
  }
}
