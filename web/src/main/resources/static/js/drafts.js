// The reasons written in the break-glass and information-request forms, kept when the session ends (or
// another user signs in, in another tab) before they are sent: the page stays where it is instead of
// going to the sign-in, the family goes out of sight, and the form says how to send them once signed in
// again in a new tab (walk 70: a break-glass reason was lost at the sign-in). The meeting's form has its
// own (meeting-room.js), which this follows.

import { keepWords } from './api.js';
import { byId, clear, el } from './dom.js';
import { state } from './state.js';

/** What a form says once the session has ended with words in it, or once someone else is signed in. */
export const SESSION_ENDED = 'Your session has ended. What you wrote is kept in this form, out of sight until you are'
  + ' signed in again:';
export const ANOTHER_USER = 'Someone else is signed in in this browser now. What you wrote is kept in this form, out of'
  + ' sight until you are signed in again:';

/**
 * Writes in a form's note that its words are kept (text), with a link that signs in again in a new tab
 * (through the sign-in, a page that sends the user back to this tab, or with someone else signed in
 * there says who and offers Sign out: walks 60 and 61), and which button to press here then. about:
 * what the signed-in page says was written (signed-in.js; none: a meeting); id: the link's id.
 */
export function sayKept(note, text, { button, link = 'sign in again in a new tab', about = null, id = null }) {
  const user = state.user ? state.user.username : '';
  const address = `/signed-in.html?for=${encodeURIComponent(user)}${about ? `&about=${about}` : ''}`;
  clear(note).append(`${text} `, el('a', { id, href: address, target: '_blank', rel: 'noopener', text: link }),
    `, then press ${button} here.`);
  note.hidden = false;
}

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
    document.body.classList.add('session-ended', 'draft-kept');
    const user = state.user ? state.user.username : '';
    sayKept(note, anotherUser ? ANOTHER_USER : SESSION_ENDED, anotherUser
      ? { button, about, link: `sign in again as ${user} in a new tab` } : { button, about });
  }, () => {
    note.hidden = true;
    document.body.classList.remove('draft-kept');
    if (!document.querySelector('#record-session:not([hidden])')) {
      document.body.classList.remove('session-ended');
    }
  });
}
