// Exports: a PNG of the graph (stamped with the marking, who, when, the as-of day and a legend)
// and the printed meeting pack. Each is written to the audit log
// (recordExport) first; if that fails, nothing is exported.

import { graphql } from './api.js';
import { RECORD_EXPORT } from './queries.js';
import { byId, el } from './dom.js';
import { guarded, say, shownMessage } from './message.js';
import { londonTime, state } from './state.js';
import { preparePack } from './meeting-room.js';
import { toggleMeeting } from './meeting.js';
import { showPanels } from './selection.js';
import { Rendering } from './publish.js';
import { OPENED } from './cy/style.js';

const MAX_PEOPLE = 2000;

let controller;
let packRendering;

async function recordExport(kind) {
  if (!state.subjectId) {
    say('Open a person first.', 'warning');
    return false;
  }
  const others = controller.personIds().filter((id) => id !== state.subjectId);
  const recorded = await guarded(() => graphql(RECORD_EXPORT, {
    kind, personIds: [state.subjectId, ...others].slice(0, MAX_PEOPLE), asOf: state.asOf,
  }));
  return recorded !== undefined;
}

/**
 * What the legend of an exported PNG shows: a symbol drawn on the canvas, and its words; every
 * shape, border, halo and line the picture can carry, one meaning each (as the page's legend).
 */
const PNG_LEGEND = [
  ['square', '#9ec5ee', 'male'], ['circle', '#f4b6c8', 'female'], ['diamond', '#dddddd', 'other or unknown'],
  ['child', '#fff7c2', 'child (light fill)'], ['ring-unassessed', '#0b0c0c', 'black ring: NOT ASSESSED child'],
  ['triangle', '#b10e1e', 'offender (RSO / MAPPA)'], ['ring-opened', OPENED, 'pink double ring: the person opened'],
  ['halo', '#f47738', 'HIGH risk flag'],
  ['halo', '#ffbf47', 'MEDIUM risk flag'], ['octagon', '#d0d0d0', 'someone your agency cannot see'],
  ['address', '#d9d2c3', 'address'], ['professional', '#c9e4d2', 'professional'], ['agency', '#e7e7e7', 'agency'],
  ['box', '#8a8a8a', 'household on the as-of day'],
  ['ring-dashed', '#1d70b8', 'blue dashed border: protection plan'],
  ['ring-dashed', '#6b4e00', 'brown dashed border: police or probation hold information (ask them)'],
  ['ring-double', '#00645a', 'teal double border: address with a marker'],
  ['solid', '#333333', 'parent, partner, descent'], ['dashed', '#333333', 'historic (ended before the as-of day)'],
  ['dash-dot', '#333333', 'adopted, fostered or step child'], ['dotted', '#333333', 'parents with no partnership recorded'],
  ['dotted', '#6b2c91', 'sibling'], ['contact', '#b35900', 'contact (arrow to whom)'],
  ['thin', '#2e7d4f', 'professional involved'],
  ['thick', '#2e7d4f', 'ecomap: contact within 4 weeks'], ['solid', '#2e7d4f', 'ecomap: contact within 3 months'],
  ['dashed', '#2e7d4f', 'ecomap: last contact longer ago'], ['dotted', '#2e7d4f', 'ecomap: no contact recorded'],
  ['ended', '#505a5f', 'ecomap: involvement ended'],
  ['spaced', '#8a5a00', 'contact held by the agency (details your agency cannot see)'],
  ['text', '#0b0c0c', '[NOT ASSESSED] child not assessed; [FLAG n] n risk flags; partners: m. married, / separated, // divorced'],
];

/** The dash of each line key, as style.js draws the line. */
const DASHES = { dashed: [8, 4], dotted: [2, 3], 'dash-dot': [12, 4, 2, 4], ended: [2, 3], spaced: [2, 6] };
/** The width of each line key, as style.js draws the line. */
const LINE_WIDTHS = { thick: 4, thin: 1.5, ended: 1, spaced: 3 };

function drawSymbol(g, kind, colour, x, y) {
  g.save();
  g.fillStyle = colour;
  g.strokeStyle = kind === 'halo' ? colour : '#333333';
  g.lineWidth = 2;
  g.beginPath();
  if (kind === 'square') {
    g.rect(x, y - 8, 16, 16);
  } else if (kind === 'child') {
    g.arc(x + 8, y, 8, 0, 2 * Math.PI);
  } else if (kind === 'circle' || kind === 'halo') {
    g.arc(x + 8, y, 8, 0, 2 * Math.PI);
  } else if (kind === 'diamond') {
    g.moveTo(x + 8, y - 9); g.lineTo(x + 17, y); g.lineTo(x + 8, y + 9); g.lineTo(x - 1, y);
  } else if (kind === 'triangle') {
    g.moveTo(x + 8, y - 9); g.lineTo(x + 17, y + 8); g.lineTo(x - 1, y + 8);
  } else if (kind === 'address') {
    g.roundRect(x - 1, y - 6, 18, 12, 3);
  } else if (kind === 'professional') {
    [0, 1, 2, 3, 4, 5].forEach((i) => {
      const angle = (Math.PI / 3) * i;
      g.lineTo(x + 8 + 8 * Math.cos(angle), y + 8 * Math.sin(angle));
    });
  } else if (kind === 'agency') {
    g.lineWidth = 4;
    g.rect(x - 1, y - 6, 18, 12);
  } else if (kind === 'octagon' || kind === 'box') {
    g.setLineDash([4, 3]);
    g.rect(x, y - 8, 16, 16);
  }
  if (['square', 'child', 'circle', 'diamond', 'triangle', 'octagon', 'address', 'professional', 'agency'].includes(kind)) {
    g.closePath();
    g.fill();
    g.stroke();
  } else if (kind === 'halo') {
    g.globalAlpha = 0.6;
    g.lineWidth = 5;
    g.stroke();
  } else if (kind === 'box') {
    g.stroke();
  } else if (kind === 'ring-unassessed') {
    // the graph's NOT ASSESSED mark: a light symbol, a white gap, a black ring
    g.arc(x + 8, y, 5, 0, 2 * Math.PI);
    g.fillStyle = '#fff7c2';
    g.fill();
    g.stroke();
    g.beginPath();
    g.strokeStyle = colour;
    g.lineWidth = 2.5;
    g.arc(x + 8, y, 9, 0, 2 * Math.PI);
    g.stroke();
  } else if (kind === 'ring-opened') {
    // the graph's mark of the person opened: a light symbol inside two rings of its colour
    g.arc(x + 8, y, 5, 0, 2 * Math.PI);
    g.fillStyle = '#ffffff';
    g.fill();
    g.stroke();
    g.strokeStyle = colour;
    g.lineWidth = 1.5;
    [7.5, 10].forEach((r) => {
      g.beginPath();
      g.arc(x + 8, y, r, 0, 2 * Math.PI);
      g.stroke();
    });
  } else if (kind === 'ring-dashed' || kind === 'ring-double') {
    // a border as the graph draws it (protection plan, restriction, marked address)
    g.strokeStyle = colour;
    g.lineWidth = 3;
    g.setLineDash(kind === 'ring-dashed' ? [4, 3] : []);
    g.arc(x + 8, y, 8, 0, 2 * Math.PI);
    g.stroke();
    if (kind === 'ring-double') {
      g.beginPath();
      g.lineWidth = 1.5;
      g.arc(x + 8, y, 4, 0, 2 * Math.PI);
      g.stroke();
    }
  } else if (kind !== 'text') {
    g.strokeStyle = colour;
    g.lineWidth = LINE_WIDTHS[kind] || 3;
    g.setLineDash(DASHES[kind] || []);
    g.moveTo(x - 2, y);
    g.lineTo(x + 20, y);
    g.stroke();
    if (kind === 'contact') {
      g.setLineDash([]);
      g.fillStyle = colour;
      g.beginPath();
      g.moveTo(x + 21, y); g.lineTo(x + 13, y - 5); g.lineTo(x + 13, y + 5);
      g.closePath();
      g.fill();
    }
  }
  g.restore();
}

/** The gap between two legend keys on a row, and the room of a key's symbol before its words. */
const KEY_GAP = 24;
const SYMBOL = 28;
const ROW = 24;

/**
 * Where each key of the legend goes on a page {width} wide (CSS pixels of the PNG at scale 1): keys
 * in reading order, each as wide as its symbol and its words as measured in the legend's font,
 * wrapped onto a new row before one would cross the right margin; answers the places and rows.
 */
export function legendLayout(measure, width, margin = 16) {
  const places = [];
  let x = margin;
  let row = 0;
  PNG_LEGEND.forEach(([kind, , text]) => {
    const w = (kind === 'text' ? 0 : SYMBOL) + measure(text);
    if (x > margin && x + w > width - margin) {
      row += 1;
      x = margin;
    }
    places.push({ x, row, width: w });
    x += w + KEY_GAP;
  });
  return { places, rows: row + 1 };
}

function loadImage(src) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The graph could not be drawn for the export.'));
    image.src = src;
  });
}

/**
 * The graph as a PNG stamped as the record requires: the marking, who exported it and when (in
 * Europe/London), the as-of day, above the graph, and the legend below. The stamp's lines and the
 * sizes are published on the Export PNG button (data-stamp, data-graph-size, data-size).
 */
/** Who is exporting, as the stamps name them: user name and agency. */
function exporter() {
  return state.user ? `${state.user.username}${state.user.agency ? ` (${state.user.agency})` : ''}` : 'unknown user';
}

/** The person opened, by name as the graph shows it (their record id only if not in the graph). */
function subjectName() {
  const subject = controller.personSummary(state.subjectId);
  return subject ? subject.label : state.subjectId;
}

async function stampedPng() {
  const graph = await loadImage(controller.png({ output: 'base64uri' }));
  const stamp = ['OFFICIAL-SENSITIVE', `Exported by ${exporter()} on ${londonTime(new Date())}`,
    `Facts as of ${state.asOf}; subject ${subjectName()}`];
  const scale = 2;
  const width = Math.max(graph.width, 900 * scale);
  const header = 86 * scale;
  // the legend's rows as its words measure in its font, so that none runs off the right edge
  const g = document.createElement('canvas').getContext('2d');
  g.font = '13px Arial, sans-serif';
  const { places, rows } = legendLayout((text) => g.measureText(text).width, width / scale);
  const legendTop = 36;
  const legend = (legendTop + rows * ROW + 8) * scale;
  const footer = 28 * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = header + graph.height + legend + footer;
  const c = canvas.getContext('2d');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, canvas.width, canvas.height);
  c.scale(scale, scale);
  c.fillStyle = '#0b0c0c';
  c.font = 'bold 20px Arial, sans-serif';
  c.fillText(stamp[0], 16, 28);
  c.font = '15px Arial, sans-serif';
  c.fillText(stamp[1], 16, 52);
  c.fillText(stamp[2], 16, 74);
  c.setTransform(1, 0, 0, 1, 0, 0);
  c.drawImage(graph, Math.round((width - graph.width) / 2), header);
  c.scale(scale, scale);
  const top = (header + graph.height) / scale;
  c.strokeStyle = '#b1b4b6';
  c.beginPath();
  c.moveTo(0, top + 4);
  c.lineTo(width / scale, top + 4);
  c.stroke();
  c.fillStyle = '#0b0c0c';
  c.font = 'bold 15px Arial, sans-serif';
  c.fillText('Legend', 16, top + 24);
  c.font = '13px Arial, sans-serif';
  // what the legend covers (canvas pixels), published for the test: it must fit the picture
  const box = { x1: Infinity, y1: Infinity, x2: 0, y2: 0 };
  PNG_LEGEND.forEach(([kind, colour, text], i) => {
    const { x, row, width: w } = places[i];
    const y = top + legendTop + 12 + row * ROW;
    drawSymbol(c, kind, colour, x, y - 4);
    c.fillStyle = '#0b0c0c';
    c.fillText(text, kind === 'text' ? x : x + SYMBOL, y);
    box.x1 = Math.min(box.x1, x - 2);
    box.x2 = Math.max(box.x2, x + w);
    box.y1 = Math.min(box.y1, y - 14);
    box.y2 = Math.max(box.y2, y + 6);
  });
  // the footer in its own band under the legend
  const footerTop = (canvas.height - footer) / scale;
  c.strokeStyle = '#b1b4b6';
  c.beginPath();
  c.moveTo(0, footerTop);
  c.lineTo(width / scale, footerTop);
  c.stroke();
  c.fillStyle = '#0b0c0c';
  c.font = 'bold 13px Arial, sans-serif';
  c.fillText('OFFICIAL-SENSITIVE', 16, canvas.height / scale - 9);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const button = byId('png-button');
  button.dataset.stamp = stamp.join('\n');
  button.dataset.legend = PNG_LEGEND.map(([, , text]) => text).join('\n');
  button.dataset.graphSize = `${graph.width}x${graph.height}`;
  button.dataset.size = `${canvas.width}x${canvas.height}`;
  button.dataset.legendBox = [box.x1, box.y1, box.x2, box.y2].map((v) => Math.ceil(v * scale)).join(' ');
  button.dataset.footerTop = String(Math.floor(footerTop * scale));
  return blob;
}

async function exportPng() {
  if (!await recordExport('PNG')) {
    return;
  }
  const blob = await stampedPng();
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: `${controller.layoutName === 'genogram' ? 'genogram' : 'network'}-${state.subjectId}-${state.asOf}.png`, id: 'png-link' });
  document.body.append(link);
  link.click();
  link.remove();
  say(`PNG exported (${Math.round(blob.size / 1024)} KB).`, 'success');
}

/** Text as a CSS string: every character that could end or escape the string is written as a code point. */
function cssString(text) {
  return `"${[...text].map((c) => (/[A-Za-z0-9 .,;:()@'_-]/.test(c) ? c : `\\${c.codePointAt(0).toString(16)} `)).join('')}"`;
}

/**
 * The marking, who printed the pack and when, whose pack it is and the page number, in the margins
 * of every printed page (CSS page-margin boxes): in the margin they repeat on every page and never lie over the
 * pack's text, as elements fixed to the page would.
 */
function stampPages(printed, about) {
  let style = byId('print-pages');
  if (!style) {
    style = el('style', { id: 'print-pages' });
    document.head.append(style);
  }
  const marking = cssString('OFFICIAL-SENSITIVE');
  style.textContent = `@page {
  @top-left { content: ${marking}; font: 700 9pt sans-serif; letter-spacing: .1em; }
  @top-right { content: ${cssString(printed)}; font: 8pt sans-serif; }
  @bottom-left { content: ${marking}; font: 700 9pt sans-serif; letter-spacing: .1em; }
  @bottom-center { content: ${cssString(about)}; font: 8pt sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; }
}`;
}

/**
 * The pack: recorded as an export first, then its title, meeting and graph filled in, then printed.
 * It is the same pack from wherever it is printed (walk 57: printed outside meeting mode it had no
 * changes since the last meeting, no overdue actions of the family and the child's agencies only):
 * outside meeting mode the page goes into it while the pack is printed, and back after.
 */
export async function printPack() {
  await packRendering.run(async () => {
    if (!state.subjectId) {
      say('Open a person first.', 'warning');
      return;
    }
    // the child and day the pack is for, fixed at the press: another child opened meanwhile is not
    // printed under this one's name (code review 51; review 72: fixed only once meeting mode was drawn)
    const pack = { subjectId: state.subjectId, asOf: state.asOf,
      people: new Map(controller.people().map((p) => [p.id, p.label])) };
    const outside = !state.meeting;
    const back = document.activeElement;
    const view = outside ? { scope: state.scope, graph: controller.view() } : null;
    // the pack's panels are the child's, whoever is selected (walk 58: Lily selected, her details,
    // siblings and chronology were printed under Kyle's name)
    const selected = state.selectedId;
    let problem = null;
    try {
      if (outside) {
        await toggleMeeting();
      }
      // (also when the child is still "selected" behind a placeholder or service chosen since: their panels
      // then carry a note that they are the child's, which has no place on paper, review 82)
      if (state.subjectId === pack.subjectId) {
        await showPanels(pack.subjectId);
      }
      problem = await printInTheRoom(pack);
    } finally {
      // what a failure on the way said, said again once the page is back (going back may load what it
      // shows, which clears the line)
      const shown = shownMessage();
      problem = problem || (shown && ['error', 'warning'].includes(shown.kind) ? shown : null);
      if (outside && state.meeting) {
        await toggleMeeting();
      }
      await putBack(pack, selected, view);
      if (outside && back && back.isConnected && back.offsetParent !== null) {
        back.focus();
      }
    }
    // (once: a problem the line still says is not announced again)
    const now = shownMessage();
    if (problem && !(now && now.text === problem.text)) {
      say(problem.text, problem.kind);
    }
  });
}

/**
 * The page as it was before the pack was printed, unless another person was opened meanwhile: the
 * panels of the person still selected in the graph (the pack's were the child's); outside meeting
 * mode (view), unless the day moved too, the agencies' scope, where everyone was, the zoom and the pan
 * (review 72: the family's scope, the larger type's spreading and the zoom stayed). The panels are
 * loaded once, with both.
 */
async function putBack(pack, selected, view) {
  if (state.subjectId !== pack.subjectId) {
    return;
  }
  const reselect = Boolean(selected) && selected !== pack.subjectId
    && controller.selectedPeople().some((p) => p.id === selected);
  const restore = Boolean(view) && state.asOf === pack.asOf;
  const rescope = restore && state.scope !== view.scope;
  if (rescope) {
    state.scope = view.scope;
    state.panelsKey = null;
  }
  if (reselect || (rescope && state.selectedId)) {
    await showPanels(reselect ? selected : state.selectedId);
  }
  if (restore) {
    controller.restoreView(view.graph);
  }
}

/**
 * Prints the pack of the child and day given from meeting mode; answers why it was not printed
 * ({text, kind}), or null.
 */
async function printInTheRoom({ subjectId, asOf, people }) {
  const moved = () => state.subjectId !== subjectId || state.asOf !== asOf;
  const elsewhere = { text: 'Another person or day was opened while the pack was prepared: print the pack again.',
    kind: 'warning' };
  if (moved()) {
    return elsewhere;
  }
  if (!await recordExport('PRINT_PACK')) {
    return null;
  }
  if (moved()) {
    return elsewhere;
  }
  byId('print-graph').src = controller.pngForPaper({ output: 'base64uri' });
  const printed = `Printed by ${exporter()} on ${londonTime(new Date())}; facts as of ${asOf}.`;
  // whose pack on every page, so that a loose page is not lost to its child (walk 27)
  const child = people.get(subjectId);
  const prepared = await preparePack(subjectId, asOf, people);
  if (moved()) {
    return elsewhere;
  }
  if (!prepared) {
    return { text: 'The risk flags could not be read, so the pack was not printed: print the pack again.',
      kind: 'warning' };
  }
  stampPages(printed, child ? `Meeting pack: ${child}` : 'Meeting pack');
  // print.css prints the page only while the pack is being printed (the browser's own Print gives
  // a note instead): recorded above, marked by stampPages
  document.body.classList.add('printing-pack');
  const done = () => {
    document.body.classList.remove('printing-pack');
    byId('print-pages')?.remove();
  };
  window.addEventListener('afterprint', done, { once: true });
  try {
    window.print();
  } finally {
    // print() returns once the dialog closes (or at once when the browser ignores it, firing no
    // afterprint): a later Ctrl+P must not print the page as a pack without a record
    done();
  }
  return null;
}

export { exportPng };

export function wireExports(theController) {
  controller = theController;
  packRendering = new Rendering(byId('print-title'));
  byId('png-button').addEventListener('click', exportPng);
  byId('print-button').addEventListener('click', printPack);
}
