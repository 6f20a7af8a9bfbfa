// What is wrong with a field of a form, said beside the field (GOV.UK's error message pattern): the
// message line lies over the graph, out of sight of a field in a long form (walk 57: the meeting's
// form said "choose the decision" there, over the family, while the chair looked at the form). The
// field is marked invalid and described by the sentence, so that a screen reader says it on focus.

import { el } from './dom.js';

function errorOf(field) {
  return field.id ? document.getElementById(`${field.id}-error`) : null;
}

/** The ids that describe a field (a hint, its error), as a list. */
function describedBy(field) {
  return (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
}

/**
 * Says beside a field what is wrong with it, in place of what was said before; the field's next edit
 * takes the sentence away. A hint that describes the field still does, after the sentence.
 */
export function fieldError(field, text) {
  let error = errorOf(field);
  if (!error) {
    error = el('p', { class: 'field-error', id: `${field.id}-error` });
    field.after(error);
    field.setAttribute('aria-describedby', [error.id, ...describedBy(field)].join(' '));
  }
  error.textContent = text;
  field.setAttribute('aria-invalid', 'true');
  const clearOnEdit = () => fieldOk(field);
  field.addEventListener('input', clearOnEdit, { once: true });
  field.addEventListener('change', clearOnEdit, { once: true });
}

/** The field is as it should be: its sentence goes (its hint stays). */
export function fieldOk(field) {
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
}

/** Every sentence said beside the fields of a form or part of one goes. */
export function fieldsOk(container) {
  container.querySelectorAll('[aria-invalid="true"]').forEach(fieldOk);
}

/**
 * Says each problem beside its field, clearing the container's earlier ones, and puts the keyboard on
 * the first. Answers whether there was any. @param problems [[field, sentence], ...] in the form's order
 */
export function fieldErrors(container, problems) {
  fieldsOk(container);
  problems.forEach(([field, text]) => fieldError(field, text));
  if (problems.length > 0) {
    problems[0][0].focus();
    problems[0][0].scrollIntoView({ block: 'nearest' });
  }
  return problems.length > 0;
}
