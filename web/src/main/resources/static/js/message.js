// The message line under the top bar: one plain sentence for the user (role=status), of one kind
// (success, warning, error or info: each its own colour and icon, published as data-kind so that
// it is never colour alone), and the wrapper that turns any failure of an action into such a
// sentence.

import { byId } from './dom.js';

/** The kinds of message, and the word a screen reader says before the sentence. */
const KINDS = { success: 'Done', warning: 'Note', error: 'Problem', info: '' };

export function say(text, kind = 'info') {
  const box = byId('message');
  const chosen = Object.hasOwn(KINDS, kind) ? kind : 'info';
  box.textContent = text || '';
  box.hidden = !text;
  box.dataset.kind = text ? chosen : '';
  box.setAttribute('aria-label', text && KINDS[chosen] ? `${KINDS[chosen]}: ${text}` : '');
  if (!text || !KINDS[chosen]) {
    box.removeAttribute('aria-label');
  }
}

/** Runs an action; on failure says why in plain words (an error) and answers undefined. */
export async function guarded(work) {
  try {
    say('');
    return await work();
  } catch (e) {
    say(e.message || 'Something went wrong.', 'error');
    return undefined;
  }
}
