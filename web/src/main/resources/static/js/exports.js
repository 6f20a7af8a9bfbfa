// Exports: a PNG of the graph and the printed meeting pack. Each is written to the audit log
// (recordExport) first; if that fails, nothing is exported.

import { graphql } from './api.js';
import { RECORD_EXPORT } from './queries.js';
import { byId, el } from './dom.js';
import { guarded, say } from './message.js';
import { londonDay, state } from './state.js';
import { preparePack } from './meeting-room.js';
import { Rendering } from './publish.js';

const MAX_PEOPLE = 2000;

let controller;
let packRendering;

async function recordExport(kind) {
  if (!state.subjectId) {
    say('Open a person first.');
    return false;
  }
  const others = controller.personIds().filter((id) => id !== state.subjectId);
  const recorded = await guarded(() => graphql(RECORD_EXPORT, {
    kind, personIds: [state.subjectId, ...others].slice(0, MAX_PEOPLE), asOf: state.asOf,
  }));
  return recorded !== undefined;
}

async function exportPng() {
  if (!await recordExport('PNG')) {
    return;
  }
  const blob = controller.png({ output: 'blob' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: `network-${state.subjectId}-${state.asOf}.png`, id: 'png-link' });
  document.body.append(link);
  link.click();
  link.remove();
  say(`PNG exported (${Math.round(blob.size / 1024)} KB).`);
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
    const who = state.user ? `${state.user.username}${state.user.agency ? ` (${state.user.agency})` : ''}` : '';
    const now = new Date();
    const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })
      .format(now);
    const printed = `Printed by ${who} on ${londonDay(now)} at ${time} (UK time); facts as of ${state.asOf}.`;
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
