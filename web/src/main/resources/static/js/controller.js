// The one owner of the Cytoscape instance: no other module touches it. It offers verbs (show,
// expand, collapse, undo, highlight, filter, layout, select) and batches every change in
// cy.batch(). Verbs that move nodes answer a promise that settles when the layout has stopped.
// The selection is published on the container (data-selected, the keys of the selected nodes).

import { STYLE } from './cy/style.js';
import { fcose, genogramPositions } from './cy/layout.js';
import { markerCode } from './dom.js';
import { words } from './words.js';
import { HIDDEN, holderTypes, years } from './placeholders.js';

const FAMILY_TYPES = ['PARENT_OF', 'PARTNER_OF', 'SIBLING_OF', 'SIBLING'];

/** The placeholder of someone the user may not see: drawn grey and dashed, never as a person. */
function placeholderElement(node) {
  const held = holderTypes(node.holders);
  return {
    group: 'nodes',
    data: { ...node, recordId: node.id, id: node.key, display: `${HIDDEN}${held ? `\nheld by: ${held}` : ''}` },
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
    classes.push(node.child ? 'child' : 'adult');
    if (node.age !== null && node.age !== undefined) {
      display += ` (${node.age})`;
    }
  }
  if (node.subject) {
    classes.push('subject');
  }
  const types = new Set((node.markers || []).map((m) => m.type));
  if (types.has('REGISTERED_SEX_OFFENDER')) {
    classes.push('rso');
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
  return { group: 'nodes', data: { ...node, recordId: node.id, id: node.key, display }, classes: classes.join(' ') };
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
    return [edge.status ? words(edge.status) : 'partners', edge.from ? edge.from.substring(0, 4) : '',
      edge.to ? `–${edge.to.substring(0, 4)}` : ''].join(' ').trim();
  }
  return '';
}

function edgeElement(edge) {
  return {
    group: 'edges',
    data: { ...edge, id: edge.key, edgeLabel: edgeLabel(edge) },
    classes: edge.current ? 'current' : 'historic',
  };
}

function summary(node) {
  return node ? {
    key: node.id(), id: node.data('recordId'), label: node.data('spoken') || node.data('label'), kind: node.data('kind'),
  } : null;
}

/** "mother", "father" or "parent" of a person node, by its sex. */
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
    this.cy = window.cytoscape({ container, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
    this.layoutName = 'fcose';
    this.subjectKey = null;
    this.history = [];
    this.expandedBy = new Map();
    this.filters = { hidden: new Set(), historic: true, agency: '' };
    this.layout = null;
    this.layoutDone = null;
    this.publishSelection();
    this.cy.on('select unselect', 'node', () => this.publishSelection());
    this.cy.on('select', 'node.person', (e) => on.onSelectPerson && on.onSelectPerson(e.target.data('recordId')));
    this.cy.on('select', 'node.restricted-person',
      (e) => on.onSelectPlaceholder && on.onSelectPlaceholder(this.placeholder(e.target.id())));
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
   * Replaces the graph with a network, then adds the expansions ({key, network}, in order; one
   * whose node is not there by then is left out) as if expanded again, and lays it all out once.
   */
  show(network, expansions = []) {
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(network.nodes.map(nodeElement));
      this.cy.add(network.edges.map(edgeElement));
    });
    this.subjectKey = network.nodes.length > 0 ? network.nodes[0].key : null;
    this.history = [];
    this.expandedBy.clear();
    expansions.forEach(({ key, network: more }) => {
      if (this.has(key)) {
        const added = this.merge(more.nodes, more.edges);
        this.expandedBy.set(key, added);
        this.history.push({ kind: 'expand', key, added });
      }
    });
    this.applyFilters();
    return this.relayout();
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
  async expand(key, network) {
    const added = this.merge(network.nodes, network.edges);
    this.expandedBy.set(key, added);
    this.history.push({ kind: 'expand', key, added });
    this.applyFilters();
    await this.relayout();
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
    if (added) {
      added.forEach((id) => { removable = removable.union(this.cy.getElementById(id)); });
    } else {
      removable = node.neighborhood('node').filter((n) => n.degree(false) === 1 && n.id() !== this.subjectKey);
    }
    removable = removable.union(removable.connectedEdges());
    if (removable.empty()) {
      return 0;
    }
    const saved = removable.jsons();
    this.cy.batch(() => removable.remove());
    this.expandedBy.delete(key);
    this.history.push({ kind: 'collapse', key, saved, added });
    await this.relayout();
    return saved.length;
  }

  /** Reverses the last expand or collapse; answers false when there is none, once laid out. */
  async undo() {
    const last = this.history.pop();
    if (!last) {
      return false;
    }
    this.cy.batch(() => {
      if (last.kind === 'expand') {
        last.added.forEach((id) => this.cy.getElementById(id).remove());
        this.expandedBy.delete(last.key);
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
    await this.relayout();
    return true;
  }

  expandedKeys() {
    return [...this.expandedBy.keys()];
  }

  setLayout(name) {
    this.layoutName = name;
    return this.relayout();
  }

  /** Lays the graph out again; the promise settles when this layout stops or a newer one starts. */
  relayout() {
    if (this.layout) {
      this.layout.stop();
      this.layoutDone();
      this.layout = null;
    }
    // The box may have changed since the last draw (the "network was cut" banner, meeting mode):
    // fit to the box as it is now, not as it was.
    this.cy.resize();
    // removing a selected node (undo, a new network) fires no unselect
    this.publishSelection();
    this.describePlaceholders();
    this.cy.batch(() => {
      this.cy.nodes('.household').forEach((h) => {
        h.children().move({ parent: null });
      });
      this.cy.nodes('.household').remove();
      this.cy.elements().removeClass('genogram-hidden');
    });
    if (this.cy.nodes().empty()) {
      return Promise.resolve();
    }
    let layout;
    if (this.layoutName === 'genogram') {
      this.households();
      const positions = genogramPositions(this.cy, this.subjectKey);
      layout = this.cy.layout({ name: 'preset', positions: (n) => positions[n.id()], fit: true, padding: 30 });
    } else {
      layout = this.cy.layout(fcose(this.cy.nodes().length < 400));
    }
    const done = new Promise((resolve) => {
      this.layoutDone = resolve;
      layout.one('layoutstop', () => {
        if (this.layout === layout) {
          this.layout = null;
        }
        resolve();
      });
    });
    this.layout = layout;
    layout.run();
    return done;
  }

  /** Genogram households: each person inside a box for their current address, drawn instead of the address node. */
  households() {
    this.cy.batch(() => {
      this.cy.nodes('.address').forEach((address) => {
        const residents = address.connectedEdges('edge[type = "LIVES_AT"].current').sources('.person');
        if (residents.length === 0) {
          return;
        }
        const id = `household:${address.id()}`;
        if (this.cy.getElementById(id).empty()) {
          this.cy.add({ group: 'nodes', data: { id, display: `Household: ${address.data('label')}` }, classes: 'household' });
        }
        residents.forEach((person) => {
          if (person.parent().empty()) {
            person.move({ parent: id });
          }
        });
        address.addClass('genogram-hidden');
        address.connectedEdges('edge[type = "LIVES_AT"]').addClass('genogram-hidden');
      });
    });
  }

  /**
   * How a placeholder is linked to what the graph shows, one line per edge, from the edges the
   * server gives it (type, kind and dates only): "former partner of Sara’s mother Kerry Bell,
   * 2017–2018", "lived at 12 Bell Street, 2017–2018".
   */
  placeholderLines(node) {
    const subject = this.subjectKey ? this.cy.getElementById(this.subjectKey) : this.cy.collection();
    const subjectName = subject.nonempty() ? subject.data('label') : '';
    return node.connectedEdges().map((edge) => {
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

  /** Puts each placeholder's links into its label and into what the keyboard announces. */
  describePlaceholders() {
    this.cy.batch(() => {
      this.cy.nodes('.restricted-person').forEach((node) => {
        const lines = this.placeholderLines(node);
        const held = holderTypes(node.data('holders'));
        node.data('display', [HIDDEN, lines[0], held ? `held by: ${held}` : ''].filter(Boolean).join('\n'));
        node.data('spoken', `${HIDDEN}: ${lines.length > 0 ? `${lines.join('; ')}; ` : ''}`
          + `${held ? `information held by ${held}` : 'no agency recorded as holding information'}`);
      });
    });
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

  setFilters(filters) {
    this.filters = filters;
    this.applyFilters();
  }

  applyFilters() {
    const { hidden, historic, agency } = this.filters;
    this.cy.batch(() => {
      this.cy.elements().removeClass('filtered');
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
    });
  }

  agencies() {
    return this.cy.nodes('.agency').map((n) => ({ id: n.data('recordId'), name: n.data('label') }));
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
      this.cy.elements().addClass('faded');
      chosen.removeClass('faded').addClass('highlighted');
    });
  }

  /** Puts each person's risk flags on their node: a [FLAG n] badge, and a class for the worst severity. */
  markFlags(byPerson) {
    this.cy.batch(() => {
      byPerson.forEach((flags, id) => {
        const node = this.cy.getElementById(`Person:${id}`);
        if (node.empty()) {
          return;
        }
        const base = node.data('display').replace(/\n?\[FLAG \d+\]$/, '');
        node.removeClass('flag-HIGH flag-MEDIUM flag-LOW');
        if (flags.length === 0) {
          node.data('display', base);
          node.data('flags', 0);
          return;
        }
        const worst = ['HIGH', 'MEDIUM', 'LOW'].find((s) => flags.some((f) => f.severity === s));
        node.data('display', `${base}\n[FLAG ${flags.length}]`);
        node.data('flags', flags.length);
        node.addClass(`flag-${worst}`);
      });
    });
  }

  /** Shows the paths of a connection, adding what is missing; answers once laid out. */
  async showConnection(paths) {
    const keys = [];
    paths.forEach((path) => {
      this.merge(path.nodes, path.edges);
      path.nodes.forEach((n) => keys.push(n.key));
      path.edges.forEach((e) => keys.push(e.key));
    });
    this.applyFilters();
    const laidOut = this.relayout();
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

  /** The selected node of any kind, or null. */
  selectedNode() {
    const selected = this.cy.$('node:selected');
    return selected.nonempty() ? summary(selected[0]) : null;
  }

  /** Keyboard: moves the selection to the next or previous node from left to right; answers it. */
  step(direction) {
    const nodes = this.cy.nodes(':visible').not('.household').sort((a, b) => a.position('x') - b.position('x'));
    if (nodes.empty()) {
      return null;
    }
    const current = this.cy.$('node:selected');
    let index = current.nonempty() ? nodes.indexOf(current[0]) : -1;
    index = (index + direction + nodes.length) % nodes.length;
    this.cy.$(':selected').unselect();
    nodes[index].select();
    this.cy.animate({ center: { eles: nodes[index] }, duration: 150 });
    return summary(nodes[index]);
  }

  /** The people in the graph ({key, id, label, kind, child}). */
  people() {
    return this.cy.nodes('.person, .restricted_person').map((n) => ({ ...summary(n), child: n.hasClass('child') }));
  }

  /** What the graph shows as a network (the API's shape), for comparing with another. */
  network() {
    const pick = (data, names) => Object.fromEntries(names.map((n) => [n, data[n] === undefined ? null : data[n]]));
    return {
      nodes: this.cy.nodes().not('.household').map((n) => ({ ...pick(n.data(), ['kind', 'label']), key: n.id(),
        id: n.data('recordId') })),
      edges: this.cy.edges().map((e) => ({ ...pick(e.data(), ['type', 'source', 'target', 'kind', 'from', 'to']),
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
          e.data('display', e.data('display').replace(`\n${tag}`, ''));
        }
      });
      keys.forEach((k) => {
        const e = this.cy.getElementById(k);
        if (e.nonempty()) {
          e.addClass(className);
          if (e.isNode()) {
            e.data('display', `${e.data('display')}\n${tag}`);
          }
        }
      });
    });
  }

  fit() {
    this.cy.fit(undefined, 30);
  }

  resize() {
    this.cy.resize();
    this.fit();
  }

  png(options = {}) {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff', ...options });
  }

  /**
   * What the graph shows, as plain data: for the browser tests (read through main.js), never used
   * by the page itself. Positions are model coordinates; rendered ones are within the container.
   */
  snapshot() {
    return {
      layout: this.layoutName,
      width: this.container.clientWidth,
      height: this.container.clientHeight,
      nodes: this.cy.nodes().map((n) => ({
        key: n.id(), kind: n.data('kind') || null, classes: n.classes(), display: n.data('display') || null,
        parent: n.parent().nonempty() ? n.parent().id() : null, selected: n.selected(), visible: n.visible(),
        x: n.position('x'), y: n.position('y'), renderedX: n.renderedPosition('x'), renderedY: n.renderedPosition('y'),
      })),
      edges: this.cy.edges().map((e) => ({
        key: e.id(), type: e.data('type') || null, source: e.data('source'), target: e.data('target'),
        classes: e.classes(), visible: e.visible(),
      })),
    };
  }
}
