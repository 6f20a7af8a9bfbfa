// Starts the explorer: search, open a person's network, panels, as-of date, meeting mode, export.

import { graphql, me, currentCsrfToken } from './api.js';
import { BREAK_GLASS, COMPLETE_ACTION, CONNECTION, FLAGS, NETWORK, OVERDUE, PANELS, RECORD_EXPORT, SEARCH, TRIAGE } from './queries.js';
import { Controller } from './controller.js';
import { initMatches } from './matches.js';
import { clear, el, fullName, markerCode } from './dom.js';
import {
  renderAddresses, renderAgencies, renderChronology, renderDetails, renderFlags, renderOverdue, renderSiblings, renderTriage,
} from './panels.js';

const FIRST = 500;
const SLIDER_START = '2000-01-01';
const DAY = 86_400_000;

const $ = (id) => document.getElementById(id);

const state = {
  subjectId: null,
  asOf: new Date().toISOString().substring(0, 10),
  depth: 2,
  scope: 'PERSON',
  selectedId: null,
  recentPeople: [],
  flags: [],
  user: null,
};

let controller;

function say(text) {
  const box = $('message');
  box.textContent = text || '';
  box.hidden = !text;
}

async function guarded(work) {
  try {
    say('');
    return await work();
  } catch (e) {
    say(e.message || 'Something went wrong.');
    return undefined;
  }
}

// --- as-of date ---------------------------------------------------------------------------

function sliderToDate(value) {
  const start = Date.parse(SLIDER_START);
  const end = Date.now();
  return new Date(start + (end - start) * (value / 1000)).toISOString().substring(0, 10);
}

function dateToSlider(date) {
  const start = Date.parse(SLIDER_START);
  const end = Date.now();
  return Math.round(((Date.parse(date) - start) / (end - start)) * 1000);
}

function setAsOf(date, reload = true) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    say('Choose a date as YYYY-MM-DD.');
    return;
  }
  state.asOf = date;
  $('asof-date').value = date;
  $('asof-slider').value = String(dateToSlider(date));
  updateUrl();
  if (reload && state.subjectId) {
    openPerson(state.subjectId, true);
  }
}

function updateUrl() {
  const params = new URLSearchParams();
  if (state.subjectId) {
    params.set('person', state.subjectId);
  }
  params.set('asOf', state.asOf);
  window.history.replaceState(null, '', `/?${params}`);
}

// --- search -------------------------------------------------------------------------------

async function search(text) {
  const data = await guarded(() => graphql(SEARCH, { text, asOf: state.asOf }));
  if (!data) {
    return;
  }
  const list = clear($('results'));
  if (data.searchPeople.length === 0) {
    list.append(el('li', { class: 'empty', text: 'Nobody found.' }));
  }
  data.searchPeople.forEach((p) => {
    const address = p.currentAddress ? `${p.currentAddress.line1}, ${p.currentAddress.postcode || ''}` : 'no current address';
    const badges = p.markers.map((m) => `[${markerCode(m)}]`).join(' ');
    list.append(el('li', {}, el('button', { type: 'button', 'data-person': p.id, onclick: () => openPerson(p.id) },
      el('strong', { text: fullName(p) }),
      el('span', { class: 'meta', text: `Born ${p.dateOfBirth || 'unknown'}${p.age !== null ? `, age ${p.age}` : ''}${p.child ? ' (child)' : ''}` }),
      el('span', { class: 'meta', text: address }),
      badges ? el('span', { class: 'meta', text: badges }) : null)));
  });
}

// --- network and panels -----------------------------------------------------------------

async function openPerson(personId, keepExpansions = false) {
  const replay = keepExpansions ? controller.expandedKeys() : [];
  let data;
  try {
    say('');
    data = await graphql(NETWORK, { personId, depth: state.depth, asOf: state.asOf, first: FIRST });
  } catch (e) {
    say(e.message || 'Something went wrong.');
    if (e.classification === 'NOT_FOUND' && state.user && state.user.role === 'PRACTITIONER') {
      offerBreakGlass(personId);
    }
    return;
  }
  $('break-glass').hidden = true;
  state.subjectId = personId;
  updateUrl();
  controller.show(data.network);
  for (const key of replay) {
    if (key.startsWith('Person:') && controller.cy.getElementById(key).nonempty()) {
      const more = await guarded(() => graphql(NETWORK, { personId: key.substring(7), depth: 1, asOf: state.asOf, first: FIRST }));
      if (more) {
        controller.expand(key, more.network);
      }
    }
  }
  showTruncated(data.network.truncated);
  await loadFlags();
  refreshAgencyFilter();
  controller.cy.$(`#${CSS.escape(`Person:${personId}`)}`).select();
  await loadPanels(state.selectedId && keepExpansions ? state.selectedId : personId);
}

function showTruncated(truncated) {
  $('truncated').hidden = !truncated;
  $('truncated-text').textContent = truncated
    ? `This network is larger than ${FIRST} nodes; only the nearest are shown. Narrow it to see the closest links clearly.`
    : '';
}

async function loadPanels(personId) {
  const data = await guarded(() => graphql(PANELS, { personId, asOf: state.asOf, scope: state.scope }));
  if (!data) {
    return;
  }
  state.selectedId = personId;
  const person = data.person;
  const highlight = (keys) => controller.highlight(keys);
  renderDetails($('panel-details'), person, data.sharedAddresses);
  renderSiblings($('panel-siblings'), data.siblingsAtRisk, person, highlight);
  renderAddresses($('panel-addresses'), data.sharedAddresses, person, highlight);
  renderAgencies($('panel-agencies'), data.agencyInvolvement, state.scope, (scope) => {
    state.scope = scope;
    loadPanels(personId);
  }, highlight);
  renderChronology($('panel-chronology'), data.chronology, person, highlight);
  renderFlags($('panel-flags'), state.flags.filter((f) => concerns(f, personId)), person, highlight, evidenceKeys);
  if (document.body.classList.contains('meeting')) {
    await loadMeetingOverdue();
  }
}

// --- risk flags and work queues -----------------------------------------------------------

function concerns(flag, personId) {
  return flag.subjectKind === 'PERSON' ? flag.subjectId === personId : flag.people.includes(personId);
}

/** The graph keys of a flag's evidence (people, addresses, professionals, agencies in the graph). */
function evidenceKeys(ids) {
  const keys = [];
  ids.forEach((id) => ['Person', 'Address', 'Professional', 'Agency'].forEach((kind) => {
    if (controller.cy.getElementById(`${kind}:${id}`).nonempty()) {
      keys.push(`${kind}:${id}`);
    }
  }));
  return keys;
}

/** Flags of every person in the graph, shown on their nodes. */
async function loadFlags() {
  const ids = controller.cy.nodes('.person').map((n) => n.data('recordId')).slice(0, 500);
  const data = ids.length === 0 ? { riskFlags: [] }
    : await guarded(() => graphql(FLAGS, { personIds: ids, asOf: state.asOf }));
  state.flags = data ? data.riskFlags : [];
  const byPerson = new Map();
  ids.forEach((id) => byPerson.set(id, state.flags.filter((f) => concerns(f, id))));
  controller.markFlags(byPerson);
}

async function openWork(tabId) {
  $('work').hidden = false;
  selectWorkTab($(tabId));
  const [triage, overdue] = await Promise.all([
    guarded(() => graphql(TRIAGE, { asOf: state.asOf })),
    guarded(() => graphql(OVERDUE, { asOf: state.asOf })),
  ]);
  const open = (id) => { $('work').hidden = true; openPerson(id); };
  if (triage) {
    renderTriage($('panel-triage'), triage.triageQueue, open);
  }
  if (overdue) {
    renderOverdue($('panel-overdue'), overdue.overdueActions, open, null, completion(() => openWork('tab-overdue')));
  }
  document.body.dataset.workReady = 'true';
}

function selectWorkTab(tab) {
  document.querySelectorAll('.work-tab').forEach((t) => {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    $(t.getAttribute('aria-controls')).hidden = !selected;
  });
}

/** Recording that an action was done: the owner agency or a meeting chair (the server checks too). */
function completion(refresh) {
  const user = state.user || {};
  return {
    day: state.asOf,
    allowed: (a) => user.role === 'MEETING_CHAIR' || user.role === 'ADMIN'
      || (a.owner && user.agency === a.owner.id),
    done: async (action, day) => {
      const recorded = await guarded(() => graphql(COMPLETE_ACTION, { actionId: action.id, completedOn: day }));
      if (recorded) {
        say(`Recorded: "${action.description}" done on ${recorded.completeAction.completedOn}.`);
        await refresh();
      }
    },
  };
}

/** Meeting mode: the overdue actions of the people in the graph. */
async function loadMeetingOverdue() {
  const data = await guarded(() => graphql(OVERDUE, { asOf: state.asOf }));
  if (!data) {
    return;
  }
  const inGraph = new Set(controller.cy.nodes('.person').map((n) => n.data('recordId')));
  renderOverdue($('meeting-overdue'), data.overdueActions.filter((a) => a.for.some((p) => inGraph.has(p.id))),
    (id) => openPerson(id), 'Overdue actions of this family');
}

async function expandSelected() {
  const node = controller.selectedPerson();
  if (!node) {
    say('Select a person to expand.');
    return;
  }
  const data = await guarded(() => graphql(NETWORK, { personId: node.data('recordId'), depth: 1, asOf: state.asOf, first: FIRST }));
  if (data) {
    const added = controller.expand(node.id(), data.network);
    refreshAgencyFilter();
    say(added === 0 ? `Nothing more is linked to ${node.data('label')} on this date.` : '');
    if (added > 0) {
      await loadFlags();
    }
  }
}

function collapseSelected() {
  const node = controller.cy.$('node:selected');
  if (node.empty()) {
    say('Select a node to collapse.');
    return;
  }
  if (controller.collapse(node[0].id()) === 0) {
    say('Nothing to collapse there.');
  }
}

async function connectTwo() {
  const [a, b] = state.recentPeople.slice(-2);
  if (!a || !b) {
    say('Select one person, then another, then choose “Connect two”.');
    return;
  }
  const data = await guarded(() => graphql(CONNECTION, { fromId: a, toId: b, asOf: state.asOf }));
  if (!data) {
    return;
  }
  if (data.connection.length === 0) {
    say('No connection within 6 steps on this date.');
    controller.highlight([]);
    return;
  }
  controller.showConnection(data.connection);
  say(`Shortest connection: ${data.connection[0].length} steps (${data.connection.length} path${data.connection.length > 1 ? 's' : ''}).`);
}

function refreshAgencyFilter() {
  const select = $('agency-filter');
  const chosen = select.value;
  clear(select).append(el('option', { value: '', text: 'All agencies' }));
  controller.agencies().sort((x, y) => x.name.localeCompare(y.name))
    .forEach((a) => select.append(el('option', { value: a.id, selected: a.id === chosen, text: a.name })));
}

function readFilters() {
  const hidden = new Set([...document.querySelectorAll('.edge-filter')].filter((c) => !c.checked).map((c) => c.value));
  controller.setFilters({ hidden, historic: $('historic-filter').checked, agency: $('agency-filter').value });
}

// --- tabs, meeting mode, export ------------------------------------------------------------

function selectTab(tab) {
  document.querySelectorAll('.panels [role="tab"]').forEach((t) => {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    $(t.getAttribute('aria-controls')).hidden = !selected;
  });
}

function toggleMeeting() {
  const on = !document.body.classList.contains('meeting');
  document.body.classList.toggle('meeting', on);
  $('meeting-button').setAttribute('aria-pressed', String(on));
  if (on) {
    state.scope = 'FAMILY';
    selectTab($('tab-agencies'));
    if (state.selectedId) {
      loadPanels(state.selectedId);
    }
  } else {
    clear($('meeting-overdue'));
  }
  setTimeout(() => controller.resize(), 50);
}

// --- break-glass --------------------------------------------------------------------------

function offerBreakGlass(personId) {
  $('break-glass-person').value = personId;
  $('break-glass').hidden = false;
  say(`No person '${personId}' that your agency may see. If a child's safety needs access, use `
    + '“Access without a relationship” (audited and reviewed).');
  $('break-glass-reason').focus();
}

async function breakGlass(event) {
  event.preventDefault();
  const personId = $('break-glass-person').value.trim();
  const reason = $('break-glass-reason').value.trim();
  if (reason.length < 10) {
    say('Say why you need access, in at least 10 characters.');
    return;
  }
  const granted = await guarded(() => graphql(BREAK_GLASS, {
    personId, purpose: $('break-glass-purpose').value, reason, hours: Number($('break-glass-hours').value),
  }));
  if (granted) {
    $('break-glass').hidden = true;
    $('break-glass-reason').value = '';
    await openPerson(personId);
    say(`Access granted until ${granted.breakGlass.until.substring(0, 16).replace('T', ' ')} UTC; every look is audited.`);
  }
}

// --- export (recorded in the audit log first) ---------------------------------------------

async function recordExport(kind) {
  if (!state.subjectId) {
    say('Open a person first.');
    return false;
  }
  const others = controller.cy.nodes('.person').map((n) => n.data('recordId')).filter((id) => id !== state.subjectId);
  const recorded = await guarded(() => graphql(RECORD_EXPORT, {
    kind, personIds: [state.subjectId, ...others].slice(0, 2000), asOf: state.asOf,
  }));
  return recorded !== undefined;
}

async function exportPng() {
  if (!await recordExport('PNG')) {
    return;
  }
  const blob = controller.png({ output: 'blob' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: `network-${state.subjectId || 'empty'}-${state.asOf}.png`, id: 'png-link' });
  document.body.append(link);
  link.click();
  link.remove();
  window.lastPng = blob;
  window.lastPngSize = blob.size;
  say(`PNG exported (${Math.round(blob.size / 1024)} KB).`);
}

async function printPack() {
  if (!await recordExport('PRINT_PACK')) {
    return;
  }
  $('print-graph').src = controller.png({ output: 'base64uri' });
  const who = state.user ? `${state.user.username}${state.user.agency ? ` (${state.user.agency})` : ''}` : '';
  $('print-who').textContent = `Printed by ${who} on ${new Date().toISOString().substring(0, 10)}; `
    + `facts as of ${state.asOf}.`;
  window.print();
}

// --- start ----------------------------------------------------------------------------------

function wire() {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('search-text').value.trim();
    if (text) {
      search(text);
    }
  });
  $('asof-date').addEventListener('change', (e) => setAsOf(e.target.value));
  $('asof-slider').addEventListener('input', (e) => { $('asof-date').value = sliderToDate(Number(e.target.value)); });
  $('asof-slider').addEventListener('change', (e) => setAsOf(sliderToDate(Number(e.target.value))));
  $('layout-select').addEventListener('change', (e) => controller.setLayout(e.target.value));
  $('depth-select').addEventListener('change', (e) => {
    state.depth = Number(e.target.value);
    if (state.subjectId) {
      openPerson(state.subjectId);
    }
  });
  $('narrow-button').addEventListener('click', () => {
    $('depth-select').value = '1';
    state.depth = 1;
    openPerson(state.subjectId);
  });
  $('expand-button').addEventListener('click', expandSelected);
  $('collapse-button').addEventListener('click', collapseSelected);
  $('undo-button').addEventListener('click', () => { if (!controller.undo()) { say('Nothing to undo.'); } });
  $('fit-button').addEventListener('click', () => controller.fit());
  $('connect-button').addEventListener('click', connectTwo);
  $('meeting-button').addEventListener('click', toggleMeeting);
  $('png-button').addEventListener('click', exportPng);
  $('print-button').addEventListener('click', printPack);
  $('break-glass-form').addEventListener('submit', breakGlass);
  $('break-glass-cancel').addEventListener('click', () => { $('break-glass').hidden = true; });
  document.querySelectorAll('.edge-filter, #historic-filter, #agency-filter')
    .forEach((c) => c.addEventListener('change', readFilters));
  document.querySelectorAll('.panels [role="tab"]').forEach((tab) => tab.addEventListener('click', () => selectTab(tab)));
  document.querySelectorAll('.work-tab').forEach((tab) => tab.addEventListener('click', () => selectWorkTab(tab)));
  $('work-button').addEventListener('click', () => openWork('tab-triage'));
  $('work-close').addEventListener('click', () => { $('work').hidden = true; });
  $('meeting-exit').addEventListener('click', toggleMeeting);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('matches').hidden && state.user && state.user.role !== 'DATA_STEWARD') {
      $('matches').hidden = true;
    } else if (e.key === 'Escape' && !$('work').hidden) {
      $('work').hidden = true;
    } else if (e.key === 'Escape' && document.body.classList.contains('meeting')) {
      toggleMeeting();
    }
  });
  $('logout-form').addEventListener('submit', () => { $('logout-csrf').value = currentCsrfToken() || ''; });

  const cy = controller.cy;
  cy.on('select', 'node.person', (e) => {
    const id = e.target.data('recordId');
    state.recentPeople = [...state.recentPeople.filter((p) => p !== id), id].slice(-2);
    loadPanels(id);
  });
  cy.on('dbltap', 'node.person', (e) => {
    cy.$(':selected').unselect();
    e.target.select();
    expandSelected();
  });
  cy.on('tap', (e) => { if (e.target === cy) { controller.highlight([]); } });
  $('cy').addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault();
      controller.step(1);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      controller.step(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      expandSelected();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      collapseSelected();
    }
  });
}

async function start() {
  window.cytoscape.use(window.cytoscapeFcose);
  controller = new Controller($('cy'));
  window.explorer = { controller, state };
  wire();
  state.user = await guarded(() => me());
  if (state.user) {
    $('user-name').textContent = `${state.user.username}${state.user.agency ? ` (${state.user.agency})` : ''}`;
    $('demo-badge').hidden = state.user.mode !== 'local';
    await initMatches(state.user, say);
  }
  const params = new URLSearchParams(window.location.search);
  setAsOf(params.get('asOf') || state.asOf, false);
  if (params.get('person')) {
    await openPerson(params.get('person'));
  }
  document.body.dataset.ready = 'true';
}

window.addEventListener('DOMContentLoaded', start);
