// The message line under the top bar: one plain sentence for the user (role=status), and the
// wrapper that turns any failure of an action into such a sentence.

import { byId } from './dom.js';

export function say(text) {
  const box = byId('message');
  box.textContent = text || '';
  box.hidden = !text;
}

/** Runs an action; on failure says why in plain words and answers undefined. */
export async function guarded(work) {
  try {
    say('');
    return await work();
  } catch (e) {
    say(e.message || 'Something went wrong.');
    return undefined;
  }
}
