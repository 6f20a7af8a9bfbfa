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
