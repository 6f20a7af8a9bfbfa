// The page the meeting's form links to when the session ended while the chair wrote (meeting-room.js
// sayOnForm), and the break-glass and information-request forms when it ended with their reason written
// (drafts.js, ?about=access or request): reached through the sign-in, it says who is signed in now and sends the chair back to the
// meeting's tab to press Save there; someone else signed in is offered Sign out. It reads who is signed
// in and nothing else.

import { formCsrfToken, me } from './api.js';

async function start() {
  // (a user name as the explorer writes it, or none: the address's words are not said as the page's, review 78)
  const named = new URLSearchParams(window.location.search).get('for');
  const writer = named && /^[\w.@+-]{1,100}$/.test(named) ? named : null;
  const text = document.getElementById('signed-in-text');
  // what was written, and how it is sent (drafts.js: a break-glass or information-request reason; else a meeting)
  const [what, tab, press, verb] = {
    access: ['the request for access', 'where you asked for access', 'Request access', 'send'],
    request: ['the request for information', 'where you asked for information', 'Send request', 'send'],
  }[new URLSearchParams(window.location.search).get('about')]
    || ['the meeting', 'of the meeting you were writing', 'Save', 'save'];
  try {
    const user = await me();
    if (!writer || user.username === writer) {
      text.textContent = `You are signed in again as ${user.username}. Go back to the tab ${tab} and press ${press} `
        + 'there; you can close this tab.';
    } else {
      text.textContent = `You are signed in as ${user.username}, and ${what} was written by ${writer}: only `
        + `${writer} can ${verb} it. Sign out, then sign in as ${writer}.`;
      const signOut = document.getElementById('signed-in-other');
      signOut.addEventListener('submit', () => { document.getElementById('signed-in-csrf').value = formCsrfToken(); });
      signOut.hidden = false;
    }
  } catch (e) {
    text.textContent = e.message;
  }
  document.body.dataset.state = 'ready';
}

start();
