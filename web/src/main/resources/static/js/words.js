// Code-list constants in plain words, one helper for the whole page:
// REGISTERED_SEX_OFFENDER → "registered sex offender". A few constants read badly when simply
// lowered; they have their words here, and a caller may pass a vocabulary for its own list.

const SPECIAL = {
  HSB: 'harmful sexual behaviour',
  CSA_VICTIM: 'victim of child sexual abuse',
  CHILDRENS_SOCIAL_CARE: 'children’s social care',
};

/** How the siblings-at-risk panel says each kind of link to the subject. */
export const LINK_WORDS = {
  CHILD: 'child of the subject',
  CO_RESIDENT: 'lived together',
  CONTACT: 'has contact',
};

export function words(constant, vocabulary = {}) {
  if (!constant) {
    return '';
  }
  return vocabulary[constant] || SPECIAL[constant] || constant.toLowerCase().replaceAll('_', ' ');
}

/** How a person record came to its person (SourceRecord.linkedBy), for the steward and the details. */
const LINKED_BY = {
  IDENTIFIER: 'an identifier', SCORE: 'the matching score',
};

/**
 * Whether a record's id is its person's (an identifier link without a score: a bundle that gave the
 * person's id): the record a person stands on, never split off.
 */
export function ownId(record) {
  return record.linkedBy === 'IDENTIFIER' && (record.score === null || record.score === undefined);
}

/**
 * How a record came to its person, in words: a record whose id is the person's is not said to be
 * linked by an identifier, which beside a table of identifiers "given by neither" read as a
 * contradiction (walk 51).
 */
export function linkedBy(record) {
  if (ownId(record)) {
    return 'its id is the person’s';
  }
  // (a new person may still have a match waiting for a steward: [MATCH?] says so; a steward's SAME,
  // link and split all leave REVIEW, and a record split off is not "linked": walk 56)
  if (record.linkedBy === 'REVIEW') {
    return 'placed here by a steward (a decision, a link or a split)';
  }
  return record.linkedBy === 'NEW' ? 'a new person: no link was strong enough'
    : `linked by ${words(record.linkedBy, LINKED_BY)}`;
}

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
export function inSentence(names) {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
