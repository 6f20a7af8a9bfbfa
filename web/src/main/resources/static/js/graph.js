// The network in the graph: opening a person (and replaying the expansions after a date change, in
// one request), expanding and collapsing, undo, the layout, connections, filters. Every change of
// the graph runs through one Rendering, so #cy says data-state="ready" only when the network, its
// layout and its flags are all there.

import { graphql, graphqlEach } from './api.js';
import { CONNECTION, CONTACTS, NETWORK, expansions } from './queries.js';
import { byId, clear, el } from './dom.js';
import { guarded, say } from './message.js';
import { Latest, Rendering } from './publish.js';
import { state } from './state.js';
import { loadFlags } from './flags.js';
import { hideBreakGlass, offerBreakGlass } from './break-glass.js';
import { hideInformationRequest } from './information-requests.js';
import { updateUrl } from './asof.js';

/** Nodes asked for per network; the server caps a network there and says it was cut. */
export const FIRST = 500;
/**
 * Expansions asked for in one request: each depth-1 network of up to 500 nodes weighs about 2,000
 * of the server's default complexity budget of 10,000 (EXPLORER_GRAPHQL_MAX_COMPLEXITY).
 */
const EXPANSIONS_PER_REQUEST = 4;

let controller;
let rendering;
/** A new network makes every answer asked for the one before it stale. */
const networks = new Latest();
let networkCurrent = () => true;

export function wireGraph(theController) {
  controller = theController;
  rendering = new Rendering(byId('cy'));
}

const personKey = (key) => key.startsWith('Person:');
const recordId = (key) => key.substring(key.indexOf(':') + 1);

/**
 * The networks of the expansions to replay on the new date, in as few requests as the server
 * allows: those whose person is in the new network first, then those that the first brought in.
 */
async function fetchExpansions(keys, network, current) {
  const present = new Set(network.nodes.map((n) => n.key));
  const fetched = new Map();
  let waiting = keys.filter(personKey);
  for (;;) {
    const ready = waiting.filter((k) => present.has(k));
    if (ready.length === 0 || !current()) {
      break;
    }
    waiting = waiting.filter((k) => !present.has(k));
    for (let i = 0; i < ready.length; i += EXPANSIONS_PER_REQUEST) {
      const part = ready.slice(i, i + EXPANSIONS_PER_REQUEST);
      const variables = { asOf: state.asOf, first: FIRST };
      part.forEach((key, n) => { variables[`p${n}`] = recordId(key); });
      let answer;
      try {
        answer = await graphqlEach(expansions(part.length), variables);
      } catch (e) {
        // the network itself is still shown; only these expansions are not replayed
        answer = { data: {}, errors: [e] };
      }
      const { data, errors } = answer;
      if (errors.length > 0) {
        say(errors[0].message, 'error');
      }
      part.forEach((key, n) => {
        const more = data[`e${n}`];
        if (more) {
          fetched.set(key, more);
          more.nodes.forEach((node) => present.add(node.key));
        }
      });
    }
  }
  return keys.filter((k) => fetched.has(k)).map((key) => ({ key, network: fetched.get(key) }));
}

function showTruncated(truncated) {
  byId('truncated').hidden = !truncated;
  byId('truncated-text').textContent = truncated
    ? `This network is larger than ${FIRST} nodes; only the nearest are shown. Narrow it to see the closest links clearly.`
    : '';
}

function refreshAgencyFilter() {
  const select = byId('agency-filter');
  const chosen = select.value;
  clear(select).append(el('option', { value: '', text: 'All agencies' }));
  controller.agencies().sort((x, y) => x.name.localeCompare(y.name))
    .forEach((a) => select.append(el('option', { value: a.id, selected: a.id === chosen, text: a.name })));
}

/**
 * Opens a person's network on state.asOf; with keepExpansions (a new date or depth) the people
 * expanded before are expanded again. Answers true when the network is shown; the caller then
 * selects someone, which loads the panels.
 */
export async function openPerson(personId, { keepExpansions = false } = {}) {
  const current = networks.next();
  networkCurrent = current;
  const replay = keepExpansions ? controller.expandedKeys() : [];
  say('');
  try {
    return await rendering.run(async () => {
      const data = await graphql(NETWORK, { personId, depth: state.depth, asOf: state.asOf, first: FIRST });
      if (!current()) {
        return false;
      }
      hideBreakGlass();
      hideInformationRequest();
      const more = await fetchExpansions(replay, data.network, current);
      if (!current()) {
        return false;
      }
      state.subjectId = personId;
      updateUrl();
      showTruncated(data.network.truncated);
      await controller.show(data.network, more);
      refreshAgencyFilter();
      await loadFlags(controller, controller.personIds(), { reset: true });
      await loadContacts();
      return current();
    });
  } catch (e) {
    say(e.message || 'Something went wrong.', 'error');
    if (e.classification === 'NOT_FOUND' && state.user && state.user.role === 'PRACTITIONER') {
      offerBreakGlass(personId);
    }
    return false;
  }
}

export async function expandSelected() {
  const node = controller.selectedPerson();
  if (!node && controller.selectedNode() && controller.selectedNode().kind === 'RESTRICTED_PERSON') {
    say('Someone your agency cannot see is not expanded: ask the agencies that hold information (Request information).', 'warning');
    return;
  }
  if (!node) {
    say('Select a person to expand.', 'warning');
    return;
  }
  const current = networkCurrent;
  await guarded(() => rendering.run(async () => {
    const data = await graphql(NETWORK, { personId: node.id, depth: 1, asOf: state.asOf, first: FIRST });
    if (!current()) {
      return;
    }
    const added = await controller.expand(node.key, data.network);
    refreshAgencyFilter();
    say(added.length === 0 ? `Nothing more is linked to ${node.label} on this date.` : '');
    const people = added.filter(personKey).map(recordId);
    if (people.length > 0) {
      await loadFlags(controller, people);
    }
    await loadContacts();
  }));
}

export async function collapseSelected() {
  const node = controller.selectedNode();
  if (!node) {
    say('Select a node to collapse.', 'warning');
    return;
  }
  const removed = await rendering.run(() => controller.collapse(node.key));
  if (removed === 0) {
    say('Nothing to collapse there.', 'warning');
  }
}

export async function undo() {
  if (!await rendering.run(() => controller.undo())) {
    say('Nothing to undo.', 'warning');
  }
}

/**
 * Network (force-directed) or genogram: every control that chooses it (the view switch, the
 * sidebar's and meeting mode's selects) shows the choice; the graph publishes it as data-view.
 */
export function setLayout(name) {
  byId('layout-select').value = name;
  byId('meeting-layout').value = name;
  document.querySelectorAll('#graph-toolbar [data-view]')
    .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === name)));
  return rendering.run(async () => {
    await controller.setLayout(name);
    await loadContacts();
  });
}

/**
 * The ecomap's lines (genogram view only): how long before the as-of day each professional last
 * had contact with each person of the family, from the family's involvements; drawn by recency.
 */
async function loadContacts() {
  if (controller.layoutName !== 'genogram' || !state.subjectId) {
    return;
  }
  const asOf = state.asOf;
  const data = await guarded(() => graphql(CONTACTS, { personId: state.subjectId, asOf }));
  if (!data || asOf !== state.asOf) {
    return;
  }
  const contacts = new Map();
  data.agencyInvolvement.people.forEach((p) => p.involvements.forEach((i) => {
    if (i.professional) {
      contacts.set(`Person:${p.person.id}->Professional:${i.professional.id}`, { last: i.lastContactOn, to: i.to });
    } else {
      // details your agency may not see (health): the contact is held by that agency, never "none"
      contacts.set(`Person:${p.person.id}->Agency:${i.agency.id}`, { withheld: true, to: i.to });
    }
  }));
  controller.markContacts(contacts, asOf);
}

/** The graph's type at a scale (meeting mode), laid out again where the spacing follows it. */
export function setTextScale(scale) {
  return rendering.run(() => controller.setTextScale(scale));
}

export function fit() {
  controller.fit();
}

/**
 * The two people to connect: the two selected in the graph; else the one selected and the person
 * selected in the graph just before (the way "Select one person, then another" works with a click
 * each). Answers [{id, label}, {id, label}] or null.
 */
function twoPeople() {
  const selected = controller.selectedPeople();
  if (selected.length >= 2) {
    return selected.slice(-2);
  }
  if (selected.length === 1) {
    const before = state.recentPeople.filter((id) => id !== selected[0].id && controller.has(`Person:${id}`)).pop();
    if (before) {
      return [controller.personSummary(before), selected[0]];
    }
  }
  return null;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function connectTwo() {
  const pair = twoPeople();
  if (!pair) {
    say('Select one person, then another, then choose “Connect two”.', 'warning');
    return;
  }
  const [a, b] = pair;
  await guarded(() => rendering.run(async () => {
    const data = await graphql(CONNECTION, { fromId: a.id, toId: b.id, asOf: state.asOf });
    if (data.connection.length === 0) {
      say(`No connection between ${a.label} and ${b.label} within 6 steps on this date.`);
      controller.highlight([]);
      return;
    }
    await controller.showConnection(data.connection);
    say(`Shortest connection between ${a.label} and ${b.label}: ${plural(data.connection[0].length, 'step')} `
      + `(${plural(data.connection.length, 'path')}).`);
  }));
}

export function readFilters() {
  const hidden = new Set([...document.querySelectorAll('.edge-filter')].filter((c) => !c.checked).map((c) => c.value));
  controller.setFilters({ hidden, historic: byId('historic-filter').checked, agency: byId('agency-filter').value });
}
