// The one owner of the Cytoscape instance: no other module touches it. It offers verbs (show,
// expand, collapse, undo, highlight, filter, layout, select) and batches every change in
// cy.batch(). Verbs that move nodes answer a promise that settles when the layout has stopped.
// The selection is published on the container (data-selected, the keys of the selected nodes).

import { HOUSEHOLD_PADDING, STYLE, largeText } from './cy/style.js';
import { chooseShape, clearLines, fcose, separateLabels } from './cy/layout.js';
import { ecomapRoutes, fitColumns, genogramLayout, separateHouseholds } from './genogram.js';
import { addDays } from './days.js';
import { markerCode } from './dom.js';
import { words } from './words.js';
import { SEVERITIES } from './flags.js';
import { HIDDEN, HIDDEN_SHORT, holderTypes, years } from './placeholders.js';

/** The order a placeholder's links are told in: how they are related before where they lived. */
const LINK_ORDER = ['PARENT_OF', 'PARTNER_OF', 'SIBLING', 'SIBLING_OF', 'HAS_CONTACT_WITH', 'INVOLVED_WITH', 'LIVES_AT'];

const FAMILY_TYPES = ['PARENT_OF', 'PARTNER_OF', 'SIBLING_OF', 'SIBLING', 'DESCENT', 'COPARENTS', 'TWINS'];
/** The style an ecomap line is routed with (routeEcomap), taken off again when it goes straight. */
const ROUTED = 'curve-style edge-distances segment-weights segment-distances';
/** The room around what is fitted to the graph's box (rendered pixels). */
const FIT_PADDING = 30;
/** The most nodes meeting mode shapes to its box (stretchToBox): a larger network is read by zooming in. */
const STRETCH_AT_MOST = 60;

/** The most nodes whose labels a fresh drawing moves off each other (spreadLabels). */
const SPREAD_AT_MOST = 150;
/**
 * The smallest size (rendered pixels) of the family's names that a fit of the genogram allows: on
 * a screen of one's own, and in meeting mode, read across a room (walk 27: Fit at 1600×900 drew
 * the family's names at 13 px to take in the whole ecomap).
 */
const READABLE_NAME = 12;
const READABLE_IN_A_ROOM = 24;
/** plainBox of a node's symbol and label, without its edges or overlays. */
const SYMBOL_AND_LABEL = { includeNodes: true, includeEdges: false, includeLabels: true, includeOverlays: false };
/** What only the genogram draws: couples, descent lines, household outlines. */
const GENOGRAM_ONLY = '.household, .union, .descent, .coparents, .twins';
/** The room between the ecomap's bands and the family that the ecomap's lines run along (model pixels). */
const CORRIDOR = 14;
/** How the partnership line says that a couple parted (one stroke separated, two divorced). */
const PARTED = { SEPARATED: '/', DIVORCED: '//' };

/**
 * Badges that meeting mode's labels leave out because the symbol says them and the legend names the
 * symbol: the brown dashed border (a restriction). NOT ASSESSED, RSO, MAPPA and CPP stay in words
 * beside their ring, triangle and border: they are what a room must see at once, and a chair walking
 * the family read the symbols alone more slowly than the words (walk 26); a plan's dashed blue border
 * could not be made out across the room (walk 62).
 */
const SYMBOL_BADGES = new Set(['RESTRICTED']);

/**
 * A person's label on a shared screen (meeting mode, data(short)): the name and age on the first
 * line, what else the label says in words (a death), and on one line the badges that no symbol
 * says; read from the full label (data(display)), so that the two always agree.
 */
export function shortLabel(display) {
  const [first, ...rest] = display.split('\n');
  const words = [];
  const badges = [];
  rest.forEach((line) => {
    const found = line.match(/\[[^\]]+\]/g);
    if (found && line.trim().startsWith('[')) {
      badges.push(...found.filter((b) => !SYMBOL_BADGES.has(b.slice(1, -1).replace(/ \d+$/, ''))));
    } else if (line) {
      words.push(line);
    }
  });
  return [first, ...words, badges.join(' ')].filter(Boolean).join('\n');
}

/** A node's label, full (data(display)) and for a shared screen (data(short)). */
function labels(display) {
  return { display, short: shortLabel(display) };
}

/** The placeholder of someone the user may not see: drawn grey and dashed, never as a person. */
function placeholderElement(node) {
  const held = holderTypes(node.holders);
  const display = `${HIDDEN}${held ? `\nheld by: ${held}` : ''}`;
  return {
    group: 'nodes',
    data: { ...node, recordId: node.id, id: node.key, display, short: HIDDEN_SHORT },
    classes: 'restricted-person',
  };
}

function nodeElement(node) {
  if (node.kind === 'RESTRICTED_PERSON') {
    return placeholderElement(node);
  }
  const classes = [node.kind.toLowerCase()];
  const badges = (node.markers || []).map(markerCode);
  let display = node.label;
  if (node.kind === 'PERSON') {
    classes.push(node.sex === 'MALE' ? 'male' : node.sex === 'FEMALE' ? 'female' : 'other');
    // the person opened on a day before their birth (graph.js bornBy): neither child nor adult
    classes.push(node.unborn ? 'unborn' : node.child ? 'child' : 'adult');
    if (node.unborn) {
      display += '\nnot yet born on this day';
    }
    if (node.age !== null && node.age !== undefined) {
      display += ` (${node.age})`;
    }
    if (node.deceasedOn) {
      // the genogram's mark for a death: the symbol struck through (style.js), and in words
      classes.push('deceased');
      display += `\n† died ${node.deceasedOn.substring(0, 4)}`;
    }
  }
  if (node.subject) {
    classes.push('subject');
  }
  const types = new Set((node.markers || []).map((m) => m.type));
  if (types.has('REGISTERED_SEX_OFFENDER')) {
    classes.push('rso');
  }
  if (types.has('MAPPA')) {
    classes.push('mappa');
  }
  if (types.has('RESTRICTED')) {
    classes.push('restricted');
  }
  if (types.has('CHILD_PROTECTION_PLAN')) {
    classes.push('cpp');
  }
  if (node.kind === 'ADDRESS' && badges.length > 0) {
    classes.push('marked');
  }
  if (node.possibleMatch) {
    // a match candidate waits for a data steward: this may be the same person as another
    badges.push('MATCH?');
    classes.push('possible-match');
  }
  if (badges.length > 0) {
    display += `\n${badges.map((b) => `[${b}]`).join(' ')}`;
  }
  return { group: 'nodes', data: { ...node, recordId: node.id, id: node.key, ...labels(display) }, classes: classes.join(' ') };
}

function edgeLabel(edge) {
  if (edge.type === 'SIBLING' || edge.type === 'SIBLING_OF') {
    return `${words(edge.kind)} sibling`;
  }
  if (edge.type === 'PARENT_OF') {
    return edge.kind && edge.kind !== 'BIRTH' ? words(edge.kind) : '';
  }
  if (edge.type === 'POSSIBLY_SAME_AS') {
    return 'possibly the same person';
  }
  if (edge.type === 'PARTNER_OF') {
    if (edge.current) {
      // together on the as-of day: how it ended later is not yet known on that day
      const since = edge.from ? ` since ${edge.from.substring(0, 4)}` : '';
      return `${edge.status === 'MARRIED' ? 'married' : 'partners'}${since}`;
    }
    const years = `${edge.from ? edge.from.substring(0, 4) : ''}${edge.to ? `–${edge.to.substring(0, 4)}` : ''}`;
    // "/ partners 2008–2014, separated": the years are the partnership's, never the separation's
    const was = { SEPARATED: 'partners', DIVORCED: 'married' }[edge.status];
    if (was) {
      return `${[PARTED[edge.status], was, years].filter(Boolean).join(' ')}, ${words(edge.status)}`;
    }
    return [edge.status ? words(edge.status) : 'partners', years].filter(Boolean).join(' ');
  }
  return '';
}

/**
 * A partnership's label on a shared screen (meeting mode, data(edgeShort)): its years, "m." for a
 * marriage, and the genogram's strokes for its end ("/ 2008–2014" separated, "// m. 2005–2014"
 * divorced; the meeting key says so), short enough to lie between two partners one column apart
 * (the full "/ partners 2008–2014, separated" ran under both partners' symbols at 1920×1080).
 */
export function partnershipShort(edge) {
  const from = edge.from ? edge.from.substring(0, 4) : '';
  const to = edge.current ? '' : edge.to ? edge.to.substring(0, 4) : '';
  const years = from || to ? `${from}–${to}` : '';
  if (!years || (!edge.current && !to)) {
    // no years, or ended with no end recorded ("2008–" would read as still together)
    return edgeLabel(edge);
  }
  // (together on the day: married only if the record says so now, as the full label says)
  const married = edge.status === 'MARRIED' || (!edge.current && edge.status === 'DIVORCED') ? 'm.' : '';
  return [edge.current ? '' : PARTED[edge.status], married, years].filter(Boolean).join(' ');
}

function edgeElement(edge) {
  return {
    group: 'edges',
    data: { ...edge, id: edge.key, edgeLabel: edgeLabel(edge),
      ...(edge.type === 'PARTNER_OF' ? { edgeShort: partnershipShort(edge) } : {}) },
    classes: edge.current ? 'current' : 'historic',
  };
}

function summary(node) {
  return node ? {
    key: node.id(), id: node.data('recordId'), label: node.data('spoken') || node.data('label'), kind: node.data('kind'),
  } : null;
}

/** "mother", "father" or "parent" of a person node, by its sex. */
/**
 * A node's box as boundingBox gives it (model pixels) but without the room made for the rings of the
 * person opened and of the selection (style.js MARKED: an outline nobody sees, so that the renderer
 * draws them whole), so that opening or selecting someone never spreads, routes or fits anything
 * differently: the symbol, its halo (an underlay) and a child not assessed's black ring, with its label.
 */
function plainBox(n, options = {}) {
  if (!n.isNode() || !(n.hasClass('subject') || n.selected())) {
    return n.boundingBox(options);
  }
  const o = { includeNodes: true, includeLabels: true, includeUnderlays: true, ...options };
  const boxes = [];
  if (o.includeLabels) {
    const label = n.boundingBox({ ...o, includeNodes: false, includeEdges: false });
    if (label.w > 0 && label.h > 0) {
      boxes.push(label);
    }
  }
  if (o.includeNodes) {
    const p = n.position();
    const halo = o.includeUnderlays && parseFloat(n.style('underlay-opacity')) > 0 ? parseFloat(n.style('underlay-padding')) || 0 : 0;
    const extra = Math.max(halo, n.hasClass('unassessed') ? UNASSESSED_RING : 0) + 1;
    const w = n.outerWidth() / 2 + extra;
    const h = n.outerHeight() / 2 + extra;
    boxes.push({ x1: p.x - w, y1: p.y - h, x2: p.x + w, y2: p.y + h });
  }
  const x1 = Math.min(...boxes.map((b) => b.x1));
  const y1 = Math.min(...boxes.map((b) => b.y1));
  const x2 = Math.max(...boxes.map((b) => b.x2));
  const y2 = Math.max(...boxes.map((b) => b.y2));
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** A node's outline as the snapshot reports it: the black ring of a child not assessed as drawn (see plainBox). */
function blackRing(n) {
  if (!(n.hasClass('subject') || n.selected())) {
    return { outlineWidth: parseFloat(n.style('outline-width')) || 0, outlineColor: n.style('outline-color') };
  }
  return n.hasClass('unassessed') ? { outlineWidth: 4, outlineColor: 'rgb(11,12,12)' } : { outlineWidth: 0, outlineColor: null };
}

/** How far a child not assessed's black ring reaches beyond the symbol (style.js: its outline's width and offset). */
const UNASSESSED_RING = 7;

/** plainBox of every node of a collection together. */
function plainBoxOf(nodes, options) {
  const boxes = nodes.map((n) => plainBox(n, options));
  const x1 = Math.min(...boxes.map((b) => b.x1));
  const y1 = Math.min(...boxes.map((b) => b.y1));
  const x2 = Math.max(...boxes.map((b) => b.x2));
  const y2 = Math.max(...boxes.map((b) => b.y2));
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** A seed for the layout of these nodes: the same for the same people, services and places (FNV-1a of their keys). */
function layoutSeed(nodes) {
  let hash = 0x811c9dc5;
  nodes.map((n) => n.id()).sort().join('|').split('').forEach((c) => {
    hash ^= c.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  });
  return hash;
}

/**
 * Runs work (a layout's run, which computes every place before it returns) with Math.random drawn
 * from a generator of the seed given (xorshift32), and the force layout's own sequence (layout-base's
 * RandomSeed) started again, so that the layout is the same for the same seed; Math.random is then as
 * it was.
 */
function withSeed(seed, work) {
  const random = Math.random;
  let x = seed || 1;
  Math.random = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const base = window.layoutBase && window.layoutBase.RandomSeed;
  if (base) {
    base.seed = 1;
  }
  try {
    return work();
  } finally {
    Math.random = random;
  }
}

/**
 * Whether a node's label is not what it was (labels: key → display, as kept): a [NEW] of Then and now,
 * about to go, is no change (review 84).
 */
function labelChanged(labels, node) {
  const plain = (display) => (display || '').replace(/\n?\[NEW\]/g, '');
  return plain(labels.get(node.id())) !== plain(node.data('display'));
}

/** Moves the nodes to their places (key → {x, y}) in one batch; answers whether any moved. */
function moveTo(cy, nodes, places) {
  let moved = false;
  cy.batch(() => nodes.forEach((n) => {
    const p = places[n.id()];
    if (p.x !== n.position('x') || p.y !== n.position('y')) {
      n.position(p);
      moved = true;
    }
  }));
  return moved;
}

/** A model box on screen (rendered pixels within the graph's box). */
function toScreen(cy, b) {
  const zoom = cy.zoom();
  const pan = cy.pan();
  return { x1: b.x1 * zoom + pan.x, y1: b.y1 * zoom + pan.y, x2: b.x2 * zoom + pan.x, y2: b.y2 * zoom + pan.y,
    w: b.w * zoom, h: b.h * zoom };
}

/**
 * The keyboard's order beside a person: oldest first (as the genogram's rows), then those with no
 * date of birth (a hidden person, a home, a professional, an agency) by kind and name; the same on
 * every screen and after every layout.
 */
const KIND_ORDER = ['person', 'restricted-person', 'address', 'professional', 'agency'];
function byAge(a, b) {
  const born = (n) => String(n.data('dateOfBirth') || '');
  const kind = (n) => KIND_ORDER.findIndex((k) => n.hasClass(k));
  return (born(a) === '') - (born(b) === '') || born(a).localeCompare(born(b)) || kind(a) - kind(b)
    || String(a.data('label') || '').localeCompare(String(b.data('label') || '')) || a.id().localeCompare(b.id());
}

function parentWord(node) {
  return node.data('sex') === 'FEMALE' ? 'mother' : node.data('sex') === 'MALE' ? 'father' : 'parent';
}

export class Controller {
  /**
   * @param container the element to draw in
   * @param on what to call when the user selects a person (onSelectPerson(id)) or double-clicks one
   *     (onOpenPerson(key), after selecting it)
   */
  constructor(container, on = {}) {
    if (!Controller.layoutsRegistered) {
      // once per page: the meeting room's Then and now draws with a second controller
      window.cytoscape.use(window.cytoscapeFcose);
      Controller.layoutsRegistered = true;
    }
    this.container = container;
    // (the wheel as Cytoscape tunes it for each kind of device: at 0.3 a mouse's notch zoomed by under 1 %, walk 65)
    this.cy = window.cytoscape({ container, style: STYLE, minZoom: 0.1, maxZoom: 4 });
    this.layoutName = 'fcose';
    this.container.dataset.view = 'network';
    this.subjectKey = null;
    this.history = [];
    this.expandedBy = new Map();
    this.filters = { hidden: new Set(), historic: true, agency: '' };
    this.edgeLabels = false;
    /** The ids of what the genogram's family added to the network. */
    this.familyAdded = [];
    this.cy.on('mouseover', 'edge', (e) => e.target.addClass('label-on'));
    this.cy.on('mouseout', 'edge', (e) => {
      if (!e.target.connectedNodes().some((n) => n.selected())) {
        e.target.removeClass('label-on');
      }
    });
    this.cy.on('select unselect', 'node', () => this.labelSelection());
    // whatever moves the view or the graph may move the ecomap out of it, or back (ringOutside)
    if (on.onViewChanged) {
      let pending = null;
      this.cy.on('viewport layoutstop add remove', () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(() => on.onViewChanged());
      });
    }
    // a label whose text changes while the node stays where it is (flags and marks after a date
    // move) must be measured again: Cytoscape keeps the box (and the picture of the label drawn
    // in it) of the text before, which cut a second line of badges to a sliver
    this.cy.on('data', 'node', (e) => e.target.dirtyBoundingBoxCache());
    this.layout = null;
    this.layoutDone = null;
    this.publishSelection();
    this.cy.on('select unselect', 'node', () => this.publishSelection());
    // when each node was selected, so that "Connect two" knows which came first
    this.selectedAt = new Map();
    this.selections = 0;
    this.cy.on('select', 'node', (e) => { this.selections += 1; this.selectedAt.set(e.target.id(), this.selections); });
    this.cy.on('select', 'node', (e) => on.onSelectNode && on.onSelectNode(e.target.id()));
    // left and right go round the links of the pivot: the node last chosen by click, up or down
    this.pivot = null;
    this.sideways = false;
    this.cy.on('select', 'node', (e) => {
      if (!this.sideways) {
        this.pivot = e.target.id();
      }
    });
    this.cy.on('select', 'node.person', (e) => on.onSelectPerson && on.onSelectPerson(e.target.data('recordId')));
    this.cy.on('select', 'node.restricted-person',
      (e) => on.onSelectPlaceholder && on.onSelectPlaceholder(this.placeholder(e.target.id())));
    this.cy.on('select', 'node.agency, node.professional',
      (e) => on.onSelectService && on.onSelectService(this.service(e.target.id())));
    // Cytoscape calls two quick clicks a double click wherever they land; only two on the same
    // person are one (choosing two people in turn for "Connect two" must not expand the second).
    this.taps = [null, null];
    this.cy.on('tap', (e) => {
      this.taps = [this.taps[1], e.target === this.cy ? null : e.target.id()];
      if (e.target === this.cy) {
        this.highlight([]);
      }
    });
    this.cy.on('dbltap', 'node.person', (e) => {
      if (this.taps[0] !== e.target.id()) {
        return;
      }
      this.cy.$(':selected').unselect();
      e.target.select();
      if (on.onOpenPerson) {
        on.onOpenPerson(e.target.id());
      }
    });
  }

  publishSelection() {
    this.container.dataset.selected = this.cy.$('node:selected').map((n) => n.id()).join(' ');
  }

  /**
   * Draws a network ({nodes, edges}, the subject first) with the expansions ({key, network}, in
   * order; one whose node is not there by then is left out) replayed and the family the panels
   * name, laid out once; day: {asOf, reader, flags, unassessed}, the as-of day it was answered for,
   * the user it was answered to (the genogram's memory of other days is kept for that user and
   * family only) and the marks known of its people (applyMarks).
   */
  show(network, expansions = [], family = [], day = {}) {
    this.asOf = day.asOf || null;
    this.reader = day.reader || null;
    const subjectKey = network.nodes.length > 0 ? network.nodes[0].key : null;
    const newSubject = subjectKey !== this.subjectKey;
    // a new date or depth of the same person keeps everyone where they were; another person's
    // network is laid out afresh (layout45: re-opening Sara after Kyle kept the agencies both share
    // where Kyle's drawing had put them and started everyone else beside them, and the held layout,
    // which only places newcomers, left Sara's family under the agencies' labels)
    const before = newSubject ? new Map()
      : new Map(this.cy.nodes().not(GENOGRAM_ONLY).map((n) => [n.id(), { ...n.position() }]));
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(network.nodes.map(nodeElement));
      this.cy.add(network.edges.map(edgeElement));
    });
    this.subjectKey = subjectKey;
    this.history = [];
    this.expandedBy.clear();
    expansions.forEach(({ key, network: more }) => {
      if (this.has(key)) {
        const added = this.merge(more.nodes, more.edges);
        this.expandedBy.set(key, added);
        this.history.push({ kind: 'expand', key, added });
      }
    });
    this.familyAdded = [];
    this.addFamily(family);
    this.applyMarks(day);
    this.applyFilters();
    const kept = this.cy.nodes().filter((n) => before.has(n.id()));
    kept.forEach((n) => n.position(before.get(n.id())));
    // the same family on another day keeps the zoom (fitted only if something falls out of view)
    return this.relayout({ keep: kept.nonempty() ? kept : null, refit: newSubject });
  }

  has(key) {
    return this.cy.getElementById(key).nonempty();
  }

  /** Adds what is not there yet; returns the ids added. */
  merge(nodes, edges) {
    const added = [];
    this.cy.batch(() => {
      nodes.forEach((n) => {
        if (this.cy.getElementById(n.key).empty()) {
          this.cy.add(nodeElement({ ...n, subject: false }));
          added.push(n.key);
        }
      });
      edges.forEach((e) => {
        if (this.cy.getElementById(e.key).empty()
            && this.cy.getElementById(e.source).nonempty() && this.cy.getElementById(e.target).nonempty()) {
          this.cy.add(edgeElement(e));
          added.push(e.key);
        }
      });
    });
    return added;
  }

  /** Adds a neighbourhood loaded for the node; undoable. Answers the keys added, once laid out. */
  async expand(key, network, marks = {}) {
    const added = this.merge(network.nodes, network.edges);
    // expanded again, what the first expansion added stays theirs to collapse; an expansion that adds
    // nothing is kept (another day or depth may bring more) but leaves nothing to undo, and Collapse then
    // takes what hangs on them (walk 65: "Nothing to collapse there", and an Undo that did nothing;
    // review 83: also a first expansion of someone whose links were all drawn)
    const before = this.expandedBy.get(key);
    this.expandedBy.set(key, before ? [...before, ...added] : added);
    if (added.length > 0) {
      this.history.push({ kind: 'expand', key, added, before, view: this.viewport() });
    }
    this.applyMarks(marks);
    this.applyFilters();
    // the view stays where the user left it (Enter never refits): what lies outside it is said (graph.js)
    await this.relayout({ keep: this.cy.nodes().not(GENOGRAM_ONLY).filter((n) => !added.includes(n.id())), hold: true });
    return added;
  }

  /**
   * Removes what expanding the node added, or else the people and places hanging only on it.
   * Answers how many elements went, once laid out.
   */
  async collapse(key) {
    const node = this.cy.getElementById(key);
    if (node.empty()) {
      return 0;
    }
    let removable = this.cy.collection();
    const added = this.expandedBy.get(key);
    if (added && added.length > 0) {
      added.forEach((id) => { removable = removable.union(this.cy.getElementById(id)); });
    } else {
      removable = node.neighborhood('node').filter((n) => n.degree(false) === 1 && n.id() !== this.subjectKey);
    }
    removable = removable.union(removable.connectedEdges());
    if (removable.empty()) {
      return 0;
    }
    const saved = removable.jsons();
    const view = this.viewport();
    this.cy.batch(() => removable.remove());
    this.expandedBy.delete(key);
    this.history.push({ kind: 'collapse', key, saved, added, view });
    await this.relayout({ keep: this.cy.nodes().not(GENOGRAM_ONLY) });
    return saved.length;
  }

  /**
   * The view's zoom and pan, as cy.viewport takes them, with what they are measured in: the layout, the
   * size of the type and of the graph's box (undo gives the view back only in the same: review 85).
   */
  viewport() {
    return { zoom: this.cy.zoom(), pan: { ...this.cy.pan() }, layout: this.layoutName, scale: this.textScale || 1,
      width: this.container.clientWidth, height: this.container.clientHeight };
  }

  /**
   * Reverses the last expand or collapse, and gives back the view it was done in (walk 66: Undo after an
   * expansion and a Fit stayed zoomed out over the network as it was before); answers false when there is
   * none, once laid out.
   */
  async undo() {
    const last = this.history.pop();
    if (!last) {
      return false;
    }
    const stayed = this.cy.nodes().not(GENOGRAM_ONLY);
    this.cy.batch(() => {
      if (last.kind === 'expand') {
        last.added.forEach((id) => this.cy.getElementById(id).remove());
        if (last.before) {
          this.expandedBy.set(last.key, last.before);
        } else {
          this.expandedBy.delete(last.key);
        }
      } else {
        this.cy.add(last.saved.filter((j) => j.group === 'nodes'));
        this.cy.add(last.saved.filter((j) => j.group === 'edges'
          && this.cy.getElementById(j.data.source).nonempty() && this.cy.getElementById(j.data.target).nonempty()));
        if (last.added) {
          this.expandedBy.set(last.key, last.added);
        }
      }
    });
    this.applyFilters();
    await this.relayout({ keep: stayed.filter((n) => n.inside()) });
    const view = last.view;
    if (view && this.layoutName !== 'genogram' && view.layout === this.layoutName && view.scale === (this.textScale || 1)
        && view.width === this.container.clientWidth && view.height === this.container.clientHeight) {
      // (the genogram lays its family out afresh, and meeting mode, another box or layout measure the view
      // otherwise: those are fitted where anyone falls out of view, as relayout did)
      this.cy.viewport({ zoom: view.zoom, pan: view.pan });
    }
    return true;
  }

  expandedKeys() {
    return [...this.expandedBy.keys()];
  }

  /**
   * Adds the genogram's family (parts of networks, as merge takes them), remembered apart from the
   * expansions (no undo) so that the network view can leave it out again.
   */
  addFamily(parts) {
    parts.forEach((part) => {
      this.familyAdded.push(...this.merge(part.nodes, part.edges));
    });
  }

  /** Takes out what only the genogram's family brought (the network view draws the network asked for). */
  removeFamily() {
    this.cy.batch(() => {
      (this.familyAdded || []).forEach((id) => this.cy.getElementById(id).remove());
    });
    this.familyAdded = [];
  }

  /**
   * Replaces the genogram's family by another (none: the network's own), without laying out; with
   * the marks known of its people (applyMarks).
   */
  setFamily(parts, marks = {}) {
    this.removeFamily();
    this.addFamily(parts);
    this.applyMarks(marks);
    this.applyFilters();
  }

  /**
   * The marks already known ({flags: id → flags, unassessed: ids}) put on the labels before a
   * layout measures them: a label that grew after the layout ran over its neighbours (walk 27).
   */
  applyMarks({ flags = null, unassessed = null } = {}) {
    if (flags) {
      this.applyFlags(flags);
    }
    if (unassessed) {
      this.applyUnassessed(unassessed);
    }
  }

  /**
   * Network (a force layout) or genogram, published on the container as data-view; the genogram
   * adds the family (parts of networks) that the panels name, which the network leaves out again,
   * with the marks known of its people (applyMarks).
   */
  setLayout(name, family = [], marks = {}) {
    this.chooseLayout(name);
    this.setFamily(family, marks);
    return this.relayout();
  }

  /** The layout the next drawing uses (setLayout draws it now). */
  chooseLayout(name) {
    this.layoutName = name;
    this.container.dataset.view = name === 'genogram' ? 'genogram' : 'network';
  }

  /**
   * Larger type on a shared screen (meeting mode); 1 is the ordinary size. The genogram's spacing
   * follows its labels, so it is laid out again; the network is fitted to its box. Answers once laid out.
   */
  setTextScale(scale) {
    this.textScale = scale;
    this.cy.style(scale > 1 ? STYLE.concat(largeText(scale)) : STYLE);
    this.viewKept = false;
    if (this.layoutName === 'genogram') {
      // laid out again for the type; the view the page had comes back on leaving when the same family is
      // drawn in the same places (walk 69: the genogram always lost the chair's zoom)
      const view = this.viewBeforeMeeting;
      if (scale > 1) {
        return this.relayout().then(() => {
          this.viewBeforeMeeting = view;
        });
      }
      this.viewBeforeMeeting = null;
      return this.relayout().then(() => {
        this.viewKept = this.putBackView(view);
      });
    }
    // the network's larger labels moved off each other, in the shape of meeting mode's box, then fitted
    // to the box; at the ordinary size in the places it had before (review 79: the shape stayed)
    if (scale > 1) {
      // the places of a drawing finished at the ordinary size, its labels as they are now
      this.keepShape(true);
      this.stretchToBox();
      this.spreadLabels();
      this.resize();
    } else {
      const view = this.viewBeforeMeeting;
      this.viewBeforeMeeting = null;
      const before = this.shapeBefore;
      const nodes = this.cy.nodes().not(GENOGRAM_ONLY);
      const kept = before ? nodes.filter((n) => before.has(n.id())) : this.cy.collection();
      const newcomers = kept.nonempty() && kept.length < nodes.length;
      // (the labels the places were finished with; none when the places are a layout's own, unfinished)
      const labels = this.labelsBefore;
      if (newcomers) {
        // everyone back in their places, as a new day at this size keeps them (their labels as the day says)
        this.labelsBefore = null;
        this.unstretch();
      } else {
        this.backToOrdinarySize();
      }
      this.cy.resize();
      const finish = () => {
        this.viewKept = this.putBackView(view);
        if (!this.viewKept) {
          this.resize();
        }
        this.container.dataset.fitted = `${this.container.clientWidth}x${this.container.clientHeight}`;
      };
      if (newcomers) {
        // people first drawn in meeting mode (an expansion, a new day) laid out again at this size around
        // those back in their places, as a new day at this size places them (review 86: with the room's
        // shape undone alone, they came back away from the people they are linked to, spaced for the room)
        return this.relayout({ keep: kept, hold: true }).then(() => {
          // and finished as leaving without them is (review 87): places a layout's own, unfinished (a reload
          // in meeting mode), have their lines cleared and their labels spread; otherwise only those whose
          // labels changed meanwhile, and overlap another's now, move off the others
          if (!labels) {
            this.clearLinesOverPeople();
            this.spreadLabels(true);
          } else {
            this.spreadLabels(true, kept.filter((n) => labelChanged(labels, n)));
          }
          finish();
        });
      }
      finish();
    }
    return Promise.resolve();
  }

  /**
   * The view the page has as meeting mode is entered, before its box changes (zoom, pan, the box's
   * size and where everyone is drawn), for leaving it (putBackView).
   */
  keepViewForMeeting() {
    this.viewBeforeMeeting = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() }, width: this.cy.width(),
      height: this.cy.height(), places: new Map(this.cy.nodes().not(GENOGRAM_ONLY)
        .map((n) => [n.id(), { ...n.position() }])) };
  }

  /**
   * Leaving meeting mode: the view the page had before it (walk 68: a chair zoomed in on Kyle found his
   * name at 9 px instead of 14 once the view was fitted again), whoever is selected (walk 69), when the
   * network or genogram drawn before it is back in its places (those gone since aside; nobody moved off
   * another: a genogram laid out again for another day is not); the
   * middle of that view in the middle of the box if the box changed size. Someone drawn since (an
   * expansion, a new day) who falls outside it has the graph fitted instead. Answers whether it was put
   * back (otherwise the page fits the graph).
   */
  putBackView(view) {
    if (!view) {
      return false;
    }
    const nodes = this.cy.nodes().not(GENOGRAM_ONLY);
    const moved = nodes.some((n) => {
      const place = view.places.get(n.id());
      return place && Math.hypot(place.x - n.position('x'), place.y - n.position('y')) > 1;
    });
    if (moved || !nodes.some((n) => view.places.has(n.id()))) {
      return false;
    }
    const middle = { x: (view.width / 2 - view.pan.x) / view.zoom, y: (view.height / 2 - view.pan.y) / view.zoom };
    this.cy.viewport({ zoom: view.zoom,
      pan: { x: this.cy.width() / 2 - middle.x * view.zoom, y: this.cy.height() / 2 - middle.y * view.zoom } });
    const newcomers = nodes.filter((n) => !view.places.has(n.id()) && n.visible()).map((n) => n.id());
    // nor when the person selected lies wholly outside it (review 87: chosen at the room's edge, Tom was
    // selected and his panels shown, off the screen)
    const extent = this.cy.extent();
    const lost = this.cy.$('node:selected').some((n) => {
      const b = n.boundingBox({ includeLabels: false });
      return b.x2 < extent.x1 || b.x1 > extent.x2 || b.y2 < extent.y1 || b.y1 > extent.y2;
    });
    return !lost && this.outsideView(newcomers) === 0;
  }

  /** After leaving meeting mode: the graph fitted to the page's box, unless the view before it was put back. */
  fitUnlessKept() {
    if (!this.viewKept) {
      this.fit();
    }
  }

  /**
   * Meeting mode's shared screen: the network drawn in the shape of its box (cy/layout.js chooseShape:
   * a force layout comes out about as tall as it is wide, so a wide screen drew the family in a third
   * of its width, its names no larger than the box's height allowed: walk 61), its labels then moved
   * apart in full by spreadLabels. Hidden nodes move with the rest. The places before meeting mode moved
   * anyone are kept (keepShape) for the ordinary size and the printed pack. Nothing moves at the ordinary size, in
   * the genogram, or for a network of more than STRETCH_AT_MOST nodes. Answers whether anything moved.
   */
  stretchToBox() {
    if (this.layoutName === 'genogram' || (this.textScale || 1) <= 1) {
      return false;
    }
    const nodes = this.cy.nodes(':visible').not(GENOGRAM_ONLY);
    const width = this.container.clientWidth - 2 * FIT_PADDING;
    const height = this.container.clientHeight - 2 * FIT_PADDING;
    if (nodes.length < 3 || nodes.length > STRETCH_AT_MOST || width <= 0 || height <= 0) {
      return false;
    }
    const boxes = nodes.map((n) => {
      const b = plainBox(n, SYMBOL_AND_LABEL);
      return { key: n.id(), ...n.position(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2,
        halfWidth: n.outerWidth() / 2, halfHeight: n.outerHeight() / 2,
        person: n.hasClass('person') || n.hasClass('restricted-person') };
    });
    const shape = chooseShape(boxes, this.linesBetween(nodes), width, height);
    if (!shape) {
      return false;
    }
    // everyone in the shape (the hidden too), those shown where it draws them; the shape's undoing kept
    // for leaving meeting mode after the network changed in it (review 80)
    const all = this.cy.nodes().not(GENOGRAM_ONLY);
    this.cy.batch(() => all.forEach((n) => n.position(shape.places[n.id()] || shape.move(n.position()))));
    this.shapeUndo = shape.undo;
    return true;
  }

  /** The lines drawn between these nodes, as pairs of keys. */
  linesBetween(nodes) {
    const shown = new Set(nodes.map((n) => n.id()));
    return this.cy.edges(':visible').filter((e) => shown.has(e.source().id()) && shown.has(e.target().id()))
      .map((e) => [e.source().id(), e.target().id()]);
  }

  /**
   * After a fresh drawing of the network: people moved off the lines that run over their symbols
   * without joining them (cy/layout.js clearLines; walk 63: a parent's line over another's child read as
   * theirs). Not in the genogram, nor for a network of more than SPREAD_AT_MOST nodes. Answers whether
   * anyone moved.
   */
  clearLinesOverPeople() {
    const nodes = this.cy.nodes(':visible').not(GENOGRAM_ONLY);
    if (this.layoutName === 'genogram' || nodes.length > SPREAD_AT_MOST) {
      return false;
    }
    const places = clearLines(nodes.map((n) => ({ key: n.id(), ...n.position(), halfWidth: n.outerWidth() / 2,
      halfHeight: n.outerHeight() / 2, person: n.hasClass('person') || n.hasClass('restricted-person') })),
    this.linesBetween(nodes));
    return moveTo(this.cy, nodes, places);
  }

  /**
   * Where every node is now, kept (shapeBefore) for leaving meeting mode and for the printed pack; with
   * finished, the places are those of a drawing finished at the ordinary size (its lines cleared and its
   * labels spread), kept with the labels they were spread for (labelsBefore).
   */
  keepShape(finished = false) {
    this.shapeBefore = new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    this.labelsBefore = finished ? new Map(this.cy.nodes().map((n) => [n.id(), n.data('display')])) : null;
    this.shapeUndo = null;
  }

  /**
   * The network at the ordinary size again (leaving meeting mode): back in the places it had before
   * (unstretch). Places of a finished drawing stay as they were, but for the nodes whose labels changed
   * since (flags read in meeting mode), which move off the others (everyone's labels spread again from
   * those places moved Kyle's home 120 px); a [NEW] of Then and now, about to go, is no change (review
   * 84). Other places are finished as a fresh drawing at this size is.
   */
  backToOrdinarySize() {
    const labels = this.shapeBefore ? this.labelsBefore : null;
    this.labelsBefore = null;
    if (!this.unstretch()) {
      return;
    }
    if (labels) {
      this.spreadLabels(true, this.cy.nodes().filter((n) => labelChanged(labels, n)));
      return;
    }
    this.clearLinesOverPeople();
    this.spreadLabels(true);
  }

  /**
   * Leaving meeting mode: the network back in the places it had before meeting mode shaped it to its
   * box and spread its larger labels; those drawn since (an expansion or a new day in meeting mode,
   * keeping everyone else where they were) with the shape undone; drawn afresh in meeting mode without
   * a shape, as it is. Answers whether anything moved.
   */
  unstretch() {
    const before = this.shapeBefore;
    const undo = this.shapeUndo;
    this.shapeBefore = null;
    this.shapeUndo = null;
    if (!before && !undo) {
      return false;
    }
    this.cy.batch(() => this.cy.nodes().not(GENOGRAM_ONLY).forEach((n) => {
      const place = before ? before.get(n.id()) : null;
      if (place) {
        n.position(place);
      } else if (undo) {
        n.position(undo(n.position()));
      }
    }));
    return true;
  }

  /**
   * The network's nodes whose labels overlap are moved apart, as little as they can be (cy/layout.js
   * separateLabels): after a drawing at the ordinary size (always; of SPREAD_AT_MOST nodes at most),
   * and in meeting mode's larger type. With movable, only those move, off everyone else and each
   * other: after a held drawing the newcomers (an expansion, a new day's people), after labels
   * changed the nodes whose labels did, so that whoever was there before stays where they were.
   * The genogram's spacing follows its labels. Remembers the labels it spread (spreadAs) and answers
   * whether anything moved.
   */
  spreadLabels(always = false, movable = null) {
    if (this.layoutName === 'genogram' || (!always && (this.textScale || 1) <= 1)) {
      return false;
    }
    const nodes = this.cy.nodes(':visible').not(GENOGRAM_ONLY);
    this.spreadAs = new Map(nodes.map((n) => [n.id(), n.data('display')]));
    if (always && (this.textScale || 1) <= 1 && nodes.length > SPREAD_AT_MOST) {
      // a network this large is read by zooming in: spreading every label would push it beyond what
      // one view can fit, and the pass costs the square of the nodes
      return false;
    }
    const boxes = nodes.map((n) => {
      const b = plainBox(n, SYMBOL_AND_LABEL);
      return { key: n.id(), ...n.position(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    });
    const fixed = movable ? new Set(nodes.not(movable).map((n) => n.id())) : new Set();
    const places = separateLabels(boxes, fixed);
    return moveTo(this.cy, nodes, places);
  }

  /**
   * The genogram after its labels changed (flags and marks come after the layout, and a wider label
   * widens the household outline drawn round it): anyone in no household whom an outline now takes
   * in moves along their row to the nearest place outside every outline where their symbol and label
   * touch no one else's (review 30: Lee on the edge of 7 Fictional Terrace years after he left).
   * Nobody else moves. Answers whether anyone moved.
   */
  keepOutOfOutlines() {
    const outlines = this.cy.nodes('.household').filter(':visible')
      .map((h) => h.boundingBox({ includeLabels: false, includeOverlays: false }));
    if (outlines.length === 0) {
      return false;
    }
    const gap = 8;
    const people = this.cy.nodes('.person, .restricted-person').filter(':visible');
    const meets = (a, b) => a.x2 > b.x1 && a.x1 < b.x2 && a.y2 > b.y1 && a.y1 < b.y2;
    const shifted = (b, dx) => ({ x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1, y2: b.y2 });
    let moved = false;
    people.filter((n) => !n.isChild()).forEach((n) => {
      const box = plainBox(n, SYMBOL_AND_LABEL);
      if (!outlines.some((o) => meets(box, o))) {
        return;
      }
      const others = people.not(n).map((m) => plainBox(m, SYMBOL_AND_LABEL));
      const clear = (dx) => {
        const b = shifted(box, dx);
        return !outlines.some((o) => meets(b, o)) && !others.some((o) => meets(b, o));
      };
      // beside an outline or beside someone's label, the nearest that is clear
      const shifts = [...outlines.flatMap((o) => [o.x1 - gap - box.x2, o.x2 + gap - box.x1]),
        ...others.flatMap((o) => [o.x1 - gap - box.x2, o.x2 + gap - box.x1])]
        .filter(clear).sort((a, b) => Math.abs(a) - Math.abs(b));
      if (shifts.length > 0) {
        n.position('x', n.position('x') + shifts[0]);
        // their couples' unions stay between the two
        this.cy.nodes('.union').filter((u) => u.data('a') === n.id() || u.data('b') === n.id()).forEach((u) => {
          const a = this.cy.getElementById(u.data('a')).position();
          const b = this.cy.getElementById(u.data('b')).position();
          u.position({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
        });
        if (this.drawn && this.drawn[n.id()]) {
          this.drawn[n.id()] = { ...n.position() };
        }
        moved = true;
      }
    });
    return moved;
  }

  /**
   * After labels change (flags, marks): the genogram's ecomap routed again; in the network, the
   * nodes whose labels changed since they were last spread move off the others (everyone in
   * meeting mode's larger type), and the view is fitted if one falls out of it.
   */
  labelsChanged() {
    if (this.layoutName === 'genogram') {
      this.keepOutOfOutlines();
      this.routeEcomap();
      return;
    }
    if (this.layout) {
      // a drawing under way spreads the labels as they are when it stops
      return;
    }
    const changed = this.cy.nodes(':visible').not(GENOGRAM_ONLY)
      .filter((n) => !this.spreadAs || this.spreadAs.get(n.id()) !== n.data('display'));
    const large = (this.textScale || 1) > 1;
    if ((large || changed.nonempty()) && this.spreadLabels(true, large ? null : changed)) {
      this.fitIfOutOfView();
    }
  }

  /**
   * The genogram's spacing from the labels as they are drawn now: a column as wide as the widest
   * person's symbol and label, a row as tall as the tallest, each with a margin, so that the
   * larger type of meeting mode spreads the family out instead of piling labels on each other.
   */
  labelSpacing(personNodes, ringNodes, gap = 24) {
    const widest = (nodes) => {
      let width = 0;
      let height = 0;
      // how far a symbol reaches above its centre, and its label below it
      let above = 0;
      let below = 0;
      let font = 0;
      nodes.forEach((n) => {
        const b = plainBox(n, SYMBOL_AND_LABEL);
        width = Math.max(width, b.w);
        height = Math.max(height, b.h);
        above = Math.max(above, n.position('y') - b.y1);
        below = Math.max(below, b.y2 - n.position('y'));
        font = Math.max(font, parseFloat(n.style('font-size')) || 0);
      });
      return { width, height, above, below, font };
    };
    const family = widest(personNodes);
    const ring = widest(ringNodes);
    const ringHalf = Math.max(0, ...ringNodes.map((n) => n.outerHeight() / 2));
    // the ecomap's bands: clear of the family's symbols, labels and household outlines (their labels
    // above them, in the ecomap's type), with a corridor between for the ecomap's lines (routeEcomap)
    const outline = HOUSEHOLD_PADDING + (ring.font || 10) * 1.6;
    const bands = {
      top: Math.ceil(family.above + outline + 2 * CORRIDOR + ringHalf),
      bottom: Math.ceil(family.below + HOUSEHOLD_PADDING + 2 * CORRIDOR + ringHalf),
    };
    return { column: Math.ceil(family.width + gap), gap, row: Math.ceil(family.height + 60), ringColumn: Math.ceil(ring.width + 16), bands };
  }

  /**
   * Lays the graph out again; the promise settles when this layout stops or a newer one starts.
   * With keep (the nodes that were there before), the force layout holds those where they are and
   * places only the others, beside the neighbours they came with; the genogram is always the same
   * for the same family.
   */
  relayout({ keep = null, refit = false, hold = false } = {}) {
    if (this.layout) {
      this.layout.stop();
      this.layoutDone();
      this.layout = null;
    }
    // The box may have changed since the last draw (the "network was cut" banner, meeting mode):
    // fit to the box as it is now, not as it was.
    this.cy.resize();
    // drawn afresh, the places before meeting mode's shape are no longer the network's, nor is the shape;
    // drawn keeping everyone in place (a new day, an expansion in meeting mode), those who stay keep theirs
    // and leaving meeting mode puts them back there (walk 68: the shape undone for all moved everyone
    // up to 407 units), the newcomers with the shape undone (unstretch)
    if (!keep || keep.empty() || this.layoutName === 'genogram') {
      this.shapeBefore = null;
      this.labelsBefore = null;
      this.shapeUndo = null;
      // (nor is the view the page had before meeting mode that of this drawing)
      this.viewBeforeMeeting = null;
    }
    // removing a selected node (undo, a new network) fires no unselect
    this.publishSelection();
    this.describePlaceholders();
    this.cy.batch(() => {
      const routed = this.cy.edges('.routed');
      routed.removeStyle(ROUTED);
      routed.removeClass('routed');
      this.cy.nodes('.household').forEach((h) => {
        h.children().move({ parent: null });
      });
      this.cy.elements(GENOGRAM_ONLY).remove();
      this.cy.elements().removeClass('genogram-hidden genogram ring-top');
    });
    if (this.cy.nodes().empty()) {
      return Promise.resolve();
    }
    let layout;
    // held: what was there stays where it was on screen, so the view is not fitted again unless
    // something falls out of it (or another person was opened)
    const held = Boolean(keep && keep.nonempty()) && !refit;
    if (this.layoutName === 'genogram') {
      const positions = this.genogram(Boolean(keep && keep.nonempty()));
      // fitted once drawn (fit): the family first, so that its names stay readable
      layout = this.cy.layout({ name: 'preset', positions: (n) => positions[n.id()], fit: false });
    } else if (keep && keep.nonempty()) {
      layout = this.heldLayout(keep, !held);
    } else {
      layout = this.cy.layout(fcose());
    }
    const done = new Promise((resolve) => {
      this.layoutDone = resolve;
      layout.one('layoutstop', () => {
        if (this.layout === layout) {
          this.layout = null;
        }
        let fitted = false;
        if (this.layoutName === 'genogram') {
          this.routeEcomap();
          if (!held || this.drawnAfresh) {
            this.fit();
            fitted = true;
          }
          this.drawnAfresh = false;
        } else if (held) {
          // the newcomers off the labels of those who stay (fitted below if one falls out of view)
          this.spreadLabels(true, this.cy.nodes().not(keep));
        } else {
          // people off lines that do not join them; in meeting mode, then in the shape of the shared
          // screen's box (the places as laid out are where leaving meeting mode puts everyone)
          if ((this.textScale || 1) > 1) {
            this.keepShape();
          }
          const cleared = this.clearLinesOverPeople();
          const stretched = this.stretchToBox();
          if (this.spreadLabels(true) || stretched || cleared) {
            this.fit();
          }
        }
        if (held && !hold && !fitted) {
          this.fitIfOutOfView();
        }
        resolve();
      });
    });
    this.layout = layout;
    // the same network is laid out the same way every time it is drawn afresh (walk 62: people stood
    // elsewhere on every load, and a shape that suited one drawing did not suit the next)
    withSeed(layoutSeed(this.cy.nodes()), () => layout.run());
    return done;
  }

  /**
   * The force layout from where things are: the kept nodes fixed, each new node started beside the
   * kept nodes it is linked to (or the middle of the graph), so that only what changed moves.
   */
  heldLayout(keep, fit) {
    const kept = new Set(keep.map((n) => n.id()));
    const fresh = this.cy.nodes().filter((n) => !kept.has(n.id()));
    if (fresh.empty()) {
      const positions = Object.fromEntries(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
      return this.cy.layout({ name: 'preset', positions: (n) => positions[n.id()], fit, padding: 30 });
    }
    const box = keep.boundingBox();
    fresh.forEach((n, i) => {
      const anchors = n.neighborhood('node').filter((m) => kept.has(m.id()));
      const centre = anchors.nonempty()
        ? { x: anchors.map((m) => m.position('x')).reduce((a, b) => a + b, 0) / anchors.length,
          y: anchors.map((m) => m.position('y')).reduce((a, b) => a + b, 0) / anchors.length }
        : { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
      const angle = (2 * Math.PI * i) / fresh.length;
      n.position({ x: centre.x + 60 * Math.cos(angle), y: centre.y + 60 * Math.sin(angle) });
    });
    return this.cy.layout({
      ...fcose(), randomize: false, quality: 'proof', fit,
      fixedNodeConstraint: keep.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
    });
  }

  /**
   * Draws the genogram's own elements (couples, descent lines, households of the as-of day) over
   * the family, hides what they replace, and answers where everything goes (genogram.js).
   */
  /**
   * Fits the graph to its box only when a shown node lies (partly) outside the view: in the genogram
   * one of the family's people (its ecomap, and the edge of a household's outline, may lie outside
   * the view: see fit), so that a new day moves no one who stays.
   */
  fitIfOutOfView() {
    const shown = this.layoutName === 'genogram' ? this.familyNodes().not('.household') : this.cy.elements(':visible');
    if (shown.empty()) {
      return;
    }
    const box = shown.boundingBox();
    const view = this.cy.extent();
    if (box.x1 < view.x1 || box.x2 > view.x2 || box.y1 < view.y1 || box.y2 > view.y2) {
      if (this.layoutName === 'genogram') {
        // the family into view, as little smaller as it can be (review 30: fitting the ecomap
        // too drew Sara's family at a third of its size); the ecomap's button says what lies beyond
        this.cy.fit(this.familyNodes(), FIT_PADDING / 3);
      } else {
        this.fit();
      }
    }
  }

  /**
   * Where the genogram puts what is new when the family changes (another day, an expansion): the
   * people and agencies that were there keep their places (slots), and each newcomer goes where the
   * layout would put it, moved along its row to the first place that no one holds. A child keeps the
   * order of its sibship (oldest left, those whose age the reader is not told, placeholders, at the
   * right end): a newborn your agency cannot see goes right of its older siblings, never left.
   */
  keepSlots(plan, spacing, born) {
    const previous = this.slots;
    if (!previous) {
      return plan.positions;
    }
    const positions = {};
    const taken = [];
    const free = (p) => taken.every((q) => Math.abs(q.x - p.x) >= 0.9 * spacing.column || Math.abs(q.y - p.y) >= 0.5 * spacing.row);
    Object.keys(plan.positions).forEach((key) => {
      if (previous[key]) {
        positions[key] = { ...previous[key] };
        taken.push(positions[key]);
      }
    });
    // each child's descent line (the first, for a child with more than one), and its place by age
    const sourceOf = new Map();
    plan.descents.forEach((d) => { if (!sourceOf.has(d.target)) sourceOf.set(d.target, d.source); });
    const age = (key) => born(key) || '9999-12-31';
    Object.keys(plan.positions).filter((key) => !previous[key]).sort((a, b) => plan.positions[a].x - plan.positions[b].x).forEach((key) => {
      const wanted = plan.positions[key];
      // the room between the kept siblings older than it (or whose age is not known) and those younger
      const siblings = Object.keys(positions).filter((k) => k !== key && sourceOf.has(key) && sourceOf.get(k) === sourceOf.get(key));
      const before = siblings.filter((k) => age(k) <= age(key)).map((k) => positions[k].x);
      const after = siblings.filter((k) => age(k) > age(key)).map((k) => positions[k].x);
      const [from, to] = [Math.max(-Infinity, ...before), Math.min(Infinity, ...after)];
      let place = { x: Math.max(wanted.x, from + spacing.column), y: wanted.y };
      while (!free(place) && place.x < to) {
        place = { x: place.x + spacing.column, y: wanted.y };
      }
      if (!free(place) || place.x >= to) {
        place = { ...wanted };
        for (let i = 1; !free(place); i += 1) {
          // beside: right, left, further right, further left, ...
          const side = i % 2 === 1 ? 1 : -1;
          place = { x: wanted.x + side * Math.ceil(i / 2) * spacing.column, y: wanted.y };
        }
      }
      positions[key] = place;
      taken.push(place);
    });
    return positions;
  }

  /**
   * The households of a day: the residents of each address whose home (LIVES_AT) the day's test
   * takes, each person in their first home only, never drawn in two. A placeholder who lives there
   * is one of the household: only their detail is hidden.
   */
  households(personNodes, lives) {
    const households = [];
    const housed = new Set();
    this.cy.nodes('.address').forEach((address) => {
      const residents = address.connectedEdges('edge[type = "LIVES_AT"]').filter(lives).sources().intersection(personNodes)
        .filter((p) => !housed.has(p.id()));
      if (residents.nonempty()) {
        residents.forEach((p) => housed.add(p.id()));
        households.push({ key: address.id(), members: residents.map((p) => p.id()) });
      }
    });
    return households;
  }

  /**
   * Every household arrangement the family has had: the as-of day's, those of the days the homes in
   * the graph begin and end (a home's last day is its own), and those the days shown before have
   * drawn while the family stays. Answers [[{key, members}]], the as-of day's first.
   */
  arrangements(households, personNodes) {
    const days = new Set();
    this.cy.edges('[type = "LIVES_AT"]').forEach((e) => {
      if (e.data('from')) {
        days.add(e.data('from'));
      }
      if (e.data('to')) {
        days.add(addDays(e.data('to'), 1));
      }
    });
    const on = (day) => (e) => (!e.data('from') || e.data('from') <= day) && (!e.data('to') || day <= e.data('to'));
    const found = [households, ...[...days].sort().map((day) => this.households(personNodes, on(day)))];
    const seen = this.householdsSeen || [];
    const all = [...found, ...seen];
    const id = (a) => JSON.stringify(a.map((h) => [h.key, [...h.members].sort()]).sort());
    const unique = [...new Map(all.map((a) => [id(a), a])).values()];
    this.householdsSeen = unique;
    return unique;
  }

  /**
   * The genogram's places with everyone drawn the last time (this.drawn) where they were, and each
   * newcomer where the layout puts it in the same frame (moved by how far the layout moved those
   * who stay), then along its row to the nearest place where its label (its symbol and label, and
   * the gap) touches no one else's. Someone whose home on this day is not the one they had the last
   * time goes back to where they stood in that home when it was last drawn, where that place is
   * free, so that going back to a day draws its households as they were. Answers the places.
   */
  pinDrawn(positions, gap, households = [], padding = 0) {
    const drawn = this.drawn;
    const homeOf = new Map(households.flatMap((h) => h.members.map((m) => [m, h.key])));
    const stay = drawn ? Object.keys(positions).filter((k) => drawn[k]) : [];
    const width = (k) => (this.namesWidth && this.namesWidth.get(k)) || plainBox(this.cy.getElementById(k), SYMBOL_AND_LABEL).w;
    const widths = this.drawnWidths || new Map();
    this.drawnWidths = new Map(Object.keys(positions).map((k) => [k, width(k)]));
    if (stay.length === 0) {
      return this.rememberHomes(positions, homeOf);
    }
    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const dx = median(stay.map((k) => drawn[k].x - positions[k].x));
    const dy = median(stay.map((k) => drawn[k].y - positions[k].y));
    const placed = Object.fromEntries(stay.map((k) => [k, { ...drawn[k] }]));
    const sameRow = (o, y) => Math.abs(placed[o].y - y) <= 0.5;
    // the outlines of this day's households: their members' labels and the padding
    const outlines = () => households.map((h) => {
      const members = h.members.filter((m) => placed[m]);
      if (members.length === 0) {
        return null;
      }
      return { members, left: Math.min(...members.map((m) => placed[m].x - width(m) / 2)) - padding,
        right: Math.max(...members.map((m) => placed[m].x + width(m) / 2)) + padding,
        top: Math.min(...members.map((m) => placed[m].y)), bottom: Math.max(...members.map((m) => placed[m].y)) };
    }).filter(Boolean);
    const inside = (k, x, y, boxes) => boxes.some((b) => !b.members.includes(k) && y >= b.top - 0.5 && y <= b.bottom + 0.5
      && x + width(k) / 2 > b.left && x - width(k) / 2 < b.right);
    const clear = (k, x, y, boxes) => !inside(k, x, y, boxes) && Object.keys(placed).every((o) => o === k || !sameRow(o, y)
      || Math.abs(placed[o].x - x) >= (width(o) + width(k)) / 2 + gap - 0.01);
    // the nearest free place to x in its row: x itself, beside someone, or beside an outline
    const nearestFree = (k, x, y, boxes, allowed = () => true) => {
      const beside = Object.keys(placed).filter((o) => o !== k && sameRow(o, y))
        .flatMap((o) => [-1, 1].map((side) => placed[o].x + side * ((width(o) + width(k)) / 2 + gap)));
      const edges = boxes.flatMap((b) => [b.left - width(k) / 2 - gap, b.right + width(k) / 2 + gap]);
      const free = [x, ...beside, ...edges].filter((c) => allowed(c) && clear(k, c, y, boxes))
        .sort((a, b) => Math.abs(a - x) - Math.abs(b - x));
      return free.length > 0 ? free[0] : x;
    };
    // back to their place in the home they come back to (the rest of the family stays put)
    stay.filter((k) => homeOf.has(k) && (this.drawnHomes || new Map()).get(k) !== homeOf.get(k)).forEach((k) => {
      const spot = this.homeSpots && this.homeSpots.get(`${k}|${homeOf.get(k)}`);
      if (spot && Math.abs(spot.y - placed[k].y) <= 0.5 && clear(k, spot.x, spot.y, [])) {
        placed[k] = { ...spot };
      }
    });
    // someone whose label grew since it was drawn (a day whose marks say more: NOT ASSESSED) and
    // would now lie over a neighbour moves to the nearest free place in its row between the same
    // neighbours, so that a sibship keeps its order (re-walk 28: Lily jumped to Kyle's left); the
    // others stay (walk 27: Jack's label over Sara's). Where there is none, the overlap is left for
    // genogram() to draw the family afresh
    stay.filter((k) => width(k) > (widths.get(k) || Infinity) + 0.5 && !clear(k, placed[k].x, placed[k].y, []))
      .forEach((k) => {
        const { x, y } = placed[k];
        const row = Object.keys(placed).filter((o) => o !== k && sameRow(o, y)).map((o) => placed[o].x);
        const left = Math.max(-Infinity, ...row.filter((o) => o < x));
        const right = Math.min(Infinity, ...row.filter((o) => o > x));
        placed[k] = { x: nearestFree(k, x, y, [], (c) => c > left && c < right), y };
      });
    Object.keys(positions).filter((k) => !placed[k]).sort((a, b) => positions[a].x - positions[b].x).forEach((k) => {
      const y = positions[k].y + dy;
      placed[k] = { x: nearestFree(k, positions[k].x + dx, y, []), y };
    });
    // no one inside the outline of a home they do not live in on this day (someone who left, a
    // newcomer placed in a gap): only they move, to the nearest free place outside it
    for (let round = 0; round < 4; round += 1) {
      const boxes = outlines();
      const misdrawn = Object.keys(placed).filter((k) => inside(k, placed[k].x, placed[k].y, boxes));
      if (misdrawn.length === 0) {
        break;
      }
      misdrawn.forEach((k) => { placed[k] = { x: nearestFree(k, placed[k].x, placed[k].y, boxes), y: placed[k].y }; });
    }
    return this.rememberHomes(placed, homeOf);
  }

  /**
   * Whether any of the family (keys) would lie over another of them or over the ecomap (others), by
   * more than a pixel, at the places given (symbol and label as they are now).
   */
  crowded(places, keys, others) {
    const box = (k) => {
      const n = this.cy.getElementById(k);
      const b = plainBox(n, SYMBOL_AND_LABEL);
      const dx = places[k].x - n.position('x');
      const dy = places[k].y - n.position('y');
      return { x1: b.x1 + dx + 1, x2: b.x2 + dx - 1, y1: b.y1 + dy + 1, y2: b.y2 + dy - 1 };
    };
    const family = keys.filter((k) => places[k]).map(box);
    const all = [...family, ...others.filter((k) => places[k]).map(box)];
    return family.some((a, i) => all.some((b, j) => j !== i
      && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2));
  }

  /** Notes each one's home on the day drawn and their place in it (pinDrawn). Answers the places. */
  rememberHomes(placed, homeOf) {
    this.homeSpots = this.homeSpots || new Map();
    homeOf.forEach((home, k) => {
      if (placed[k]) {
        this.homeSpots.set(`${k}|${home}`, { ...placed[k] });
      }
    });
    this.drawnHomes = homeOf;
    return placed;
  }

  genogram(held = false) {
    const personNodes = this.cy.nodes('.person, .restricted-person');
    const edgesOf = (type) => this.cy.edges(`[type = "${type}"]`);
    const households = this.households(personNodes, (e) => e.hasClass('current'));
    const householdKeys = new Set(households.map((h) => h.key));
    const others = this.cy.nodes().not(personNodes).filter((n) => !householdKeys.has(n.id())).map((n) => {
      const agency = n.outgoers('edge[type = "WORKS_FOR"]').targets();
      const people = n.connectedEdges().connectedNodes().filter((m) => personNodes.contains(m)).map((m) => m.id());
      return { key: n.id(), group: agency.nonempty() ? agency[0].id() : n.id(), people };
    });
    // a shared screen's columns closer (a gap of 16 between the widest labels instead of 24); on
    // every screen the compact layout (partners apart a column apart where that misdraws nothing),
    // so that the family fits a laptop's graph with its names readable (fit)
    const spacing = this.labelSpacing(personNodes, this.cy.nodes().filter((n) => others.some((o) => o.key === n.id())),
      (this.textScale || 1) > 1 ? 16 : 24);
    const plan = genogramLayout({
      ...spacing,
      padding: HOUSEHOLD_PADDING,
      compact: true,
      subject: this.subjectKey,
      people: personNodes.map((n) => ({ key: n.id(), dateOfBirth: n.data('dateOfBirth'), child: n.data('child') })),
      partnerships: edgesOf('PARTNER_OF').map((e) => ({ key: e.id(), a: e.data('source'), b: e.data('target') })),
      parentage: edgesOf('PARENT_OF').map((e) => ({
        key: e.id(), parent: e.data('source'), child: e.data('target'), kind: e.data('kind'),
      })),
      siblings: this.cy.edges('[type = "SIBLING"], [type = "SIBLING_OF"]')
        .map((e) => ({ a: e.data('source'), b: e.data('target') })),
      households,
      others,
    });
    // the same family (another day, an expansion) at the same size of type keeps its slots
    const slotsKey = `${this.reader}|${this.subjectKey}|${this.textScale || 1}`;
    if (!held || !this.slots || this.slotsKey !== slotsKey) {
      this.slots = null;
      this.namesWidth = new Map();
      this.householdsSeen = [];
      this.firstSeen = new Map();
      this.drawn = null;
      this.drawnWidths = null;
      this.drawnHomes = null;
      this.homeSpots = new Map();
    }
    let positions = this.keepSlots(plan, spacing, (key) => this.cy.getElementById(key).data('dateOfBirth'));
    // the people of earlier days shown while the family stays, absent on a day before any on which
    // they were drawn (not yet born, not yet linked): their slots stay theirs, so that the columns
    // around them keep their width and no one moves when they come back. Someone absent on a day on
    // which or after which they were drawn is no longer to be seen by this reader (an ended
    // break-glass grant, a record restricted since): their column goes with them
    const before = (k) => Boolean(this.asOf && this.firstSeen.has(k) && this.asOf < this.firstSeen.get(k));
    const absent = Object.keys(this.slots || {}).filter((k) => !positions[k] && this.namesWidth.has(k) && before(k)
      && !Object.keys(positions).some((p) => positions[p].y === this.slots[k].y
        && Math.abs(positions[p].x - this.slots[k].x) < spacing.column / 2));
    if (this.asOf) {
      personNodes.forEach((n) => {
        if (!this.firstSeen.has(n.id()) || this.asOf < this.firstSeen.get(n.id())) {
          this.firstSeen.set(n.id(), this.asOf);
        }
      });
    }
    const everyone = { ...positions, ...Object.fromEntries(absent.map((k) => [k, { ...this.slots[k] }])) };
    // every household the family has had, as far as the graph tells (its homes' dates) and as the
    // days shown have drawn them, so that a day on which someone moves in or out moves no one
    const arrangements = this.arrangements(households, personNodes);
    // the households of every day apart, even where the people kept their slots of another day
    arrangements.forEach((a) => separateHouseholds(everyone, a, (spacing.column - spacing.gap) / 2 + HOUSEHOLD_PADDING));
    this.slots = { ...(this.slots || {}), ...everyone };
    this.slotsKey = slotsKey;
    positions = Object.fromEntries(Object.keys(positions).map((k) => [k, everyone[k]]));
    if ((this.textScale || 1) > 1) {
      // a shared screen's columns each as wide as the names in them (the slots stay the layout's);
      // a name's width the widest it has had while the family stays, so that a day with shorter
      // labels moves no one
      personNodes.forEach((n) => {
        const b = plainBox(n, SYMBOL_AND_LABEL);
        this.namesWidth.set(n.id(), Math.max(b.w, this.namesWidth.get(n.id()) || 0));
      });
      const homes = arrangements.map((a) => new Map(a.flatMap((h) => h.members.map((m) => [m, h.key]))));
      const ringWidths = new Map(others.map((o) => [o.key, plainBox(this.cy.getElementById(o.key), SYMBOL_AND_LABEL).w]));
      const fitted = fitColumns(everyone, new Map([...this.namesWidth].filter(([k]) => everyone[k])), homes,
        { gap: spacing.gap, padding: HOUSEHOLD_PADDING, ring: spacing.ringColumn, ringWidths });
      positions = Object.fromEntries(Object.keys(positions).map((k) => [k, fitted[k]]));
    }
    // whoever was drawn the last time (another day, an expansion of the same family) stays exactly
    // where they were, whatever the fit of this day says; only newcomers are placed
    const pinned = this.pinDrawn(positions, spacing.gap, households, HOUSEHOLD_PADDING);
    if (held && this.crowded(pinned, personNodes.map((n) => n.id()), others.map((o) => o.key))) {
      // labels wider or taller than when they were last drawn (a day whose marks say more: NOT
      // ASSESSED) would lie over each other or the ecomap where they were: the family is drawn
      // afresh, as when it was opened (the same drawing for the same labels), and fitted as then,
      // rather than unreadable (walk 27)
      this.drawnAfresh = true;
      return this.genogram(false);
    }
    positions = pinned;
    this.drawn = { ...positions };
    this.cy.batch(() => {
      households.forEach((h) => {
        const address = this.cy.getElementById(h.key);
        const id = `household:${h.key}`;
        // on a shared screen the street only (the legend says what the outline is), so that the
        // label of a household one column wide does not reach past the family and shrink the fit
        this.cy.add({ group: 'nodes', data: { id, display: `Household: ${address.data('label')}`,
          short: String(address.data('label')).split(',')[0], address: h.key }, classes: 'household' });
        h.members.forEach((m) => this.cy.getElementById(m).move({ parent: id }));
        address.addClass('genogram-hidden');
        address.connectedEdges('edge[type = "LIVES_AT"]').addClass('genogram-hidden');
      });
      plan.unions.forEach((u) => {
        this.cy.add({ group: 'nodes', data: { id: u.key, a: u.a, b: u.b }, classes: 'union' });
        // between the two, wherever their slots are
        positions[u.key] = { x: (positions[u.a].x + positions[u.b].x) / 2, y: (positions[u.a].y + positions[u.b].y) / 2 };
        if (!u.partnership) {
          this.cy.add({ group: 'edges', classes: 'coparents',
            data: { id: `coparents:${u.a}|${u.b}`, type: 'COPARENTS', source: u.a, target: u.b, current: true } });
        }
      });
      plan.descents.forEach((d) => {
        const kind = d.kind || 'BIRTH';
        const single = d.source.startsWith('union:') ? '' : ' descent-single';
        this.cy.add({ group: 'edges', classes: `descent descent-${kind.toLowerCase()}${single}`, data: {
          id: d.key, type: 'DESCENT', kind, source: d.source, target: d.target, current: true,
          edgeLabel: kind === 'BIRTH' ? '' : words(kind),
        } });
      });
      plan.twins.forEach((group) => group.slice(1).forEach((key, i) => {
        this.cy.add({ group: 'edges', classes: 'twins', data: {
          id: `twins:${group[i]}|${key}`, type: 'TWINS', source: group[i], target: key, current: true, edgeLabel: 'twins',
        } });
      }));
      // the ecomap's band above the family writes its labels above its symbols
      const familyTop = Math.min(...personNodes.map((n) => positions[n.id()].y));
      others.filter((o) => positions[o.key] && positions[o.key].y < familyTop)
        .forEach((o) => this.cy.getElementById(o.key).addClass('ring-top'));
      this.cy.edges('[type = "PARENT_OF"], [type = "SIBLING"], [type = "SIBLING_OF"]').addClass('genogram-hidden');
      this.cy.edges('[type = "PARTNER_OF"]').addClass('genogram');
    });
    this.applyFilters();
    return positions;
  }

  /**
   * The genogram's ecomap lines round the family's labels (genogram.js ecomapRoutes): each line
   * between a node of the ecomap's bands and a person that would pass over someone's label is drawn
   * as segments through the corridor between its band and the family and a gap between the labels;
   * run again whenever the labels change (flags, marks), since the routes follow the labels.
   */
  routeEcomap() {
    if (this.layoutName !== 'genogram') {
      return;
    }
    const family = this.cy.nodes('.person, .restricted-person').filter((n) => n.visible());
    const ring = this.cy.nodes().filter((n) => n.visible() && !family.contains(n) && !n.is(GENOGRAM_ONLY));
    if (family.empty() || ring.empty()) {
      return;
    }
    const box = (b) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
    const labelBox = (n) => box(plainBox(n, { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
    const symbolBox = (n) => ({ key: n.id(), ...box(plainBox(n, { includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false })) });
    // the corridors: between the lowest (highest) of the family, outlines included, and the band below (above) it
    const drawn = this.cy.nodes('.household').union(family);
    const familyBox = plainBoxOf(drawn, SYMBOL_AND_LABEL);
    const familyTop = Math.min(...family.map((n) => n.position('y')));
    const familyBottom = Math.max(...family.map((n) => n.position('y')));
    const above = ring.filter((n) => n.position('y') < familyTop);
    const below = ring.filter((n) => n.position('y') > familyBottom);
    const bandBelow = below.empty() ? null : Math.min(...below.map((n) => n.position('y') - n.outerHeight() / 2));
    const bandAbove = above.empty() ? null : Math.max(...above.map((n) => n.position('y') + n.outerHeight() / 2));
    // never inside a band's symbols, even where an outline's label reaches up to them
    const corridor = {
      bottom: bandBelow === null ? familyBox.y2 + CORRIDOR : Math.min((familyBox.y2 + bandBelow) / 2, bandBelow - CORRIDOR / 2),
      top: bandAbove === null ? familyBox.y1 - CORRIDOR : Math.max((familyBox.y1 + bandAbove) / 2, bandAbove + CORRIDOR / 2),
    };
    const lines = [];
    const edges = new Map();
    this.cy.edges().filter((e) => e.visible()).forEach((e) => {
      const [a, b] = [e.source(), e.target()];
      const person = family.contains(a) ? a : family.contains(b) ? b : null;
      const other = person === a ? b : a;
      if (person && ring.contains(other)) {
        edges.set(e.id(), { e, fromRing: other === a });
        lines.push({ key: e.id(), ring: { ...other.position() },
          person: { key: person.id(), ...person.position(), half: person.outerWidth() / 2 } });
      }
    });
    const routes = ecomapRoutes({ lines, labels: family.map(labelBox), symbols: family.map(symbolBox), corridor });
    this.cy.batch(() => {
      edges.forEach(({ e, fromRing }, key) => {
        const corners = fromRing ? routes[key] : [...routes[key]].reverse();
        if (corners.length === 0) {
          e.removeStyle(ROUTED);
          e.removeClass('routed');
          return;
        }
        // each corner as Cytoscape places a segment's point: a weight along the line from the source's
        // centre to the target's, and a distance across it
        const s = e.source().position();
        const t = e.target().position();
        const v = { x: t.x - s.x, y: t.y - s.y };
        const length = Math.hypot(v.x, v.y) || 1;
        const weights = corners.map((p) => ((p.x - s.x) * v.x + (p.y - s.y) * v.y) / (length * length));
        const distances = corners.map((p) => ((p.x - s.x) * -v.y + (p.y - s.y) * v.x) / length);
        e.addClass('routed').style({
          'curve-style': 'segments', 'edge-distances': 'node-position',
          'segment-weights': weights.map((w) => w.toFixed(4)).join(' '),
          'segment-distances': distances.map((d) => d.toFixed(2)).join(' '),
        });
      });
    });
  }

  /**
   * How a placeholder is linked to what the graph shows, one line per edge, from the edges the
   * server gives it (type, kind and dates only): "former partner of Sara’s mother Kerry Bell,
   * 2017–2018", "lived at 12 Bell Street, 2017–2018".
   */
  placeholderLines(node, { homes = true } = {}) {
    const subject = this.subjectKey ? this.cy.getElementById(this.subjectKey) : this.cy.collection();
    const subjectName = subject.nonempty() ? subject.data('label') : '';
    // family first, then contact, agencies and homes: the first line is the one a label shows, and
    // must not turn on the order the links came in
    const rank = (edge) => {
      const at = LINK_ORDER.indexOf(edge.data('type'));
      return at < 0 ? LINK_ORDER.length : at;
    };
    return node.connectedEdges().filter((edge) => homes || edge.data('type') !== 'LIVES_AT')
      .sort((a, b) => rank(a) - rank(b) || String(a.data('from') || '').localeCompare(String(b.data('from') || ''))
        || a.id().localeCompare(b.id()))
      .map((edge) => {
      const outgoing = edge.source().id() === node.id();
      const other = outgoing ? edge.target() : edge.source();
      const name = other.data('label');
      const current = edge.data('current');
      const when = years(edge.data('from'), edge.data('to'));
      let text;
      switch (edge.data('type')) {
        case 'PARENT_OF':
          text = outgoing ? `parent of ${name}` : `child of ${name}`;
          break;
        case 'PARTNER_OF': {
          const parentOfSubject = subject.nonempty() && other.id() !== subject.id()
            && other.edgesTo(subject).filter('[type = "PARENT_OF"]').nonempty();
          const whose = parentOfSubject ? `${subjectName}’s ${parentWord(other)} ${name}` : name;
          text = `${current ? 'partner' : 'former partner'} of ${whose}`;
          break;
        }
        case 'LIVES_AT':
          text = `${current ? 'lives' : 'lived'} at ${name}`;
          break;
        case 'HAS_CONTACT_WITH':
          text = `${current ? 'has' : 'had'} contact with ${name}`;
          break;
        case 'SIBLING':
        case 'SIBLING_OF':
          text = `${edge.data('kind') ? `${words(edge.data('kind'))} ` : ''}sibling of ${name}`;
          break;
        case 'INVOLVED_WITH':
          text = `known to ${name}`;
          break;
        default:
          text = `${words(edge.data('type'))} ${name}`;
      }
      return when ? `${text}, ${when}` : text;
    });
  }

  /**
   * Puts each placeholder's links into its label and into what the keyboard announces, and the
   * number the time bar calls it by ("Hidden person 2") into its label, so that a row of the time bar
   * and an octagon on the graph can be matched.
   */
  describePlaceholders() {
    this.hiddenNames();
    this.cy.batch(() => {
      this.cy.nodes('.restricted-person').forEach((node) => {
        const lines = this.placeholderLines(node);
        const held = holderTypes(node.data('holders'));
        const number = this.hiddenNumbers.get(node.id());
        // the room's label ("Hidden 2": no wider than "Hidden person" was, so that the family's names
        // stay as large) leaves the relation to the lines the genogram draws
        node.data('short', `Hidden ${number}`);
        node.data('display', [`${HIDDEN} (${HIDDEN_SHORT} ${number})`, lines[0], held ? `held by: ${held}` : ''].filter(Boolean).join('\n'));
        node.data('spoken', `${HIDDEN}: ${lines.length > 0 ? `${lines.join('; ')}; ` : ''}`
          + `${held ? `information held by ${held}` : 'no agency recorded as holding information'}`);
      });
    });
  }

  /**
   * What the time bar calls each placeholder (key → name), so that two rows of people the user may
   * not see can be told apart: "Hidden person 1 (child of Kerry Bell)", numbered in the order of
   * how they are related (then of their keys, which hold while the page is open).
   */
  hiddenNames() {
    const relation = (n) => this.placeholderLines(n, { homes: false })[0] || '';
    const hidden = this.cy.nodes('.restricted-person').map((n) => ({ key: n.id(), relation: relation(n) }))
      .sort((a, b) => a.relation.localeCompare(b.relation) || a.key.localeCompare(b.key));
    // each keeps the number it was first given while the same person stays open: a new day that
    // words a relation otherwise ("partner of" to "former partner of") never swaps two numbers
    if (this.hiddenFor !== this.subjectKey) {
      this.hiddenFor = this.subjectKey;
      this.hiddenNumbers = new Map();
    }
    hidden.filter((h) => !this.hiddenNumbers.has(h.key))
      .forEach((h) => this.hiddenNumbers.set(h.key, this.hiddenNumbers.size + 1));
    return new Map(hidden.map((h) => [h.key,
      `${HIDDEN_SHORT} ${this.hiddenNumbers.get(h.key)}${h.relation ? ` (${h.relation})` : ''}`]));
  }

  /** A placeholder in the graph as the page offers it: {key, id, lines, holders, spoken}, or null. */
  placeholder(key) {
    const node = this.cy.getElementById(key);
    if (node.empty() || !node.hasClass('restricted-person')) {
      return null;
    }
    return {
      key, id: node.data('recordId'), lines: this.placeholderLines(node), holders: node.data('holders') || [],
      spoken: node.data('spoken'),
    };
  }

  /**
   * An agency or a professional in the graph as the details panel shows it, from what the graph
   * holds (the server's answer, need-to-know and redaction applied): {key, kind, label, role,
   * agencyType, agency (a professional's), professionals: [{key, label, role, people: [{key,
   * label, role, from, to, current}]}]}; null for any other node.
   */
  service(key) {
    const node = this.cy.getElementById(key);
    if (node.empty() || !(node.hasClass('agency') || node.hasClass('professional'))) {
      return null;
    }
    const name = (n) => (n.hasClass('restricted-person') ? HIDDEN : n.data('label'));
    const involvement = (professional) => ({
      key: professional.id(), label: professional.data('label'), role: professional.data('role') || null,
      people: professional.connectedEdges('[type = "INVOLVED_WITH"]').map((e) => {
        const person = e.source().id() === professional.id() ? e.target() : e.source();
        return { key: person.id(), label: name(person), role: e.data('role') || null, from: e.data('from') || null,
          to: e.data('to') || null, current: Boolean(e.data('current')) };
      }).sort((a, b) => a.label.localeCompare(b.label)),
    });
    const agency = node.hasClass('agency') ? node : node.outgoers('edge[type = "WORKS_FOR"]').targets();
    const professionals = node.hasClass('agency')
      ? node.incomers('edge[type = "WORKS_FOR"]').sources().sort((a, b) => a.data('label').localeCompare(b.data('label')))
      : node;
    return {
      key, kind: node.data('kind'), label: node.data('label'), role: node.data('role') || null,
      agencyType: node.data('agencyType') || null,
      agency: node.hasClass('professional') && agency.nonempty() ? agency[0].data('label') : null,
      professionals: professionals.map(involvement),
    };
  }

  /** Filters the graph, then fits what is left in view. */
  setFilters(filters) {
    this.filters = filters;
    this.applyFilters();
    // (Cytoscape keeps whether an element is visible until its style is read: read now, so that what the
    // filters show again is fitted too; walk 66: eight of sixteen lay outside the view after Professionals
    // was ticked again)
    this.cy.elements().forEach((e) => e.style('display'));
    const shown = this.cy.elements(':visible');
    if (shown.nonempty()) {
      this.cy.fit(shown, 30);
    }
  }

  /** All edge labels on, or only those of the selection and the edge under the pointer. */
  setEdgeLabels(on) {
    this.edgeLabels = on;
    this.applyFilters();
  }

  labelSelection() {
    this.cy.batch(() => {
      this.cy.edges().removeClass('label-on');
      this.cy.$('node:selected').connectedEdges().addClass('label-on');
    });
  }

  applyFilters() {
    const { hidden, historic, agency } = this.filters;
    this.cy.batch(() => {
      this.cy.elements().removeClass('filtered');
      this.cy.edges().toggleClass('label-off', !this.edgeLabels);
      this.cy.edges().forEach((edge) => {
        const type = edge.data('type');
        const group = FAMILY_TYPES.includes(type) ? 'family' : type;
        if (hidden.has(group) || (!historic && !edge.data('current'))) {
          edge.addClass('filtered');
        }
      });
      if (agency) {
        const keep = this.cy.getElementById(`Agency:${agency}`);
        this.cy.nodes('.professional, .agency').forEach((node) => {
          const linked = node.id() === keep.id() || node.edgesTo(keep).nonempty();
          if (!linked) {
            node.addClass('filtered');
            node.connectedEdges().addClass('filtered');
          }
        });
      }
      if (hidden.has('INVOLVED_WITH')) {
        this.cy.nodes('.professional, .agency').addClass('filtered');
      }
      // someone your agency cannot see is drawn only with a relation that is drawn: alone, the
      // placeholder would say no more than that someone exists
      this.cy.nodes('.restricted-person').forEach((node) => {
        if (node.connectedEdges().filter((e) => !e.hasClass('filtered')).empty()) {
          node.addClass('filtered');
        }
      });
    });
  }

  agencies() {
    return this.cy.nodes('.agency').map((n) => ({ id: n.data('recordId'), name: n.data('label') }));
  }

  /** The record ids of the people in the graph who have a line to a professional or agency. */
  involvedPeople() {
    return this.cy.nodes('.person').filter((n) => n.connectedEdges('[type = "INVOLVED_WITH"]').nonempty())
      .map((n) => n.data('recordId'));
  }

  /** The record ids of the people in the graph. */
  personIds() {
    return this.cy.nodes('.person').map((n) => n.data('recordId'));
  }

  /** The graph keys of records (people, addresses, professionals, agencies) that are in the graph. */
  keysOf(ids) {
    const keys = [];
    ids.forEach((id) => ['Person', 'Address', 'Professional', 'Agency'].forEach((kind) => {
      if (this.has(`${kind}:${id}`)) {
        keys.push(`${kind}:${id}`);
      }
    }));
    return keys;
  }

  /** Brings the given record ids forward and fades the rest; an empty list clears it. */
  highlight(keys) {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded highlighted');
      if (keys.length === 0) {
        return;
      }
      let chosen = this.cy.collection();
      keys.forEach((k) => { chosen = chosen.union(this.cy.getElementById(k)); });
      chosen = chosen.union(chosen.edgesWith(chosen));
      // the households round those chosen are not faded: a faded outline faded its members with it
      // (walk 52: the children an overdue action is for were greyed in the genogram); the others in
      // them fade on their own
      this.cy.elements().not(chosen).not(chosen.nodes().ancestors()).addClass('faded');
      chosen.addClass('highlighted');
    });
  }

  /**
   * Marks the children whom the siblings-at-risk cards of the person opened say were not assessed
   * (the same answer, on the same as-of day, as the cards): a ring and a [NOT ASSESSED] badge,
   * taken off every other node. The one source of the mark, so that the graph and the cards agree.
   */
  markUnassessed(ids) {
    this.applyUnassessed(ids);
    this.labelsChanged();
  }

  /** The NOT ASSESSED marks put on (markUnassessed), before any layout that measures the labels. */
  applyUnassessed(ids) {
    const wanted = new Set(ids.map((id) => `Person:${id}`));
    this.cy.batch(() => {
      this.cy.nodes('.person').forEach((node) => {
        const display = node.data('display').replace(/\n\[NOT ASSESSED\]/, '');
        const unassessed = wanted.has(node.id());
        node.toggleClass('unassessed', unassessed);
        // the badge under the name and age, before any other badge
        const lines = display.split('\n');
        node.data(labels(unassessed ? [lines[0], '[NOT ASSESSED]', ...lines.slice(1)].join('\n') : display));
      });
    });
  }

  /**
   * Puts each person's risk flags on their node: a [FLAG n] badge, a class for the worst severity (its
   * halo) and the worst severity itself (data flagsWorst), which the spoken description says (the halo's
   * colour is not for everyone: walk 65). The badge keeps to the count: a label that changed with the
   * worst severity would move the person on a new day.
   */
  markFlags(byPerson) {
    this.applyFlags(byPerson);
    this.labelsChanged();
  }

  /** The flags put on (markFlags), before any layout that measures the labels. */
  applyFlags(byPerson) {
    this.cy.batch(() => {
      byPerson.forEach((flags, id) => {
        const node = this.cy.getElementById(`Person:${id}`);
        if (node.empty()) {
          return;
        }
        const base = node.data('display').replace(/\n?\[FLAG \d+\]$/, '');
        node.removeClass('flag-HIGH flag-MEDIUM flag-LOW');
        if (flags.length === 0) {
          node.data(labels(base));
          node.data('flags', 0);
          return;
        }
        const worst = SEVERITIES.find((s) => flags.some((f) => f.severity === s));
        node.data(labels(`${base}\n[FLAG ${flags.length}]`));
        node.data('flags', flags.length);
        node.data('flagsWorst', worst);
        node.addClass(`flag-${worst}`);
      });
    });
  }

  /**
   * Styles each professional's line by the last contact before the as-of day ("Person:a->Professional:b"
   * → {last, to}): within 4 weeks, within 3 months, longer ago, none recorded, or ended.
   */
  markContacts(contacts, asOf) {
    const day = Date.parse(asOf);
    this.cy.batch(() => {
      this.cy.edges('[type = "INVOLVED_WITH"]').forEach((edge) => {
        edge.removeClass('contact-recent contact-quarter contact-old contact-none contact-ended contact-withheld');
        // professional → person in the graph; "Person:a->Professional:b" in the map
        const [person, professional] = edge.source().hasClass('professional')
          ? [edge.data('target'), edge.data('source')] : [edge.data('source'), edge.data('target')];
        // a professional whose details your agency may not see: the person's involvement with their agency
        const agencies = this.cy.getElementById(professional).connectedEdges('[type = "WORKS_FOR"]')
          .map((w) => (w.data('source') === professional ? w.data('target') : w.data('source')));
        const contact = contacts.get(`${person}->${professional}`)
          || agencies.map((agency) => contacts.get(`${person}->${agency}`)).find(Boolean);
        let kind = 'contact-none';
        if (contact && contact.to && Date.parse(contact.to) < day) {
          kind = 'contact-ended';
        } else if (contact && contact.withheld) {
          kind = 'contact-withheld';
        } else if (contact && contact.last) {
          const days = (day - Date.parse(contact.last)) / 86400000;
          kind = days <= 28 ? 'contact-recent' : days <= 91 ? 'contact-quarter' : 'contact-old';
        }
        edge.addClass(kind);
        edge.data('lastContact', contact && contact.last ? contact.last : null);
      });
    });
  }

  /**
   * Shows the paths of a connection, adding what is missing; answers once laid out. Everyone there
   * before stays where they were (only what the paths add is placed), and the view is fitted again
   * only when something lies outside it.
   */
  async showConnection(paths) {
    const stayed = this.cy.nodes().not(GENOGRAM_ONLY);
    const keys = [];
    paths.forEach((path) => {
      this.merge(path.nodes, path.edges);
      path.nodes.forEach((n) => keys.push(n.key));
      path.edges.forEach((e) => keys.push(e.key));
    });
    this.applyFilters();
    const laidOut = this.relayout({ keep: stayed.filter((n) => n.inside()) });
    this.highlight(keys);
    await laidOut;
    return keys;
  }

  /** Selects the node alone (the selection handlers run); answers false when it is not in the graph. */
  select(key) {
    const node = this.cy.getElementById(key);
    if (node.empty()) {
      return false;
    }
    this.cy.$(':selected').unselect();
    node.select();
    return true;
  }

  /** The selected person ({key, id, label, kind}), or null. */
  selectedPerson() {
    const selected = this.cy.$('node.person:selected');
    return selected.nonempty() ? summary(selected[0]) : null;
  }

  /** The people selected in the graph ({key, id, label, kind}), in the order they were selected. */
  selectedPeople() {
    return this.cy.$('node.person:selected').map(summary)
      .sort((x, y) => (this.selectedAt.get(x.key) || 0) - (this.selectedAt.get(y.key) || 0));
  }

  /** A person in the graph by record id ({key, id, label, kind}), or null. */
  personSummary(id) {
    const node = this.cy.getElementById(`Person:${id}`);
    return node.nonempty() ? summary(node) : null;
  }

  /** A person's name as the graph draws it (the first line of their label), or null when not drawn. */
  personName(id) {
    const person = this.personSummary(id);
    return person ? String(person.label).split('\n')[0] : null;
  }

  /** The selected node of any kind, or null. */
  selectedNode() {
    const selected = this.cy.$('node:selected');
    return selected.nonempty() ? summary(selected[0]) : null;
  }

  /** Keyboard: moves the selection to the next or previous node from left to right; answers it. */
  step(direction) {
    const nodes = this.cy.nodes(':visible').not('.household, .union').sort((a, b) => a.position('x') - b.position('x'));
    if (nodes.empty()) {
      return null;
    }
    const current = this.cy.$('node:selected');
    let index = current.nonempty() ? nodes.indexOf(current[0]) : -1;
    index = (index + direction + nodes.length) % nodes.length;
    this.cy.$(':selected').unselect();
    nodes[index].select();
    this.reveal(nodes[index]);
    return summary(nodes[index]);
  }

  /**
   * Keyboard: moves the selection along a relationship of the selected node: up to a parent (the
   * one the person lives with first), down to a child (the oldest first), left and right round
   * the people linked to the pivot (the node last chosen by click, up or down: partners, siblings,
   * anyone in contact), oldest first and never by where they lie on screen, so that going round
   * always comes back the same way; homes, professionals and agencies only when no one is linked.
   * With nothing selected it selects the person opened. Answers the selected node, or null if
   * nothing moved.
   */
  move(direction) {
    const current = this.cy.$('node:selected').not(GENOGRAM_ONLY);
    let next = null;
    if (current.empty()) {
      next = this.cy.getElementById(this.subjectKey || '');
      if (next.empty()) {
        next = this.cy.nodes(':visible').not(GENOGRAM_ONLY).first();
      }
    } else {
      const node = current[0];
      const visible = (edges) => edges.filter((e) => !e.hasClass('filtered'));
      if (direction === 'up' || direction === 'down') {
        const edges = visible(direction === 'up' ? node.incomers('edge[type = "PARENT_OF"]')
          : node.outgoers('edge[type = "PARENT_OF"]'));
        const relatives = (direction === 'up' ? edges.sources() : edges.targets()).filter(':visible');
        const homes = node.outgoers('edge[type = "LIVES_AT"].current').targets();
        const livesWith = (p) => (p.outgoers('edge[type = "LIVES_AT"].current').targets().intersection(homes).nonempty()
          ? 0 : 1);
        const ordered = direction === 'down' ? relatives.sort(byAge)
          : relatives.sort((a, b) => livesWith(a) - livesWith(b) || byAge(a, b));
        next = ordered.nonempty() ? ordered[0] : null;
      } else {
        // parents and children are up and down; the other people linked to the pivot are beside
        let pivot = this.cy.getElementById(this.pivot || '');
        if (pivot.empty() || !pivot.visible()) {
          pivot = node;
        }
        const linked = visible(pivot.connectedEdges()).not(GENOGRAM_ONLY).filter((e) => e.data('type') !== 'PARENT_OF')
          .connectedNodes().not(GENOGRAM_ONLY).not(pivot).filter(':visible');
        const people = linked.filter('.person, .restricted-person');
        const around = (people.nonempty() ? people : linked).union(pivot).sort(byAge);
        if (around.length > 1) {
          const at = Math.max(0, around.indexOf(node));
          next = around[(at + (direction === 'right' ? 1 : -1) + around.length) % around.length];
          this.pivot = pivot.id();
        }
      }
    }
    if (!next || next.empty()) {
      return null;
    }
    this.sideways = direction === 'left' || direction === 'right';
    this.cy.$(':selected').unselect();
    next.select();
    this.sideways = false;
    this.reveal(next);
    return summary(next);
  }

  /**
   * Keyboard: when the node selected (its symbol and label) is not wholly on screen, the least pan
   * that shows it, with a margin; else none, and never a zoom, so that the family stays where the
   * eye left it while the selection moves between people on screen.
   */
  reveal(node) {
    const margin = 24;
    const b = toScreen(this.cy, plainBox(node, SYMBOL_AND_LABEL));
    const shift = (low, high, size) => {
      if (low >= 0 && high <= size) {
        return 0;
      }
      // one larger than the box shows its start
      return low < 0 || high - low > size - 2 * margin ? margin - low : size - margin - high;
    };
    const x = shift(b.x1, b.x2, this.cy.width());
    const y = shift(b.y1, b.y2, this.cy.height());
    if (x !== 0 || y !== 0) {
      this.cy.panBy({ x, y });
    }
  }

  /**
   * What a screen reader says of a node: "Tom Archer, 7, full sibling, not assessed": the name
   * and age, how the person is related to the one opened, and the marks the graph shows.
   */
  describe(key) {
    const node = this.cy.getElementById(key);
    if (node.empty()) {
      return '';
    }
    if (node.hasClass('restricted-person')) {
      return node.data('spoken') || HIDDEN;
    }
    const parts = [node.data('label')];
    if (node.data('age') !== null && node.data('age') !== undefined) {
      parts.push(String(node.data('age')));
    }
    const subject = this.cy.getElementById(this.subjectKey || '');
    if (node.id() === this.subjectKey) {
      parts.push('the person opened');
    } else if (subject.nonempty() && node.hasClass('person')) {
      const between = node.edgesWith(subject).not(GENOGRAM_ONLY);
      const relation = between.map((e) => {
        const type = e.data('type');
        if (type === 'SIBLING' || type === 'SIBLING_OF') {
          return `${words(e.data('kind'))} sibling`;
        }
        if (type === 'PARENT_OF') {
          return e.source().id() === node.id() ? parentWord(node) : 'child';
        }
        if (type === 'PARTNER_OF') {
          return e.data('current') ? 'partner' : 'former partner';
        }
        if (type === 'HAS_CONTACT_WITH') {
          return 'has contact';
        }
        return words(type);
      }).filter(Boolean);
      if (relation.length > 0) {
        parts.push(relation.join(' and '));
      }
    } else if (!node.hasClass('person')) {
      parts.push(words(node.data('kind')));
      if (node.data('role')) {
        parts.push(node.data('role'));
      }
      const service = this.service(key);
      if (service) {
        const people = new Set(service.professionals.flatMap((p) => p.people.map((x) => x.key)));
        parts.push(`involved with ${people.size} ${people.size === 1 ? 'person' : 'people'} shown`);
      }
    }
    if (node.hasClass('unborn')) {
      parts.push('not yet born on this day');
    }
    if (node.data('deceasedOn')) {
      parts.push(`died ${node.data('deceasedOn').substring(0, 4)}`);
    }
    if (node.hasClass('rso')) {
      parts.push('registered sex offender');
    }
    if (node.hasClass('mappa')) {
      parts.push('MAPPA');
    }
    if (node.hasClass('unassessed')) {
      parts.push('not assessed');
    }
    // the markers the badges say (walk 67: Sara was said without her plan or the abuse, Kyle without HSB)
    const said = new Set(['REGISTERED_SEX_OFFENDER', 'MAPPA']);
    [...new Set((node.data('markers') || []).map((m) => m.type))].filter((t) => !said.has(t))
      .forEach((t) => parts.push(words(t, { OTHER: 'note (other marker)' })));
    if (node.hasClass('possible-match')) {
      parts.push('may be a duplicate record, a data steward is checking');
    }
    if (node.data('flags')) {
      const n = node.data('flags');
      const worst = (node.data('flagsWorst') || '').toLowerCase();
      parts.push(n > 1 ? `${n} risk flags, the worst ${worst}` : `1 risk flag, ${worst}`);
    }
    return parts.join(', ');
  }

  /**
   * The periods the time bar draws, from the graph's edges as the server gave them: each home
   * (LIVES_AT) and partnership (PARTNER_OF) of the people in the graph, with the labels shown on
   * the nodes ({key, type, person, personLabel, other, otherLabel, status, from, to, subject}).
   * A placeholder's edges carry only their type and dates, and are named as the placeholder is.
   */
  periods() {
    const hidden = this.hiddenNames();
    const name = (n) => hidden.get(n.id()) || n.data('label');
    return this.cy.edges('[type = "LIVES_AT"], [type = "PARTNER_OF"]').map((e) => ({
      key: e.id(), type: e.data('type'), person: e.source().id(), personLabel: name(e.source()),
      other: e.target().id(), otherLabel: name(e.target()), status: e.data('status') || null,
      from: e.data('from') || null, to: e.data('to') || null,
      subject: e.source().id() === this.subjectKey || e.target().id() === this.subjectKey,
    }));
  }

  /** The people in the graph ({key, id, label, kind, child}). */
  people() {
    return this.cy.nodes('.person').map((n) => ({ ...summary(n), child: n.hasClass('child') }));
  }

  /** What the graph shows as a network (the API's shape), for comparing with another. */
  network() {
    const pick = (data, names) => Object.fromEntries(names.map((n) => [n, data[n] === undefined ? null : data[n]]));
    // the genogram's family is not part of the network asked for
    const family = new Set(this.familyAdded);
    return {
      nodes: this.cy.nodes().not(GENOGRAM_ONLY).filter((n) => !family.has(n.id())).map((n) => ({ ...pick(n.data(), ['kind', 'label']), key: n.id(),
        id: n.data('recordId') })),
      edges: this.cy.edges().not(GENOGRAM_ONLY).filter((e) => !family.has(e.id())).map((e) => ({ ...pick(e.data(), ['type', 'source', 'target', 'kind', 'from', 'to']),
        key: e.id() })),
    };
  }

  /**
   * Marks the elements with a class (and people with a text badge, so colour is not the only
   * signal), clearing the mark from every other element; an empty list clears it.
   */
  markChanges(keys, className, badge) {
    const tag = `[${badge}]`;
    this.cy.batch(() => {
      this.cy.elements(`.${className}`).forEach((e) => {
        e.removeClass(className);
        if (e.isNode()) {
          e.data(labels(e.data('display').replace(`\n${tag}`, '')));
        }
      });
      keys.forEach((k) => {
        const e = this.cy.getElementById(k);
        if (e.nonempty()) {
          e.addClass(className);
          if (e.isNode()) {
            e.data(labels(`${e.data('display')}\n${tag}`));
          }
        }
      });
    });
    this.labelsChanged();
  }

  /** The genogram's family as drawn: its people, placeholders and household outlines. */
  familyNodes() {
    return this.cy.nodes('.person, .restricted-person, .household').filter(':visible');
  }

  /** The view as it is: where everyone is, the zoom and the pan (restoreView puts it back). */
  view() {
    return { layout: this.layoutName, zoom: this.cy.zoom(), pan: { ...this.cy.pan() },
      positions: new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }])) };
  }

  /**
   * Puts a view (view()) back: the network's nodes where they were (those still drawn; the genogram
   * lays itself out as it did, routes and all), then its zoom and pan.
   */
  restoreView(view) {
    if (view.layout !== this.layoutName) {
      return;
    }
    if (this.layoutName !== 'genogram') {
      // (a household's box follows its members)
      this.cy.batch(() => this.cy.nodes().filter((n) => !n.isParent()).forEach((n) => {
        const at = view.positions.get(n.id());
        if (at) {
          n.position(at);
        }
      }));
    }
    this.cy.viewport({ zoom: view.zoom, pan: view.pan });
  }

  /**
   * Everything in the box; in the genogram, unless that draws the family's names under 12 px on
   * screen (professionals and agencies around a family on a laptop's screen drew them at 6.7 px):
   * then the family alone, its ecomap's bands around it as far as they fit (the rest a pan away).
   */
  fit() {
    this.cy.fit(undefined, FIT_PADDING);
    const family = this.layoutName === 'genogram' ? this.familyNodes() : this.cy.collection();
    const named = family.not('.household');
    const readable = (this.textScale || 1) > 1 ? READABLE_IN_A_ROOM : READABLE_NAME;
    if (named.nonempty() && this.cy.zoom() * Math.min(...named.map((n) => parseFloat(n.style('font-size')))) < readable) {
      // the family's own outlines and labels leave it room enough: a narrower margin than the whole's
      this.cy.fit(family, FIT_PADDING / 3);
    }
  }

  resize() {
    this.cy.resize();
    this.fit();
    this.container.dataset.fitted = `${this.container.clientWidth}x${this.container.clientHeight}`;
  }

  /**
   * After something beside the graph took or gave back room (the time bar): the graph takes its box
   * as it is now, and the view moves only if someone shown fell out of it.
   */
  boxChanged() {
    // against the box the graph last took (code review 51: a size cached here went stale)
    if (this.cy.width() === this.container.clientWidth && this.cy.height() === this.container.clientHeight) {
      return;
    }
    this.cy.resize();
    if (!this.layout && this.cy.nodes().nonempty()) {
      this.fitIfOutOfView();
    }
  }

  /**
   * The genogram's ecomap beyond the view ({agencies, professionals}: how many lie, even partly,
   * outside it): a laptop's fit keeps the family's names readable and leaves the ring a pan away.
   */
  ringOutside() {
    if (this.layoutName !== 'genogram') {
      return { agencies: 0, professionals: 0 };
    }
    const ring = this.cy.nodes('.agency, .professional').filter(':visible');
    // a name cut at the edge counts (re-walk 28: nine names cut, the button hidden)
    const out = this.outsideView(ring.map((n) => n.id())
      .filter((id) => !this.cy.getElementById(id).hasClass('genogram-hidden')), true, true);
    return { agencies: out.filter((id) => id.startsWith('Agency:')).length,
      professionals: out.filter((id) => id.startsWith('Professional:')).length };
  }

  /** Zooms about the middle of the view, as the mouse wheel does there; answers the new zoom. */
  zoomBy(factor) {
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    return this.cy.zoom();
  }

  /** Everything in the view, however small the family's names become (the ecomap's "show all"). */
  fitAll() {
    this.cy.fit(undefined, FIT_PADDING);
  }

  /** How many of the nodes (keys) lie, even partly, outside the view (with keys, which). */
  outsideView(keys, which = false, labels = false) {
    const view = this.cy.extent();
    const out = keys.map((k) => this.cy.getElementById(k)).filter((n) => n.nonempty() && n.isNode() && n.visible())
      .filter((n) => {
        const b = plainBox(n, { includeLabels: labels, includeOverlays: false });
        return b.x1 < view.x1 || b.x2 > view.x2 || b.y1 < view.y1 || b.y2 > view.y2;
      });
    return which ? out.map((n) => n.id()) : out.length;
  }

  /**
   * The picture for a printed page: in meeting mode, of the network in the places it had before meeting
   * mode shaped it to the screen's box (its labels moved apart), which an A4 page, about as tall as it is
   * wide, draws with names a third larger (review 79); the screen is not redrawn in between.
   */
  pngForPaper(options = {}) {
    if (!this.shapeBefore && !this.shapeUndo) {
      return this.png(options);
    }
    const now = new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const [before, undo, spreadAs] = [this.shapeBefore, this.shapeUndo, this.spreadAs];
    try {
      // (drawn in meeting mode's larger type: everyone's labels spread again for it, review 84)
      this.unstretch();
      this.clearLinesOverPeople();
      this.spreadLabels(true);
      return this.png(options);
    } finally {
      this.cy.batch(() => this.cy.nodes().forEach((n) => n.position(now.get(n.id()))));
      [this.shapeBefore, this.shapeUndo, this.spreadAs] = [before, undo, spreadAs];
    }
  }

  png(options = {}) {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff', ...options });
  }

  /**
   * What the graph shows, as plain data: for the browser tests (read through main.js), never used
   * by the page itself. Positions are model coordinates; rendered ones are within the container.
   */
  snapshot() {
    const box = (n, options = { includeLabels: false }) => {
      const b = plainBox(n, options);
      return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    };
    const shown = this.cy.elements(':visible').renderedBoundingBox();
    const onScreen = (n) => {
      const b = toScreen(this.cy, plainBox(n, SYMBOL_AND_LABEL));
      return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
    };
    return {
      layout: this.layoutName,
      zoom: this.cy.zoom(),
      pan: this.cy.pan(),
      view: this.container.dataset.view,
      shown: { width: shown.w, height: shown.h },
      width: this.container.clientWidth,
      height: this.container.clientHeight,
      nodes: this.cy.nodes().map((n) => ({
        key: n.id(), kind: n.data('kind') || null, classes: n.classes(), display: n.data('display') || null,
        parent: n.parent().nonempty() ? n.parent().id() : null, selected: n.selected(), visible: n.visible(),
        x: n.position('x'), y: n.position('y'), renderedX: n.renderedPosition('x'), renderedY: n.renderedPosition('y'),
        box: box(n), shape: n.style('shape'), fill: n.style('background-fill'), width: n.width(),
        fontSize: parseFloat(n.style('font-size')), labelBox: onScreen(n), fillColor: n.style('background-color'),
        // the black ring of a child not assessed as drawn: its outline, or in the picture of the marks
        // of the person opened or selected (whose outline, unseen, makes room for the picture)
        ...blackRing(n),
        borderWidth: parseFloat(n.style('border-width')) || 0, borderColor: n.style('border-color'),
        borderStyle: n.style('border-style'), textBox: box(n, { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }),
        label: n.data('label') || null, age: n.data('age') ?? null, labelText: n.style('label') || '',
        overlayOpacity: parseFloat(n.style('overlay-opacity')) || 0, underlayColor: n.style('underlay-color'),
        underlayOpacity: parseFloat(n.style('underlay-opacity')) || 0, textBackgroundColor: n.style('text-background-color'),
        // the pictures laid over the node (the rings of the person opened and of the selection), as SVG text
        marks: [n.style('background-image')].flat().filter((u) => u && u !== 'none')
          .map((u) => decodeURIComponent(String(u).replace(/^url\(['"]?|['"]?\)$/g, ''))).join(' '),
      })),
      edges: this.cy.edges().map((e) => ({
        key: e.id(), type: e.data('type') || null, source: e.data('source'), target: e.data('target'),
        classes: e.classes(), visible: e.visible(), label: e.data('edgeLabel') || null, kind: e.data('kind') || null,
        lineStyle: e.style('line-style'), opacity: parseFloat(e.style('opacity')),
        labelShown: Boolean(e.data('edgeLabel')) && parseFloat(e.style('text-opacity')) > 0,
        width: parseFloat(e.style('width')) || 0, fontSize: parseFloat(e.style('font-size')) || 0,
        textOpacity: parseFloat(e.style('text-opacity')), labelText: e.style('label') || e.style('target-label') || '',
        textBox: e.visible() ? box(e, { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) : null,
        ends: e.visible() ? { x1: e.sourceEndpoint().x, y1: e.sourceEndpoint().y, x2: e.targetEndpoint().x, y2: e.targetEndpoint().y } : null,
        // the line as drawn (model pixels): its ends and, for a routed line, its corners between
        path: e.visible() ? [e.sourceEndpoint(), ...(e.hasClass('routed') ? e.segmentPoints() || [] : []), e.targetEndpoint()]
          .map((p) => ({ x: p.x, y: p.y })) : null,
      })),
    };
  }
}
