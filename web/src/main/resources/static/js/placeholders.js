// People your agency may not see, as the explorer shows them (README "Hidden is not absent"): a
// placeholder is never drawn as an ordinary person and never shown by its id. Everywhere it is
// "someone your agency cannot see", with how they are related to the person on screen, when, and
// which agencies hold information about them, so that the user knows whom to ask. This module
// holds the words; the details panel for a selected placeholder, with its two ways forward
// (request information, break glass), is drawn here too.

import { clear, el, period } from './dom.js';
import { words } from './words.js';
import { state } from './state.js';

/** How a placeholder is named everywhere on the page. */
export const HIDDEN = 'Someone your agency cannot see';

/**
 * How meeting mode's genogram labels a placeholder, in the family's type on one line (the key under
 * the graph and the legend say what it stands for; the lines drawn say how they are related).
 */
export const HIDDEN_SHORT = 'Hidden person';

/** A child placeholder (siblings at risk): the same, said of a child. */
export const HIDDEN_CHILD = 'A child your agency cannot see';

/** Whether a person in an answer is the placeholder of someone the user may not see. */
export function isPlaceholder(person) {
  return Boolean(person) && (person.restricted === true || person.kind === 'RESTRICTED_PERSON');
}

/** RestrictedRelationship.kind in words: how the hidden person stands to the answer's subject. */
const RELATIONSHIP_WORDS = {
  PARENT: 'a parent',
  PARTNER: 'a partner',
  PARENT_PARTNER: 'a parent’s partner',
  FULL_SIBLING: 'a full sibling',
  HALF_SIBLING: 'a half sibling',
  STEP_SIBLING: 'a step sibling',
  ADOPTIVE_SIBLING: 'an adoptive sibling',
  FOSTER_SIBLING: 'a foster sibling',
  CHILD: 'a child',
  STEPCHILD: 'a stepchild',
  CO_RESIDENT: 'lived at the same address',
  CONTACT: 'has contact',
  FAMILY: 'in the family',
  HOUSEHOLD: 'in the household',
  CONCERNED: 'concerned by this flag',
  ACTION_FOR: 'an action is for them',
  SIBLING_OR_HOUSEHOLD_CHILD: 'a sibling or a child of the household',
  CONCERNING: 'the person the request is about',
  REQUESTED_ABOUT: 'the person asked about',
};

/** Years of a period, "2017–2018", "since 2017", "until 2018", or '' when unknown. */
export function years(from, to) {
  const a = from ? from.substring(0, 4) : '';
  const b = to ? to.substring(0, 4) : '';
  if (a && b) {
    return a === b ? a : `${a}–${b}`;
  }
  if (a) {
    return `since ${a}`;
  }
  return b ? `until ${b}` : '';
}

/** The relationship an answer gives a placeholder, in words ('' when none is given). */
export function relationshipWords(relationship) {
  if (!relationship) {
    return '';
  }
  const kind = RELATIONSHIP_WORDS[relationship.kind] || words(relationship.kind);
  const when = relationship.from || relationship.to ? `, ${period(relationship.from, relationship.to)}` : '';
  return `${kind}${when}`;
}

/** Short agency words for the graph's label: "Police, Probation". */
export function holderTypes(holders) {
  const types = [...new Set((holders || []).map((h) => (h.type ? words(h.type) : h.name)))];
  return types.map((t) => t.charAt(0).toUpperCase() + t.substring(1)).join(', ');
}

/** "held by: Police vulnerability assessment team, Probation service", or who to ask when none is known. */
export function heldBy(holders) {
  return (holders || []).length > 0
    ? `held by: ${holders.map((h) => h.name).join(', ')}`
    // said plainly: pointing at the police would suggest an offender (new-user check 47: a child's mother)
    : 'no other agency is recorded as holding information about them';
}

/**
 * One line about a placeholder in a panel: "Someone your agency cannot see (a parent’s partner,
 * 2017-01-01 to 2018-06-20; held by: Police …, Probation …)". {@code child} says it of a child.
 */
export function placeholderLine(person, { child = false } = {}) {
  const relationship = relationshipWords(person.relationship);
  return `${child ? HIDDEN_CHILD : HIDDEN} (${relationship ? `${relationship}; ` : ''}${heldBy(person.holders)})`;
}

/**
 * The details panel for a selected placeholder: what it stands for, the relationship lines the
 * graph shows, the holders, and the actions the user may take (each a button).
 *
 * @param placeholder {id, lines: [String], holders: [{id, name, type}]}
 * @param actions [{id, text, onClick}] in order
 */
export function renderPlaceholder(panel, placeholder, actions) {
  clear(panel);
  panel.setAttribute('aria-label', 'Details');
  panel.append(el('h2', { text: HIDDEN }),
    el('p', { class: 'meta', text: 'Your agency has no relationship with this person, so the explorer does not show who '
      + 'they are. The agencies that hold information about them can tell you what you need to know.' }));
  panel.append(el('h3', { text: 'How they are linked' }));
  panel.append(placeholder.lines.length === 0
    ? el('p', { class: 'empty', text: 'Linked to the people shown; no dates recorded.' })
    : el('ul', { class: 'placeholder-links' }, placeholder.lines.map((l) => el('li', { text: l }))));
  panel.append(el('h3', { text: 'Who holds information' }));
  panel.append((placeholder.holders || []).length === 0
    ? el('p', { class: 'empty', text: heldBy([]) })
    : el('ul', { class: 'placeholder-holders' }, placeholder.holders.map((h) => el('li', { text: h.name }))));
  if ((placeholder.holders || []).every((h) => state.user && h.id === state.user.agency)) {
    panel.append(el('p', { id: 'placeholder-nobody-to-ask', class: 'meta', text: 'There is no other agency to ask '
      + 'through the explorer.' + (actions.some((a) => a.id === 'placeholder-break-glass')
      ? ' If you need to know who they are to protect a child, break the glass: it is recorded and reviewed.' : '') }));
  }
  if (actions.length > 0) {
    panel.append(el('div', { class: 'buttons' }, actions.map((a) => el('button', {
      type: 'button', id: a.id, text: a.text, onclick: a.onClick,
    }))));
  }
}
