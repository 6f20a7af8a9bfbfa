// The Cytoscape stylesheet, kept apart from logic and driven by data and classes.
// Shapes follow genogram habit (square male, circle female); colour is never the only signal:
// markers also appear as text badges in the label, historic relations are dashed (at full contrast).
// One meaning per colour: dark red is an offender (RSO or MAPPA, also a warning-triangle shape),
// orange a HIGH risk flag (halo), amber a MEDIUM one, teal a marked address, blue a protection
// plan, brown a restriction, purple a possible match, pink the person opened (a double ring),
// black a child not assessed (a ring apart from the symbol), yellow the selection (a ring and the name
// on yellow); index.html's legend names every one. The person opened and the selection are rings
// drawn outside everything else (MARKS): never over a risk's halo or in place of a risk's border.

const FAMILY_EDGE = '#333333';
/** The person opened: a double border in this colour (the legend's and the PNG legend's). */
export const OPENED = '#d53880';
/**
 * The room inside a household's outline around its members (model pixels): small enough that two
 * households a column apart never meet (the column leaves 24 between the widest labels).
 */
export const HOUSEHOLD_PADDING = 8;
/** The selection's colour: its ring and the name's background. */
export const SELECTED = '#ffdd00';

/**
 * The marks of the person opened (a pink double ring) and of the selection (a yellow ring, outside
 * it), as one picture laid over the node, centred and SPAN times its size: the node fills the
 * middle NODE units of a VIEW-unit square, the rings lie beyond the largest halo (a HIGH flag's, 8
 * px round a person of 34) and the black ring of a child not assessed, so that neither mark hides a
 * risk's halo or takes the place of a risk's border (plan, restriction, offender).
 */
const NODE = 50;
const VIEW = 104;
const SPAN = `${Math.round((VIEW / NODE) * 1000) / 10}%`;
function ring(shape, r, colour, width) {
  const c = VIEW / 2;
  return shape === 'square'
    ? `<rect x="${c - r}" y="${c - r}" width="${2 * r}" height="${2 * r}" rx="${r / 5}" fill="none" stroke="${colour}" stroke-width="${width}"/>`
    : `<circle cx="${c}" cy="${c}" r="${r}" fill="none" stroke="${colour}" stroke-width="${width}"/>`;
}
/** The picture of the marks; with unassessed, the black ring of a child not assessed too (its outline is the picture's room then). */
function marks(shape, opened, selected, unassessed = false) {
  const rings = [
    ...(unassessed ? [ring(shape, 33.5, '#0b0c0c', 5.9)] : []),
    ...(opened ? [ring(shape, 38.5, OPENED, 3), ring(shape, 42.5, OPENED, 3)] : []),
    ...(selected ? [ring(shape, 48, SELECTED, 7)] : []),
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${VIEW}" height="${VIEW}" viewBox="0 0 ${VIEW} ${VIEW}" preserveAspectRatio="none">${rings}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
/** How far the marks reach beyond a node of the size given (px). */
const reach = (size) => Math.ceil(((VIEW - NODE) / 2) * (size / NODE)) + 1;
/**
 * The picture drawn whole: the renderer keeps a node's drawing to its body's box, so the body's box
 * is widened by an outline nobody sees (its width and offset count half), never by bounds-expansion,
 * which widened the box of the label too, and with it a household's outline round the person.
 */
const room = (size) => ({ 'outline-width': 1, 'outline-offset': 2 * reach(size) - 1, 'outline-color': '#ffffff', 'outline-opacity': 0.01 });
const MARKED = {
  'background-image-containment': 'over', 'background-clip': 'none', 'background-width': SPAN, 'background-height': SPAN,
  'background-fit': 'none', 'background-position-x': '50%', 'background-position-y': '50%', 'background-image-opacity': 1,
  ...room(34),
};
/**
 * The rules that draw the marks: a square ring round a square symbol, a round one round the rest (an
 * offender's larger triangle too); a child not assessed's black ring drawn in the picture. By state
 * first: Cytoscape's later rule wins, whatever its selector, so both marks come last.
 */
const MARK_BASES = [[['node'], 'round'], [['node.person.male'], 'square'], [['node.rso', 'node.mappa'], 'round', 56],
  [['node.unassessed'], 'round', 34, true], [['node.person.male.unassessed'], 'square', 34, true]];
const MARK_RULES = [['.subject', true, false], [':selected', false, true], ['.subject:selected', true, true]]
  .flatMap(([state, opened, selected]) => MARK_BASES.map(([bases, shape, size = 34, unassessed = false]) => ({
    selector: bases.map((base) => base + state).join(', '),
    style: { ...MARKED, ...room(size), 'background-image': marks(shape, opened, selected, unassessed) },
  })));

export const STYLE = [
  { selector: 'node', style: {
    label: 'data(display)', 'text-wrap': 'wrap', 'text-max-width': 130, 'font-size': 11, 'text-valign': 'bottom',
    'text-margin-y': 4, color: '#1b1b1b', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
    'text-background-padding': 1, 'border-width': 2, 'border-color': '#333333', width: 34, height: 34,
  } },
  { selector: 'node.person.male', style: { shape: 'rectangle', 'background-color': '#9ec5ee' } },
  { selector: 'node.person.female', style: { shape: 'ellipse', 'background-color': '#f4b6c8' } },
  { selector: 'node.person.other', style: { shape: 'diamond', 'background-color': '#dddddd' } },
  // a child's symbol as large as an adult's (the children are who the meeting is about); the light fill tells them apart
  { selector: 'node.person.child', style: { 'background-color': '#fff7c2' } },
  // the person opened on a day before their birth: neither an adult's nor a child's symbol, a small
  // dotted outline (the label says "not yet born on this day")
  { selector: 'node.person.unborn', style: {
    width: 24, height: 24, 'background-color': '#ffffff', 'border-style': 'dotted', 'border-color': '#505a5f', 'font-style': 'italic',
  } },
  // deceased (genogram convention): the symbol struck through by a dark diagonal, over its own fill
  ...[['male', '#9ec5ee'], ['female', '#f4b6c8'], ['other', '#dddddd'], ['child', '#fff7c2']].map(([kind, fill]) => ({
    selector: `node.person.${kind}.deceased`,
    style: {
      'background-fill': 'linear-gradient', 'background-gradient-direction': 'to-bottom-right',
      'background-gradient-stop-colors': `${fill} ${fill} #0b0c0c #0b0c0c ${fill} ${fill}`,
      'background-gradient-stop-positions': '0 44 44 56 56 100',
    },
  })),
  { selector: 'node.flag-HIGH', style: { 'underlay-color': '#f47738', 'underlay-opacity': 0.6, 'underlay-padding': 8, 'underlay-shape': 'ellipse' } },
  { selector: 'node.flag-MEDIUM', style: { 'underlay-color': '#ffbf47', 'underlay-opacity': 0.5, 'underlay-padding': 6, 'underlay-shape': 'ellipse' } },
  // a child the risk rules name as not assessed: a black ring around the symbol (the legend's black
  // NOT ASSESSED badge), apart from the symbol by a white gap, and the badge in the label
  { selector: 'node.unassessed', style: {
    'font-weight': 'bold', 'outline-width': 4, 'outline-color': '#0b0c0c', 'outline-offset': 3, 'outline-opacity': 1,
  } },
  // someone the user's agency may not see: grey, hatched, dashed, an octagon; never a person's shape
  { selector: 'node.restricted-person', style: {
    shape: 'octagon', width: 30, height: 30, 'background-color': '#d0d0d0', 'background-fill': 'linear-gradient',
    'background-gradient-direction': 'to-bottom-right',
    'background-gradient-stop-colors': '#e4e4e4 #e4e4e4 #9a9a9a #9a9a9a #e4e4e4 #e4e4e4 #9a9a9a #9a9a9a #e4e4e4',
    'background-gradient-stop-positions': '0 20 20 30 30 60 60 70 70',
    'border-color': '#505a5f', 'border-width': 3, 'border-style': 'dashed', color: '#30363a', 'font-style': 'italic',
    'text-max-width': 110,
  } },
  { selector: 'node.restricted', style: { 'border-color': '#6b4e00', 'border-width': 4, 'border-style': 'dashed' } },
  // an offender (registered sex offender or MAPPA-managed): a large warning triangle, dark red, whatever the sex
  { selector: 'node.rso, node.mappa', style: {
    shape: 'round-triangle', width: 56, height: 50, 'background-color': '#b10e1e', 'background-fill': 'solid',
    'border-color': '#5c0009', 'border-width': 3, 'border-style': 'solid', 'font-weight': 'bold', color: '#7a0010',
  } },
  { selector: 'node.cpp', style: { 'border-color': '#1d70b8', 'border-style': 'dashed', 'border-width': 3 } },
  // the person opened: bold, and a pink double ring outside their halo and border (MARK_RULES below),
  // which keep saying their plan, restriction or offence; never black, the ring of a child not assessed
  { selector: 'node.subject', style: { 'font-weight': 'bold' } },
  { selector: 'node.address', style: { shape: 'round-rectangle', 'background-color': '#d9d2c3', width: 30, height: 22, 'font-size': 10 } },
  { selector: 'node.address.marked', style: { 'border-color': '#00645a', 'border-width': 5, 'border-style': 'double' } },
  { selector: 'node.professional', style: { shape: 'round-hexagon', 'background-color': '#c9e4d2', width: 24, height: 24, 'font-size': 9 } },
  { selector: 'node.agency', style: { shape: 'barrel', 'background-color': '#e7e7e7', width: 26, height: 20, 'font-size': 9, 'border-style': 'double', 'border-width': 4 } },
  { selector: 'node.household', style: {
    shape: 'round-rectangle', 'background-color': '#f7f5ef', 'background-opacity': 0.6, 'border-style': 'dashed',
    'border-color': '#8a8a8a', label: 'data(display)', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 10,
    // one line, so that the ecomap's band above can be placed clear of it
    'text-wrap': 'none',
    padding: HOUSEHOLD_PADDING,
  } },
  { selector: 'edge', style: { width: 2, 'line-color': '#6f6f6f', 'curve-style': 'bezier', 'font-size': 9, color: '#333', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'text-background-padding': 1 } },
  { selector: 'edge[type = "PARENT_OF"]', style: { 'line-color': FAMILY_EDGE, 'target-arrow-shape': 'triangle', 'target-arrow-color': FAMILY_EDGE, label: 'data(edgeLabel)' } },
  { selector: 'edge[type = "PARTNER_OF"]', style: { 'line-color': FAMILY_EDGE, width: 4, 'line-style': 'solid', label: 'data(edgeLabel)' } },
  { selector: 'edge[type = "SIBLING"], edge[type = "SIBLING_OF"]', style: { 'line-color': '#6b2c91', 'line-style': 'dotted', width: 3, label: 'data(edgeLabel)' } },
  { selector: 'edge[type = "LIVES_AT"]', style: { 'line-color': '#a08f6a', width: 1.5 } },
  // a contact and a professional's involvement are solid lines of their own colour; only a historic
  // relation (below) is dashed, so that a dashed line means one thing
  { selector: 'edge[type = "HAS_CONTACT_WITH"]', style: { 'line-color': '#b35900', 'line-style': 'solid', 'target-arrow-shape': 'vee', 'target-arrow-color': '#b35900', label: 'contact' } },
  { selector: 'edge[type = "INVOLVED_WITH"]', style: { 'line-color': '#2e7d4f', 'line-style': 'solid', width: 1.5 } },
  { selector: 'edge[type = "POSSIBLY_SAME_AS"]', style: { 'line-color': '#8f1f8f', 'line-style': 'dashed', 'line-dash-pattern': [8, 5], width: 3, label: 'data(edgeLabel)' } },
  { selector: 'node.possible-match', style: { 'underlay-color': '#8f1f8f', 'underlay-opacity': 0.2, 'underlay-padding': 4 } },
  { selector: 'edge[type = "WORKS_FOR"]', style: { 'line-color': '#bbbbbb', width: 1 } },
  { selector: '.added', style: { 'underlay-color': '#00703c', 'underlay-opacity': 0.35, 'underlay-padding': 7, 'line-color': '#00703c', width: 4 } },
  { selector: '.removed', style: { 'underlay-color': '#505a5f', 'underlay-opacity': 0.35, 'underlay-padding': 7, 'line-color': '#505a5f', 'line-style': 'dashed', width: 4 } },
  // historic: dashed at full contrast (the offender's past stay must not be the faintest line)
  { selector: 'edge.historic', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 4] } },
  // genogram: couples, one descent line to their children, households, the ecomap ring
  { selector: 'node.ring-top', style: { 'text-valign': 'top', 'text-margin-y': -4 } },
  { selector: 'node.union', style: { width: 6, height: 6, shape: 'ellipse', 'background-color': '#333333', 'border-width': 0, label: '', events: 'no' } },
  { selector: 'edge.genogram', style: { 'curve-style': 'straight', 'text-rotation': 'none', 'text-margin-y': -12, width: 3, 'line-style': 'solid' } },
  { selector: 'edge.genogram.historic', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 4] } },
  { selector: 'edge.coparents', style: { 'line-color': FAMILY_EDGE, 'line-style': 'dotted', width: 2, 'curve-style': 'straight' } },
  { selector: 'edge.descent', style: {
    'curve-style': 'taxi', 'taxi-direction': 'downward', 'taxi-turn': '50%', 'taxi-turn-min-distance': 4,
    'line-color': FAMILY_EDGE, width: 2.5, label: 'data(edgeLabel)', 'text-rotation': 'none', 'source-endpoint': '0 0',
  } },
  // a single parent's line turns lower than a couple's, so that the two never share a stretch
  { selector: 'edge.twins', style: { 'curve-style': 'straight', 'line-color': FAMILY_EDGE, width: 2, label: 'data(edgeLabel)', 'text-rotation': 'none', 'text-margin-y': -10, 'text-opacity': 1 } },
  { selector: 'edge.descent-single', style: { 'taxi-turn': '72%' } },
  // adopted, fostered and step children: dash-dot, apart from the dashes of a historic relation
  { selector: 'edge.descent-adoptive, edge.descent-foster, edge.descent-step', style: { 'line-style': 'dashed', 'line-dash-pattern': [12, 4, 2, 4] } },
  // edge labels: on for the edges of the selected node, the edge under the pointer, or all (the
  // toolbar's "Edge labels"); a genogram's partnership lines always say their status and years
  { selector: 'edge.label-off', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
  { selector: 'edge.label-on', style: { 'text-opacity': 1, 'text-background-opacity': 0.9 } },
  { selector: 'edge.genogram, edge.descent, edge.twins', style: { 'text-opacity': 1, 'text-background-opacity': 0.9 } },
  // the ecomap's lines by the last contact before the as-of day (genogram view)
  { selector: 'edge.contact-recent', style: { 'line-style': 'solid', width: 4, 'line-color': '#2e7d4f' } },
  { selector: 'edge.contact-quarter', style: { 'line-style': 'solid', width: 2, 'line-color': '#2e7d4f' } },
  { selector: 'edge.contact-old', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 4], width: 2, 'line-color': '#2e7d4f' } },
  { selector: 'edge.contact-none', style: { 'line-style': 'dotted', width: 2, 'line-color': '#2e7d4f' } },
  { selector: 'edge.contact-withheld', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 6], width: 3, 'line-color': '#8a5a00' } },
  { selector: 'edge.contact-ended', style: { 'line-style': 'dotted', width: 1, 'line-color': '#505a5f' } },
  { selector: '.filtered', style: { display: 'none' } },
  { selector: '.genogram-hidden', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.15 } },
  // people highlighted keep their own marks (walk 52: an orange border over the genogram's symbols hid
  // the NOT ASSESSED ring and made Tom's square a circle): everyone else fading is what brings them forward
  { selector: '.highlighted', style: { opacity: 1, 'line-color': '#ffbf47', 'target-arrow-color': '#ffbf47', 'z-index': 10 } },
  { selector: 'node.highlighted[kind != "PERSON"]', style: { 'border-color': '#ffbf47', 'border-width': 6 } },
  { selector: 'edge.highlighted', style: { width: 5 } },
  // the selection: a yellow ring outside everything (MARK_RULES) and the name on yellow; never an
  // underlay (it took the place of a HIGH flag's halo) nor an overlay (it tinted the symbol)
  { selector: 'node:selected', style: { 'text-background-color': SELECTED, 'text-background-opacity': 1 } },
  { selector: 'edge:selected', style: { 'overlay-color': SELECTED, 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
  // the marks of the person opened and the selection, larger round an offender's larger symbol
  ...MARK_RULES,
];

/**
 * How much larger the family's type (placeholders' too) is in meeting mode than the rest of the
 * graph's (at the same scale), and how large the ecomap (agencies, professionals, homes) and
 * household outlines are beside it: a room reads the family's names first.
 */
export const FAMILY_TYPE = 1.5;
export const RING_TYPE = 0.7;
/** The ecomap's lines: a professional's or agency's involvement, whom a professional works for, how recent the contact. */
const ECOMAP = ['INVOLVED_WITH', 'WORKS_FOR', 'contact-'];
/** How wide the ecomap's lines are in meeting mode, against the ordinary size. */
const ECOMAP_LINE = 0.85;

/**
 * The rules that enlarge the type for a shared screen (meeting mode): appended after STYLE, so
 * they win over every smaller size above. The family's names are the largest type on screen, on one
 * line with the age, and their labels leave out the badges their borders already say (CPP,
 * RESTRICTED; data(short), controller.js); the ecomap's symbols and type are at most RING_TYPE of the family's.
 */
export function largeText(scale) {
  const family = Math.round(11 * scale * FAMILY_TYPE);
  const ring = Math.floor(family * RING_TYPE);
  // the family's lines as much wider as the type is larger, rule by rule; the ecomap's (a professional's
  // or agency's) a little thinner than at the ordinary size, so that they stay thinner than the
  // family's partnership and descent lines and never outweigh them
  const lines = STYLE.filter((rule) => rule.selector.includes('edge') && typeof rule.style.width === 'number')
    .map((rule) => ({ selector: rule.selector, style: {
      width: Math.round(rule.style.width * (ECOMAP.some((e) => rule.selector.includes(e)) ? ECOMAP_LINE : scale) * 10) / 10,
    } }));
  return [
    { selector: 'node', style: { 'font-size': ring, 'text-max-width': 7 * ring } },
    // an agency's name a little wider than a professional's, on three lines where it took four
    // ('Child sexual abuse / assessment centre'), so that the ecomap's bands above and below the
    // family are no taller than they must be
    { selector: 'node.agency', style: { 'text-max-width': 8.5 * ring } },
    // name and age on one line (a name wraps only beyond ten of its letters' widths)
    { selector: 'node.person', style: { 'font-size': family, 'text-max-width': 10 * family, label: 'data(short)' } },
    // a placeholder in the family's type, named on one line ("Hidden person", HIDDEN_SHORT)
    { selector: 'node.restricted-person', style: { 'font-size': family, 'text-max-width': 10 * family, label: 'data(short)' } },
    { selector: 'node.household', style: { 'font-size': ring, label: 'data(short)' } },
    // every name in the same weight (the person opened, an offender and a child not assessed are bold
    // at the ordinary size; here their symbols mark them), so that no name is wider than it must be
    { selector: 'node.person', style: { 'font-weight': 'normal' } },
    // the ecomap's symbols at most RING_TYPE of a person's (34)
    { selector: 'node.professional', style: { width: 22, height: 22 } },
    { selector: 'node.agency', style: { width: 23, height: 17, 'border-width': 3 } },
    { selector: 'node.address', style: { width: 23, height: 16 } },
    { selector: 'edge', style: { 'font-size': Math.round(9 * scale) } },
    // a partnership by its years and strokes (controller.js partnershipShort), between two partners a
    // column apart, in the ecomap's type (walk 27: at the edges' 18 px it was the smallest on screen)
    { selector: 'edge[type = "PARTNER_OF"]', style: { label: 'data(edgeShort)', 'font-size': ring } },
    ...lines,
    // a room cannot hover: a contact between people says so without a selection, near the person
    // contacted (the arrow's end), clear of the label of whoever has the contact (Gary's three lines
    // covered the middle of his line to Mia: walk 27)
    { selector: 'edge[type = "HAS_CONTACT_WITH"]', style: { label: '', 'target-label': 'contact', 'target-text-rotation': 'autorotate',
      'target-text-offset': Math.round(36 * scale), 'text-opacity': 1, 'text-background-opacity': 0.9 } },
    // a relationship Then and now finds new since the meeting it compares with says so in words, as a
    // person does ([NEW]): a green line alone was read as any other line (walk 56)
    { selector: 'edge.added', style: { label: 'NEW', 'text-opacity': 1, color: '#00703c', 'font-weight': 'bold',
      'font-size': ring, 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'text-background-padding': 2 } },
  ];
}
