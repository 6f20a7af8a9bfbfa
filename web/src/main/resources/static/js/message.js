// The message line over the graph's top (under its toolbars; it takes no room, so nothing on the page
// moves when a message comes or goes): one plain sentence for the user, of one kind (success,
// warning, error or info: each its own colour and icon, published as data-kind so that it is never
// colour alone; an error is an alert, the others a status), with an Undo button after something that
// can be undone, and the wrapper that turns any failure of an action into such a sentence; and a note
// about the graph, over its corner, that moves no layout.

import { byId } from './dom.js';

/** The kinds of message, and the word a screen reader says before the sentence. */
const KINDS = { success: 'Done', warning: 'Note', error: 'Problem', info: '' };

/** How long an offer to undo stays on the message line, unless another message replaces it first. */
const UNDO_MS = 30000;
let undoTimer = null;

/** Whether the keyboard is nowhere (on the page's body): its control was just removed or disabled. */
export function focusLost() {
  return !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;
}

/**
 * Says a sentence; with undo ({label, run, focus, back}) a button after it undoes what was just done
 * (completing an action, ending a marker). The button goes with the next message, or after 30
 * seconds. With focus, the keyboard goes to it (the control that did it is gone); once undone, or
 * gone while the keyboard was on it, the keyboard goes to back() (the control to do it again) or
 * else to the message itself, never to the page's body.
 */
export function say(text, kind = 'info', undo = null) {
  note('');
  const box = byId('message');
  const chosen = Object.hasOwn(KINDS, kind) ? kind : 'info';
  clearTimeout(undoTimer);
  box.textContent = text || '';
  let button = null;
  if (text && undo) {
    button = document.createElement('button');
    button.type = 'button';
    button.id = 'message-undo';
    button.className = 'message-undo secondary';
    button.textContent = undo.label || 'Undo';
    const settle = () => {
      const back = undo.back ? undo.back() : null;
      (back || box).focus();
    };
    button.addEventListener('click', async () => {
      button.disabled = true;
      await undo.run();
      if (focusLost()) {
        settle();
      }
    });
    box.append(' ', button);
    undoTimer = setTimeout(() => {
      const held = document.activeElement === button;
      button.remove();
      if (held) {
        settle();
      }
    }, UNDO_MS);
  }
  if (text) {
    // the sentence lies over the graph: whoever it covers is a click away (walk 57: "Done" lay over the
    // child's name for as long as nothing else was said). The cross is drawn by CSS: the sentence's
    // text stays the sentence
    const before = document.activeElement;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'message-close';
    close.setAttribute('aria-label', 'Dismiss this message');
    close.addEventListener('click', () => {
      const held = document.activeElement === close;
      const dialog = box.closest('[role="dialog"]');
      say('');
      if (held) {
        // where the keyboard was when the message came, else inside the dialog the message is in (review
        // 72: the graph behind an open dialog took it), else the graph
        const usable = before && before !== document.body && before.isConnected && before.offsetParent !== null
          && (!dialog || dialog.contains(before));
        const back = usable ? before : dialog && dialog.querySelector('h2[tabindex], button, [tabindex="0"]');
        (back || byId('cy')).focus({ preventScroll: true });
      }
    });
    box.append(close);
  }
  box.hidden = !text;
  box.dataset.kind = text ? chosen : '';
  // a problem interrupts (role=alert); success, a note or information waits its turn (role=status)
  const error = Boolean(text) && chosen === 'error';
  box.setAttribute('role', error ? 'alert' : 'status');
  box.setAttribute('aria-live', error ? 'assertive' : 'polite');
  box.setAttribute('aria-label', text && KINDS[chosen] ? `${KINDS[chosen]}: ${text}` : '');
  if (!text || !KINDS[chosen]) {
    box.removeAttribute('aria-label');
  }
  // once shown (a control in a hidden box takes no focus)
  if (button && undo.focus) {
    button.focus();
  }
}

/** What the message line says now ({text, kind}, no Undo), or null when it says nothing. */
export function shownMessage() {
  const box = byId('message');
  return box.hidden || !box.firstChild ? null : { text: box.firstChild.textContent, kind: box.dataset.kind };
}

/**
 * Says a sentence about the graph where it moves nothing: over the graph's corner, in a live region of
 * its own (the message line above the page pushed the page down, and the graph with it). The next
 * message, or note, replaces it.
 */
export function note(text) {
  const box = byId('graph-note');
  box.textContent = text || '';
  box.hidden = !text;
}

/** Runs an action; on failure says why in plain words (an error) and answers undefined. */
export async function guarded(work) {
  say('');
  return quietly(work);
}

/** As guarded, but the message line is left as it is until something fails. */
export async function quietly(work) {
  try {
    return await work();
  } catch (e) {
    say(e.message || 'Something went wrong.', 'error');
    return undefined;
  }
}
