// Exports: a PNG of the graph (stamped with the marking, who, when, the as-of day and a legend)
// and the printed meeting pack. Each is written to the audit log
// (recordExport) first; if that fails, nothing is exported.

import { graphql } from './api.js';
import { RECORD_EXPORT } from './queries.js';
import { byId, el } from './dom.js';
import { guarded, say } from './message.js';
import { londonTime, state } from './state.js';
import { preparePack } from './meeting-room.js';
import { Rendering } from './publish.js';

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

/** What the legend of an exported PNG shows: a symbol drawn on the canvas, and its words. */
const PNG_LEGEND = [
  ['square', '#9ec5ee', 'male'], ['circle', '#f4b6c8', 'female'], ['diamond', '#dddddd', 'other or unknown'],
  ['triangle', '#b10e1e', 'offender (RSO / MAPPA)'], ['halo', '#f47738', 'HIGH risk flag'],
  ['halo', '#ffbf47', 'MEDIUM risk flag'], ['octagon', '#d0d0d0', 'someone your agency cannot see'],
  ['solid', '#333333', 'parent, partner, descent'], ['dashed', '#333333', 'historic (ended before the as-of day)'],
  ['dotted', '#6b2c91', 'sibling'], ['box', '#8a8a8a', 'household on the as-of day'],
  ['ring-dashed', '#1d70b8', 'blue dashed border: protection plan'],
  ['ring-dashed', '#6b4e00', 'brown dashed border: police or probation hold information (ask them)'],
  ['ring-double', '#00645a', 'teal double border: address with a marker'],
  ['dotted', '#8a5a00', 'contact held by the agency (details your agency cannot see)'],
  ['text', '#0b0c0c', '[NOT ASSESSED] child not assessed; [FLAG n] risk flags; / separated, // divorced'],
];

function drawSymbol(g, kind, colour, x, y) {
  g.save();
  g.fillStyle = colour;
  g.strokeStyle = kind === 'halo' ? colour : '#333333';
  g.lineWidth = 2;
  g.beginPath();
  if (kind === 'square') {
    g.rect(x, y - 8, 16, 16);
  } else if (kind === 'circle' || kind === 'halo') {
    g.arc(x + 8, y, 8, 0, 2 * Math.PI);
  } else if (kind === 'diamond') {
    g.moveTo(x + 8, y - 9); g.lineTo(x + 17, y); g.lineTo(x + 8, y + 9); g.lineTo(x - 1, y);
  } else if (kind === 'triangle') {
    g.moveTo(x + 8, y - 9); g.lineTo(x + 17, y + 8); g.lineTo(x - 1, y + 8);
  } else if (kind === 'octagon' || kind === 'box') {
    g.setLineDash([4, 3]);
    g.rect(x, y - 8, 16, 16);
  }
  if (['square', 'circle', 'diamond', 'triangle', 'octagon'].includes(kind)) {
    g.closePath();
    g.fill();
    g.stroke();
  } else if (kind === 'halo') {
    g.globalAlpha = 0.6;
    g.lineWidth = 5;
    g.stroke();
  } else if (kind === 'box') {
    g.stroke();
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
    g.lineWidth = 3;
    g.setLineDash(kind === 'dashed' ? [8, 4] : kind === 'dotted' ? [2, 3] : []);
    g.moveTo(x - 2, y);
    g.lineTo(x + 20, y);
    g.stroke();
  }
  g.restore();
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
  const columns = 3;
  const legendRows = Math.ceil(PNG_LEGEND.length / columns);
  const legend = (28 + legendRows * 24 + 16) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = header + graph.height + legend;
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(scale, scale);
  g.fillStyle = '#0b0c0c';
  g.font = 'bold 20px Arial, sans-serif';
  g.fillText(stamp[0], 16, 28);
  g.font = '15px Arial, sans-serif';
  g.fillText(stamp[1], 16, 52);
  g.fillText(stamp[2], 16, 74);
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(graph, Math.round((width - graph.width) / 2), header);
  g.scale(scale, scale);
  const top = (header + graph.height) / scale;
  g.strokeStyle = '#b1b4b6';
  g.beginPath();
  g.moveTo(0, top + 4);
  g.lineTo(width / scale, top + 4);
  g.stroke();
  g.fillStyle = '#0b0c0c';
  g.font = 'bold 15px Arial, sans-serif';
  g.fillText('Legend', 16, top + 24);
  g.font = '13px Arial, sans-serif';
  const column = (width / scale - 32) / columns;
  PNG_LEGEND.forEach(([kind, colour, text], i) => {
    const x = 16 + (i % columns) * column;
    const y = top + 48 + Math.floor(i / columns) * 24;
    drawSymbol(g, kind, colour, x, y - 4);
    g.fillStyle = '#0b0c0c';
    g.fillText(text, kind === 'text' ? x : x + 26, y, kind === 'text' ? column * columns - 16 : column - 32);
  });
  g.fillStyle = '#0b0c0c';
  g.font = 'bold 13px Arial, sans-serif';
  g.fillText('OFFICIAL-SENSITIVE', 16, canvas.height / scale - 8);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const button = byId('png-button');
  button.dataset.stamp = stamp.join('\n');
  button.dataset.legend = PNG_LEGEND.map(([, , text]) => text).join('\n');
  button.dataset.graphSize = `${graph.width}x${graph.height}`;
  button.dataset.size = `${canvas.width}x${canvas.height}`;
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
 * The marking, who printed the pack and when, and the page number, in the margins of every printed
 * page (CSS page-margin boxes): in the margin they repeat on every page and never lie over the
 * pack's text, as elements fixed to the page would.
 */
function stampPages(printed) {
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
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; }
}`;
}

/** The pack: recorded as an export first, then its title, meeting and graph filled in, then printed. */
export async function printPack() {
  await packRendering.run(async () => {
    if (!await recordExport('PRINT_PACK')) {
      return;
    }
    byId('print-graph').src = controller.png({ output: 'base64uri' });
    const printed = `Printed by ${exporter()} on ${londonTime(new Date())}; facts as of ${state.asOf}.`;
    preparePack();
    stampPages(printed);
    window.print();
  });
}

export { exportPng };

export function wireExports(theController) {
  controller = theController;
  packRendering = new Rendering(byId('print-title'));
  byId('png-button').addEventListener('click', exportPng);
  byId('print-button').addEventListener('click', printPack);
}
