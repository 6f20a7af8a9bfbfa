// The network in the graph: opening a person (and replaying the expansions after a date change, in
// one request), expanding and collapsing, undo, the layout, connections, filters. Every change of
// the graph runs through one Rendering, so #cy says data-state="ready" only when the network, its
// layout and its flags are all there.

import { graphql, graphqlEach } from './api.js';
import { CONNECTION, CONTACTS, FAMILY_SCOPE, NETWORK, expansions } from './queries.js';
import { byId, clear, el } from './dom.js';
import { guarded, note, say } from './message.js';
import { Latest, Rendering } from './publish.js';
import { state } from './state.js';
import { inSentence } from './words.js';
import { keepFlags, knownFlags, loadFlags, readFlags } from './flags.js';
import { hideBreakGlass, offerBreakGlass } from './break-glass.js';
import { hideInformationRequest } from './information-requests.js';
import { rememberView, updateUrl } from './asof.js';

/** Nodes asked for per network; the server caps a network there and says it was cut. */
export const FIRST = 500;
/**
 * Expansions asked for in one request: each depth-1 network of up to 500 nodes weighs about 2,000
 * of the server's default complexity budget of 10,000 (EXPLORER_GRAPHQL_MAX_COMPLEXITY).
 */
const EXPANSIONS_PER_REQUEST = 4;
/** People outside the FAMILY scope whose contacts the ecomap asks for one by one, at most. */
const MORE_CONTACTS = 10;

let controller;
let rendering;
/** A new network makes every answer asked for the one before it stale. */
const networks = new Latest();
let networkCurrent = () => true;

export function wireGraph(theController) {
  controller = theController;
  rendering = new Rendering(byId('cy')).followsTheDay();
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
      const answers = await networksOf(part.map(recordId), 1);
      part.forEach((key) => {
        const more = answers.get(recordId(key));
        if (more) {
          fetched.set(key, more);
          more.nodes.forEach((node) => present.add(node.key));
        }
      });
    }
  }
  return keys.filter((k) => fetched.has(k)).map((key) => ({ key, network: fetched.get(key) }));
}

/**
 * The networks of people to a depth on state.asOf, in as few requests as the server allows
 * (record id → network); one that failed is left out and the message says why.
 */
/**
 * The network as it was on the day: without anyone born after it, nor their links (the records may
 * link a parent to a child not yet born on an earlier day, and the panels may name the child), so
 * that no view draws them, as an adult or at all; nor a placeholder left with no link to anyone
 * drawn (someone your agency cannot see, brought in only by a child not yet born), which would say
 * that such a child exists. With keepSubject, the person opened stays, marked as not yet born.
 */
function bornBy(network, asOf, keepSubject = false) {
  const late = (n) => Boolean(n.dateOfBirth && n.dateOfBirth > asOf);
  const unborn = new Set(network.nodes.filter((n) => late(n) && !(keepSubject && n.subject)).map((n) => n.key));
  const edges = network.edges.filter((e) => !unborn.has(e.source) && !unborn.has(e.target));
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = network.nodes
    .filter((n) => !unborn.has(n.key) && (n.kind !== 'RESTRICTED_PERSON' || linked.has(n.key)))
    .map((n) => (late(n) ? { ...n, unborn: true } : n));
  return { ...network, nodes, edges };
}

async function networksOf(ids, depth) {
  const fetched = new Map();
  for (let i = 0; i < ids.length; i += EXPANSIONS_PER_REQUEST) {
    const part = ids.slice(i, i + EXPANSIONS_PER_REQUEST);
    const variables = { asOf: state.asOf, first: FIRST, depth };
    part.forEach((id, n) => { variables[`p${n}`] = id; });
    let answer;
    try {
      answer = await graphqlEach(expansions(part.length), variables);
    } catch (e) {
      // the network itself is still shown; only these parts are missing
      answer = { data: {}, errors: [e] };
    }
    const { data, errors } = answer;
    if (errors.length > 0) {
      say(errors[0].message, 'error');
    }
    part.forEach((id, n) => {
      if (data[`e${n}`]) {
        fetched.set(id, bornBy(data[`e${n}`], variables.asOf));
      }
    });
  }
  return fetched;
}

/**
 * The family the panels name for the person on state.asOf ({ids, unassessed}): the children of the
 * siblings-at-risk cards and the people of the FAMILY agency matrix whom the user may see (a
 * placeholder is never looked up), and the record ids of the children the cards say were not
 * assessed. Null when it could not be read.
 */
async function familyScope(personId) {
  const data = await guarded(() => graphql(FAMILY_SCOPE, { personId, asOf: state.asOf }));
  if (!data) {
    return null;
  }
  const seen = (who) => who && who.kind === 'PERSON' && !who.restricted;
  const ids = new Set([personId]);
  data.siblingsAtRisk.forEach((s) => { if (seen(s.child)) { ids.add(s.child.id); } });
  data.agencyInvolvement.people.forEach((p) => { if (seen(p.person)) { ids.add(p.person.id); } });
  // not assessed: due an assessment since a concern began on the day (before any concern, nothing is due)
  const unassessed = data.siblingsAtRisk.filter((s) => seen(s.child) && s.notAssessed).map((s) => s.child.id);
  return { ids: [...ids], unassessed };
}

/**
 * What a family member's own network adds to the genogram: the person, their parents and
 * partners (or the placeholders the server gives for them), their homes on the day, and the
 * professionals and agencies involved with them; the edges of the answer between what the graph
 * then holds come with them. Need-to-know is the server's: nothing is added that the answer lacks.
 */
function familyPart(network, personId, relatives) {
  const me = `Person:${personId}`;
  const kept = new Set([me]);
  const other = (e) => (e.source === me ? e.target : e.source);
  network.edges.forEach((e) => {
    const mine = e.source === me || e.target === me;
    const relative = (e.type === 'PARENT_OF' && e.target === me) || (e.type === 'PARTNER_OF' && mine)
      || (e.type === 'LIVES_AT' && e.source === me && e.current);
    if ((relatives && relative) || (e.type === 'INVOLVED_WITH' && mine)) {
      kept.add(other(e));
    }
  });
  network.edges.forEach((e) => {
    if (e.type === 'WORKS_FOR' && kept.has(e.source) && e.source.startsWith('Professional:')) {
      kept.add(e.target);
    }
  });
  return { nodes: network.nodes.filter((n) => kept.has(n.key)), edges: network.edges };
}

/**
 * The genogram's family (parts to merge into the graph): each person the panels name, with their
 * parents, partners and homes, and the agencies involved with all of them (two-step networks, so
 * that a professional's agency comes too), read in two rounds: the family, then (for their
 * agencies only) the parents and partners who were not in it. Empty when no longer wanted.
 */
async function familyParts(scope, current) {
  const parts = [];
  const asked = new Set(scope.ids);
  let round = scope.ids;
  for (let pass = 0; pass < 2 && round.length > 0 && current(); pass += 1) {
    const answers = await networksOf(round, 2);
    const next = [];
    round.forEach((id) => {
      const network = answers.get(id);
      if (!network) {
        return;
      }
      const part = familyPart(network, id, pass === 0);
      parts.push(part);
      part.nodes.filter((n) => n.kind === 'PERSON' && !asked.has(n.id)).forEach((n) => {
        asked.add(n.id);
        next.push(n.id);
      });
    });
    round = next;
  }
  return current() ? parts : [];
}

/**
 * The marks of the people about to be drawn (networks or parts of them): their flags (read for
 * those not known yet) and the family's NOT ASSESSED, to put on before the layout measures labels.
 */
async function marksOf(parts, current) {
  return {
    flags: current() ? await knownFlags(peopleOf(parts)) : null,
    unassessed: state.family ? state.family.unassessed : [],
  };
}

/** The ids of the people in networks or parts of them ({nodes}). */
function peopleOf(networks) {
  return [...new Set(networks.flatMap((n) => n.nodes).filter((n) => n.kind === 'PERSON').map((n) => n.id))];
}

function showTruncated(truncated) {
  byId('truncated').hidden = !truncated;
  byId('truncated-text').textContent = truncated
    ? `This network is larger than ${FIRST} nodes; only the nearest are shown. Narrow it to see the closest links clearly.`
    : '';
}

/** What the graph says before anyone is opened (index.html). */
const EMPTY_HINT = 'Find a person to start: search by name or id.';

function refreshAgencyFilter() {
  const select = byId('agency-filter');
  const chosen = select.value;
  clear(select).append(el('option', { value: '', text: 'All agencies' }));
  controller.agencies().sort((x, y) => x.name.localeCompare(y.name))
    .forEach((a) => select.append(el('option', { value: a.id, selected: a.id === chosen, text: a.name })));
}

/**
 * Opens a person's network on state.asOf at state.depth; with keepExpansions (a new date or depth)
 * the people expanded before are expanded again, with expanded (Back, Forward, a reload) the people
 * an entry of the history names. Answers true when the network is shown; the caller then selects
 * someone, which loads the panels.
 */
export async function openPerson(personId, { keepExpansions = false, expanded = null } = {}) {
  const current = networks.next();
  networkCurrent = current;
  const replay = expanded || (keepExpansions ? [...new Set([...controller.expandedKeys(), ...notReached(personId)])] : []);
  reachNote = '';
  // the names of those expanded, as drawn now: said if the new network no longer reaches them
  const drawnNames = new Map(replay.filter(personKey).map((k) => [k, controller.personName(recordId(k))]));
  say('');
  // the first opening says so where the graph will be (new-user check 47: "Find a person to start"
  // stayed for seconds after a person was chosen)
  const empty = byId('graph-empty');
  if (!empty.hidden) {
    empty.textContent = 'Opening the network…';
    // (meeting mode says so too, not that nobody is open)
    empty.dataset.opening = 'true';
  }
  try {
    return await rendering.run(async () => {
      const asOf = state.asOf;
      const depth = state.depth;
      const data = await graphql(NETWORK, { personId, depth, asOf, first: FIRST });
      if (!current()) {
        return false;
      }
      data.network = bornBy(data.network, asOf, true);
      hideBreakGlass();
      hideInformationRequest();
      // the expansions replayed and the family asked for together (walk 26: one after the other)
      const [more, scope] = await Promise.all([fetchExpansions(replay, data.network, current), familyScope(personId)]);
      const family = scope && wantsFamily() ? await familyParts(scope, current) : [];
      // everyone's flags before the drawing, so that the labels the layout measures are whole
      const flags = current() ? await readFlags(peopleOf([data.network, ...more.map((m) => m.network), ...family])) : null;
      if (!current()) {
        return false;
      }
      if (personId !== state.subjectId) {
        // (the entry written next names nobody selected until their panels are shown: not the person
        // selected on the page before)
        state.selectedId = null;
      }
      state.subjectId = personId;
      state.family = scope;
      // (the entry written next names the people expanded again, on the depth drawn, and those it does
      // not reach, kept to be expanded again where it does)
      unreached = { personId, keys: replay.filter((k) => personKey(k) && !more.some((m) => m.key === k)
        && !data.network.nodes.some((n) => n.key === k)) };
      state.expanded = [...more.map((m) => m.key), ...unreached.keys];
      byId('cy').dataset.depth = String(depth);
      // someone is open: the empty graph's hint goes
      byId('graph-empty').hidden = true;
      byId('demo-hint').hidden = true;
      updateUrl({ shown: true });
      showTruncated(data.network.truncated);
      byId('family-unread').hidden = scope !== null;
      keepFlags(flags);
      await controller.show(data.network, more, family, {
        asOf, reader: state.user ? state.user.username : null, flags, unassessed: scope ? scope.unassessed : [],
      });
      refreshAgencyFilter();
      // (the flags of anyone they did not cover: none, unless they could not be read)
      await loadFlags(controller, controller.personIds());
      controller.markUnassessed(scope ? scope.unassessed : []);
      await loadContacts();
      if (current()) {
        rendering.shows(asOf);
        reachNote = notReachedNote(unreached.keys.filter((k) => !controller.has(k)), drawnNames, depth, asOf);
      }
      return current();
    });
  } catch (e) {
    if (!current()) {
      // overtaken: a newer opening or day says what happened to it
      return false;
    }
    say(e.message || 'Something went wrong.', 'error');
    if (e.classification === 'NOT_FOUND' && state.user && state.user.role === 'PRACTITIONER') {
      offerBreakGlass(personId);
    }
    return false;
  } finally {
    if (!empty.hidden && current()) {
      // nobody opened after all (not found, an error): the hint again
      empty.textContent = EMPTY_HINT;
      delete empty.dataset.opening;
    }
  }
}

/**
 * People expanded whom the network drawn does not reach (a smaller depth, another day), of the person
 * opened: kept with the expansions (state.expanded, the history's entry), and expanded again once a
 * depth or day reaches them (walk 60: at one hop Gary's expansion was dropped without a word, and two
 * hops again did not bring it back).
 */
let unreached = { personId: null, keys: [] };

function notReached(personId) {
  return unreached.personId === personId ? unreached.keys : [];
}

/** What to say once the network and its panels are drawn (takeReachNote), or ''. */
let reachNote = '';

/** The note on expansions the network drawn last does not reach, said once (selection.js open, after the panels). */
export function takeReachNote() {
  const note = reachNote;
  reachNote = '';
  return note;
}

/** By name, whose expansion the network drawn does not reach, and that it comes back where it does; or ''. */
function notReachedNote(keys, names, depth, asOf) {
  if (keys.length === 0) {
    return '';
  }
  // (a reload knows the keys of its entry, not the names: those drawn before it are gone)
  const who = keys.map((k) => names.get(k) || 'someone expanded before');
  const list = inSentence(who);
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} ${who.length === 1 ? 'is' : 'are'} not in the network at `
    + `${depth} ${depth === 1 ? 'hop' : 'hops'} on ${asOf}: ${who.length === 1 ? 'their expansion is' : 'their expansions are'}`
    + ' kept, and drawn again at a depth or day that reaches them.';
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
    const asOf = state.asOf;
    const data = await graphql(NETWORK, { personId: node.id, depth: 1, asOf, first: FIRST });
    if (!current()) {
      return;
    }
    data.network = bornBy(data.network, asOf);
    const marks = await marksOf([data.network], current);
    if (!current()) {
      return;
    }
    const added = await controller.expand(node.key, data.network, marks);
    keepExpansions();
    refreshAgencyFilter();
    // said over the graph's corner: the message line would push the page, and the graph, down
    const people = added.filter(personKey).map(recordId);
    if (people.length > 0) {
      await loadFlags(controller, people);
      controller.markUnassessed(state.family ? state.family.unassessed : []);
    }
    await loadContacts();
    if (!current()) {
      // another network is drawn now: nothing is said about this one over it (review 83)
      return;
    }
    // said last (a message on the way clears it): the view stays, so what came outside it is said
    if (added.length === 0) {
      outsideNote = null;
      note(`Nothing more is linked to ${node.label} on this date.`);
    } else {
      outsideNote = { keys: added, label: node.label, text: '' };
      followOutsideNote(true);
    }
  }));
}

/**
 * What an expansion brought outside the view ({keys, label, text}): its note stays true as the view
 * moves, and goes once everything it names is in view (walk 64: it stayed after Fit had brought them in).
 */
let outsideNote = null;

/**
 * Says, over the graph's corner, how many of what the last expansion brought lie outside the view,
 * or nothing once none does. After the first saying (first), only while the note is still its own
 * (a message or another note since has replaced it).
 */
export function followOutsideNote(first = false) {
  const box = byId('graph-note');
  if (!outsideNote || (!first && (box.hidden || box.textContent !== outsideNote.text))) {
    outsideNote = null;
    return;
  }
  const outside = controller.outsideView(outsideNote.keys);
  outsideNote.text = outside === 0 ? ''
    : `${outside} of what is linked to ${outsideNote.label} ${outside === 1 ? 'lies' : 'lie'} outside the view: Fit shows everything.`;
  if (first || box.textContent !== outsideNote.text) {
    note(outsideNote.text);
  }
  if (outside === 0) {
    outsideNote = null;
  }
}

export async function collapseSelected() {
  const node = controller.selectedNode();
  if (!node) {
    say('Select a node to collapse.', 'warning');
    return;
  }
  // (what the graph's corner said of an expansion is no longer so: walk 66, "Nothing more is linked" stayed)
  note('');
  const removed = await rendering.run(() => controller.collapse(node.key));
  keepExpansions();
  if (removed === 0) {
    say('Nothing to collapse there.', 'warning');
  }
}

export async function undo() {
  note('');
  const undone = await rendering.run(() => controller.undo());
  keepExpansions();
  if (!undone) {
    say('Nothing to undo.', 'warning');
  }
}

/** The people expanded now, in state and in the history's entry (Back to it expands them again). */
function keepExpansions() {
  // a kept expansion whose person the network draws again (through someone else's expansion) is the
  // user's to expand or collapse from then on (review 80: a collapse was undone by the next depth)
  unreached.keys = unreached.keys.filter((k) => !controller.has(k));
  state.expanded = [...controller.expandedKeys(), ...notReached(state.subjectId)];
  rememberView();
}

/**
 * Network (force-directed) or genogram: every control that chooses it (the view switch, the
 * sidebar's and meeting mode's selects) shows the choice; the graph publishes it as data-view.
 */
export function setLayout(name) {
  chooseView(name);
  updateUrl();
  return rendering.run(async () => {
    const current = networkCurrent;
    // the genogram draws the family the panels name, not only the network's steps
    const family = name === 'genogram' && state.subjectId && state.family
      ? await familyParts(state.family, current) : [];
    const marks = await marksOf(family, current);
    if (!current()) {
      return;
    }
    await controller.setLayout(name, family, marks);
    await loadFlags(controller, controller.personIds());
    if (state.family) {
      controller.markUnassessed(state.family.unassessed);
    }
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
  const data = await guarded(() => graphql(CONTACTS, { personId: state.subjectId, asOf, scope: 'FAMILY' }));
  if (!data || asOf !== state.asOf) {
    return;
  }
  const answers = [data];
  // the genogram's family also draws the involvements of parents and partners outside the
  // FAMILY scope (Mia's father Gary and his offender manager): their own, asked one by one
  const answered = new Set(data.agencyInvolvement.people.map((p) => p.person.id));
  const others = controller.involvedPeople().filter((id) => !answered.has(id)).slice(0, MORE_CONTACTS);
  for (const personId of others) {
    const more = await guarded(() => graphql(CONTACTS, { personId, asOf, scope: 'PERSON' }));
    if (more) {
      answers.push(more);
    }
  }
  if (asOf !== state.asOf) {
    return;
  }
  const contacts = new Map();
  answers.forEach((answer) => answer.agencyInvolvement.people.forEach((p) => p.involvements.forEach((i) => {
    if (i.professional) {
      contacts.set(`Person:${p.person.id}->Professional:${i.professional.id}`, { last: i.lastContactOn, to: i.to });
    } else {
      // details your agency may not see (health): the contact is held by that agency, never "none"
      contacts.set(`Person:${p.person.id}->Agency:${i.agency.id}`, { withheld: true, to: i.to });
    }
  })));
  controller.markContacts(contacts, asOf);
}

/**
 * The view (fcose: the network; genogram) the controls, the address and the next drawing say, drawn
 * by setLayout, or by the next opening (a link with view=genogram).
 */
export function chooseView(name) {
  const view = name === 'genogram' ? 'genogram' : 'fcose';
  state.view = view;
  byId('layout-select').value = view;
  byId('meeting-layout').value = view;
  document.querySelectorAll('#graph-toolbar [data-view]')
    .forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
  controller.chooseLayout(view);
}

/**
 * Whether the family the panels name is drawn: in the genogram, meeting mode included (there the
 * genogram is laid out compactly, so that the names stay large enough for a room to read).
 */
function wantsFamily() {
  return controller.layoutName === 'genogram';
}

/** The graph's type at a scale (meeting mode), laid out again where the spacing follows it. */
export function setTextScale(scale) {
  return rendering.run(async () => {
    if (controller.layoutName === 'genogram') {
      const current = networkCurrent;
      const family = wantsFamily() && state.subjectId && state.family ? await familyParts(state.family, current) : [];
      const marks = await marksOf(family, current);
      if (!current()) {
        return;
      }
      controller.setFamily(family, marks);
    }
    await controller.setTextScale(scale);
    if (controller.layoutName === 'genogram') {
      await loadFlags(controller, controller.personIds());
      controller.markUnassessed(state.family ? state.family.unassessed : []);
      await loadContacts();
    }
  });
}

export function fit() {
  controller.fit();
}

/** Entering meeting mode, before the page's layout changes: the view to put back on leaving it. */
export function keepViewForMeeting() {
  controller.keepViewForMeeting();
}

/** After leaving meeting mode: fitted, unless the view the page had before it was put back. */
export function fitUnlessKept() {
  controller.fitUnlessKept();
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
  // (what a filter hides is not outside the view, and what it shows again may be)
  followOutsideNote();
}
