// Focus for overlays that act as dialogs (the work queues, the matches queue): while one is open,
// Tab and Shift-Tab stay inside it; when it opens, focus moves into it; when it closes, focus
// returns to where it was (the button that opened it). The message line goes with the open dialog.

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type=hidden]), select:not([disabled]), '
  + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const openers = new WeakMap();

function focusables(dialog) {
  // what Tab reaches: shown, and not taken out of the Tab order (a tab list's other tabs)
  return [...dialog.querySelectorAll(FOCUSABLE)].filter((e) => (e.offsetParent !== null || e === document.activeElement)
    && e.getAttribute('tabindex') !== '-1');
}

/** Keeps Tab inside the dialog whenever it is shown. */
export function holdFocus(dialog) {
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || dialog.hidden) {
      return;
    }
    const items = focusables(dialog);
    if (items.length === 0) {
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
}

/** Where the message line lives when no dialog is open. */
let messageHome = null;

/**
 * The message line (#message) goes into an open dialog, under its heading, so that what the
 * dialog's buttons did (and the offer to undo it) is never hidden behind the dialog; it goes back
 * under the top bar when the dialog closes.
 */
function carryMessage(dialog, shown) {
  const message = document.getElementById('message');
  if (!message) {
    return;
  }
  if (!messageHome) {
    messageHome = { parent: message.parentNode, next: message.nextSibling };
  }
  if (shown) {
    const head = dialog.querySelector('.work-head');
    dialog.insertBefore(message, head ? head.nextSibling : dialog.firstChild);
  } else if (message.parentNode === dialog) {
    messageHome.parent.insertBefore(message, messageHome.next);
  }
}

/** Shows or hides the dialog, moving focus into it (to `start`, or its first control) and back out. */
export function showDialog(dialog, shown, start = null) {
  const was = !dialog.hidden;
  dialog.hidden = !shown;
  if (shown !== was) {
    carryMessage(dialog, shown);
  }
  if (shown && !was) {
    openers.set(dialog, document.activeElement);
    const target = start || focusables(dialog)[0];
    if (target) {
      target.focus();
    }
  } else if (!shown && was) {
    const opener = openers.get(dialog);
    openers.delete(dialog);
    if (opener && opener.isConnected && typeof opener.focus === 'function') {
      opener.focus();
    }
  }
}

/**
 * Moves the keyboard to an element after something the page waited for (a person opened, an opening
 * that failed), unless the user has meanwhile gone on typing in a field (the as-of day): taken from
 * it, the field was left half typed and settled on a day the user did not type (review 65).
 */
export function focusUnlessTyping(element, options) {
  const active = document.activeElement;
  const typing = active && active !== element && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT'
    && !['button', 'checkbox', 'radio', 'submit', 'range', 'reset'].includes(active.type)));
  if (!typing) {
    element.focus(options);
  }
}
