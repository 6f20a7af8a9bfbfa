// The reasons written in the break-glass and information-request forms, kept when the session ends (or
// another user signs in, in another tab) before they are sent: the page stays where it is instead of
// going to the sign-in, the family goes out of sight, and the form says how to send them once signed in
// again in a new tab (walk 70: a break-glass reason was lost at the sign-in). The meeting's form has its
// own (meeting-room.js), which this follows.

import { keepWords } from './api.js';
import { byId, clear, el } from './dom.js';
import { state } from './state.js';

/**
 * @param form the form's id
 * @param field the id of the field whose words are kept
 * @param open whether the form is offered now
 * @param button the words of the form's send button, as the note says them
 * @param about what the signed-in page says was written ('access' or 'request': signed-in.js)
 */
export function keepDraft({ form, field, open, button, about }) {
  const note = el('p', { class: 'session-note draft-session', role: 'alert', hidden: true });
  byId(form).querySelector('.buttons').before(note);
  const holds = () => open() && byId(field).value.trim() !== '';
  keepWords(holds, (anotherUser) => {
    const user = state.user ? state.user.username : '';
    const address = `/signed-in.html?for=${encodeURIComponent(user)}&about=${about}`;
    document.body.classList.add('session-ended', 'draft-kept');
    clear(note).append(anotherUser
      ? 'Someone else is signed in in this browser now. What you wrote is kept in this form, out of sight until you are signed in again: '
      : 'Your session has ended. What you wrote is kept in this form, out of sight until you are signed in again: ',
    el('a', { href: address, target: '_blank', rel: 'noopener',
      text: anotherUser ? `sign in again as ${user} in a new tab` : 'sign in again in a new tab' }),
    `, then press ${button} here.`);
    note.hidden = false;
  }, () => {
    note.hidden = true;
    document.body.classList.remove('draft-kept');
    if (!document.querySelector('#record-session:not([hidden])')) {
      document.body.classList.remove('session-ended');
    }
  });
}
