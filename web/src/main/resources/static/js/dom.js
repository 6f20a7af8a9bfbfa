// Tiny DOM helpers: every text goes in with textContent, never innerHTML.

export function byId(id) {
  return document.getElementById(id);
}

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'text') {
      element.textContent = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * A text as nodes in which every ISO day ("2018-09-03") is a span.day, which never breaks across lines
 * (walk 66: the pack printed "2018-" over "09-03" in narrow columns and sentences); the text reads the same.
 */
export function unbrokenDays(text) {
  return String(text).split(/(\d{4}-\d{2}-\d{2})/)
    .map((part, i) => (i % 2 === 1 ? el('span', { class: 'day', text: part }) : part))
    .filter((part) => part !== '');
}

/**
 * Shows one tab of a tab list (WAI-ARIA tabs): it is selected and its panel shown, the others' hidden;
 * only the selected tab is in the Tab order (roving tabindex), the arrow keys reach the others.
 */
export function showTab(list, tabId) {
  list.querySelectorAll('[role="tab"]').forEach((t) => {
    const selected = t.id === tabId;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    byId(t.getAttribute('aria-controls')).hidden = !selected;
  });
}

/**
 * The keys of a tab list (WAI-ARIA tabs, selection follows focus): Left and Right move to the
 * previous and next tab (round the ends), Home and End to the first and last; each tab reached is
 * chosen (choose(tabId)) and focused.
 */
export function wireTabs(list, choose) {
  list.addEventListener('keydown', (e) => {
    const tabs = [...list.querySelectorAll('[role="tab"]')];
    const at = tabs.indexOf(e.target.closest('[role="tab"]'));
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (at < 0 || to === undefined || e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    e.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length];
    choose(tab.id);
    tab.focus();
  });
}

export function clear(element) {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
  return element;
}

/**
 * A person's name; for the placeholder of someone the user may not see, never its id but
 * "someone your agency cannot see" (placeholders.js says more about them).
 */
export function fullName(person) {
  if (!person) {
    return '';
  }
  if (person.restricted === true || person.kind === 'RESTRICTED_PERSON') {
    return 'someone your agency cannot see';
  }
  return [person.givenName, person.familyName].filter(Boolean).join(' ') || person.id;
}

/** The graph key of a person in an answer: placeholders are drawn as RestrictedPerson nodes. */
export function personKey(person) {
  return `${person.restricted === true || person.kind === 'RESTRICTED_PERSON' ? 'RestrictedPerson' : 'Person'}:${person.id}`;
}

export function period(from, to) {
  return `${from || 'unknown'} to ${to || 'now'}`;
}

/** Short codes for markers: shown as text badges so colour is never the only signal. */
export const MARKER_CODES = {
  REGISTERED_SEX_OFFENDER: 'RSO',
  MAPPA: 'MAPPA',
  CHILD_PROTECTION_PLAN: 'CPP',
  LOOKED_AFTER: 'LAC',
  HARMFUL_SEXUAL_BEHAVIOUR: 'HSB',
  CSA_VICTIM: 'CSA',
  MISSING_EPISODE: 'MISSING',
  DOMESTIC_ABUSE: 'DA',
  VIOLENCE: 'VIOL',
  OTHER: 'NOTE',
  RESTRICTED: 'RESTRICTED',
};

export function markerCode(marker) {
  const code = MARKER_CODES[marker.type] || marker.type;
  return marker.type === 'MAPPA' && marker.mappaCategory ? `${code} ${marker.mappaCategory}` : code;
}
