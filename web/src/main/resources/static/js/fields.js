// What is wrong with a field of a form, said beside the field (GOV.UK's error message pattern), and,
// for a form of several fields, listed at its top (the error summary, which takes the keyboard, each
// entry a link to its field): the message line lies over the graph, out of sight of a field in a long
// form (walk 57: the meeting's form said "choose the decision" there, over the family, while the chair
// looked at the form). The field is marked invalid and described by its sentence, so that a screen
// reader says it on focus.

import { clear, el } from './dom.js';

function errorOf(field) {
  return document.getElementById(`${field.id}-error`);
}

/** The ids that describe a field (a hint, its error), as a list. */
function describedBy(field) {
  return (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
}

/** A field's entry in the error summary it is listed in, or null. */
function summaryEntry(field) {
  return document.querySelector(`.error-summary a[href="#${CSS.escape(field.id)}"]`);
}

/** What takes a field's sentence away at its next edit, by field. */
const edits = new WeakMap();

/**
 * Says beside a field what is wrong with it, in place of what was said before; the field's next edit
 * takes the sentence away. A hint that describes the field still does, after the sentence. The
 * sentence goes right after the field, or after {@code after} (the row a box of a grid lies in).
 * @param field an element with an id
 */
export function fieldError(field, text, after = field) {
  let error = errorOf(field);
  if (!error) {
    error = el('p', { class: 'field-error', id: `${field.id}-error` });
    after.after(error);
    field.setAttribute('aria-describedby', [error.id, ...describedBy(field)].join(' '));
  }
  error.textContent = text;
  field.setAttribute('aria-invalid', 'true');
  // said again otherwise (another decision): its entry in the summary says the same
  const entry = summaryEntry(field);
  if (entry) {
    entry.textContent = text;
  }
  if (!edits.has(field)) {
    const edited = new AbortController();
    edits.set(field, edited);
    const clearOnEdit = () => fieldOk(field);
    field.addEventListener('input', clearOnEdit, { signal: edited.signal });
    field.addEventListener('change', clearOnEdit, { signal: edited.signal });
  }
}

/** The field is as it should be: its sentence goes (its hint stays), and its entry in the summary. */
export function fieldOk(field) {
  if (edits.has(field)) {
    edits.get(field).abort();
    edits.delete(field);
  }
  const error = errorOf(field);
  if (error) {
    error.remove();
    const rest = describedBy(field).filter((id) => id !== error.id);
    if (rest.length > 0) {
      field.setAttribute('aria-describedby', rest.join(' '));
    } else {
      field.removeAttribute('aria-describedby');
    }
  }
  field.removeAttribute('aria-invalid');
  const entry = summaryEntry(field);
  if (entry) {
    const summary = entry.closest('.error-summary');
    entry.closest('li').remove();
    summary.hidden = !summary.querySelector('li');
  }
}

/** Every sentence said about the fields of a form or part of one goes, and its summary. */
export function fieldsOk(container, summary = null) {
  container.querySelectorAll('[aria-invalid="true"]').forEach(fieldOk);
  if (summary) {
    clear(summary.querySelector('ul'));
    summary.hidden = true;
  }
}

/**
 * Says each problem beside its field, clearing the container's earlier ones, lists them in the
 * summary (a heading and a list, hidden while empty) and puts the keyboard on it, or on the first
 * field when there is no summary (unless {@code focus} is false). Answers whether there was any.
 * @param problems [[field, sentence, after?], ...] in the form's order
 */
export function fieldErrors(container, problems, summary = null, focus = true) {
  fieldsOk(container, summary);
  problems.forEach(([field, text, after]) => fieldError(field, text, after));
  if (problems.length === 0) {
    return false;
  }
  if (summary) {
    const list = summary.querySelector('ul');
    problems.forEach(([field, text]) => list.append(el('li', {}, el('a', {
      href: `#${field.id}`,
      text,
      onclick: (e) => {
        // the field, not the address: the page's history is the people and days shown
        e.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'nearest' });
      },
    }))));
    summary.hidden = false;
  }
  if (focus) {
    const first = summary || problems[0][0];
    first.scrollIntoView({ block: 'nearest' });
    first.focus();
  }
  return true;
}
