// The panels for the selected person: details, siblings at risk, shared addresses, agency
// involvement with gaps, chronology. They are also the table alternative to the graph: every row
// can be reached with the keyboard, and choosing one highlights the matching graph elements.

import { clear, el, fullName, markerCode, period, personKey, unbrokenDays } from './dom.js';
import { LINK_WORDS, inSentence, linkedBy, words } from './words.js';
import { heldBy, isPlaceholder, placeholderLine } from './placeholders.js';
import { londonDay, seesEverySource, state } from './state.js';
import { SEVERITIES } from './flags.js';
import { DONE_LISTED } from './queries.js';

/** A person in a table cell: their name and age, or what a placeholder stands for (never its id). */
function who(person, { child = false } = {}) {
  if (isPlaceholder(person)) {
    return el('span', { class: 'placeholder', text: placeholderLine(person, { child }) });
  }
  return `${fullName(person)}${person.age !== null && person.age !== undefined ? ` (${person.age})` : ''}`;
}

/** A person inside a sentence: a placeholder with whom to ask. */
function named(person) {
  return isPlaceholder(person) ? `${fullName(person)} (${heldBy(person.holders)})` : fullName(person);
}

function row(cells, keys, onSelect, extraClass) {
  const tr = el('tr', { class: `selectable ${extraClass || ''}`, tabindex: 0 },
    // a text cell's days kept on one line
    cells.map((c) => el('td', {}, typeof c === 'string' ? unbrokenDays(c) : c)));
  const choose = () => onSelect(keys);
  tr.addEventListener('click', choose);
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose();
    }
  });
  return tr;
}

/** A card that is chosen like a row: by click, Enter or Space; it highlights its keys in the graph. */
function card(children, keys, onSelect, extraClass, label) {
  const article = el('article', { class: `card selectable ${extraClass || ''}`, tabindex: 0, 'aria-label': label },
    children);
  const choose = () => onSelect(keys);
  article.addEventListener('click', choose);
  article.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose();
    }
  });
  return article;
}

/** A table; a header is its text, or an element (an abbreviation with its full name). */
function table(headers, rows, caption, extraClass) {
  return el('table', { class: extraClass }, el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, headers.map((h) => (typeof h === 'string' ? el('th', { scope: 'col', text: h })
      : el('th', { scope: 'col', title: h.title, 'aria-label': h.title }, h.element))))),
    el('tbody', {}, rows));
}

const MINOR_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'a', 'an']);

/**
 * An agency's name as the involvement matrix heads its column: a name of three words or more by its
 * initials ("Child and adolescent mental health service": CAMHS, "Youth offending team": YOT), what
 * it says in brackets left out; a shorter one as it is. The full name goes in the header's title and
 * aria-label.
 */
export function agencyShortName(name) {
  const words = name.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()));
  return words.length >= 3 ? words.map((w) => w.charAt(0).toUpperCase()).join('') : name;
}

function markerBadges(markers) {
  return (markers || []).map((m) => el('span', {
    class: `tag ${m.type === 'REGISTERED_SEX_OFFENDER' ? 'rso' : m.type === 'HARMFUL_SEXUAL_BEHAVIOUR' ? 'hsb'
      : m.type === 'CSA_VICTIM' ? 'csa' : m.type === 'CHILD_PROTECTION_PLAN' ? 'cpp'
        : m.type === 'RESTRICTED' ? 'restricted' : ''}`,
    title: `${words(m.type)}${m.from ? ` since ${m.from}` : ''}${m.detail ? `: ${m.detail}` : ''}`,
    text: markerCode(m),
  }, ' '));
}

/**
 * What ending a marker on a day does, as the page shows it on asOf (walk 66: ended today while the page
 * showed 2018, the marker stayed on the screen with nothing said): it no longer applies after the day,
 * and the day the page shows, if before it, still shows it.
 */
export function endFate(day, asOf) {
  return asOf && day > asOf
    ? `It no longer applies after ${day}; ${asOf}, the day the page shows, still shows it.`
    : 'It no longer applies after that day.';
}

/**
 * "End on" for a marker the user may end (the agency that recorded it, a chair): a day, today in
 * London unless the user chooses another (a day in the past is said to be one), then a
 * confirmation; the message line then offers to undo it (selection.js).
 */
function endForm(marker, ending) {
  const today = londonDay();
  const what = words(marker.type);
  const date = el('input', { type: 'date', value: today, class: 'end-date', 'data-marker': marker.id,
    'aria-label': `Day the ${what} marker ends` });
  const warning = el('span', { class: 'end-warning', role: 'status' });
  const check = () => {
    warning.textContent = date.value && date.value < today
      ? `${date.value} is in the past: the marker will read as ended since that day.` : '';
  };
  date.addEventListener('input', check);
  date.addEventListener('change', check);
  const button = el('button', { type: 'button', class: 'end-marker secondary', 'data-marker': marker.id,
    text: 'End on', 'aria-label': `End the ${what} marker on the day chosen` });
  const form = el('span', { class: 'end' }, button, ' ', date, ' ', warning);
  button.addEventListener('click', () => {
    if (!date.value) {
      date.focus();
      return;
    }
    const day = date.value;
    const yes = el('button', { type: 'button', class: 'end-confirm', text: `Yes, end it on ${day}` });
    const no = el('button', { type: 'button', class: 'end-cancel secondary', text: 'Cancel' });
    form.replaceChildren(el('span', { class: 'end-question', role: 'group', 'aria-label': 'Confirm' },
      el('span', { text: `End the ${what} marker on ${day}? ${endFate(day, ending.day)}` }),
      ' ', yes, ' ', no));
    yes.focus();
    no.addEventListener('click', () => {
      form.replaceChildren(button, ' ', date, ' ', warning);
      button.focus();
    });
    yes.addEventListener('click', () => {
      yes.disabled = true;
      no.disabled = true;
      ending.end(marker, day);
    });
  });
  return form;
}

/**
 * Where a record came from, in words: the agency's name when the source is an agency an answer of
 * this page named (agencyNames: id to name); what a user recorded without an agency; else the
 * bundle's source as given (a shared bundle's, such as the fictional demo's).
 */
export function sourceName(source, agencyNames) {
  if (agencyNames.has(source)) {
    return agencyNames.get(source);
  }
  return source.startsWith('explorer-') ? 'recorded in the explorer' : `bundle “${source}”`;
}

/**
 * The details panel of a person on the as-of day (asOf): a person not yet born on that day is said to
 * be, before anything else.
 */
export function renderDetails(panel, person, addresses, ending = null, asOf = null, agencyNames = new Map()) {
  clear(panel);
  panel.setAttribute('aria-label', 'Details');
  const fields = [
    ['Name', fullName(person)], ['Aliases', (person.aliases || []).join(', ')],
    ['Date of birth', person.dateOfBirth ? `${person.dateOfBirth}${person.dobEstimated ? ' (estimated)' : ''}` : ''],
    ['Age', person.age === null || person.age === undefined ? '' : `${person.age}${person.child ? ' (child)' : ''}`],
    ['Sex', words(person.sex)], ['Died', person.deceasedOn], ['NHS number', person.nhsNumber],
    ['PNC id', person.pncId], ['LA case number', person.laCaseNumber], ['UPN', person.upn],
    ['Probation CRN', person.probationCrn],
  ];
  const disputes = disputedFields(person, agencyNames, seesEverySource(state.user));
  const shown = fields.filter(([label, value]) => value || disputes.has(label));
  panel.append(el('h2', { text: fullName(person) }));
  if (asOf && person.dateOfBirth && person.dateOfBirth > asOf) {
    panel.append(el('p', { class: 'notice unborn', role: 'note',
      text: `Not yet born on ${asOf}: born on ${person.dateOfBirth}. The graph and panels show the records of that day.` }));
  }
  panel.append(el('dl', {}, shown.map(([k, v]) => [el('dt', { text: k }), el('dd', {}, v || '',
    // the reader's own agency sent another value that is not shown (walk 76: the officer read the old date of
    // birth at the top of the page with nothing to say it was disputed); no value is said to be missing, since
    // a field may be one the reader's agency is not shown (review 103)
    disputes.has(k) ? el('span', { class: 'disputed' }, `${v ? ' — ' : ''}${disputes.get(k).join('; ')} (see `,
      // a link to the records below (walk 77: "(see Agency records)" could not be followed)
      el('a', { href: '#details-agency-records', class: 'see-records', text: 'Agency records', onclick: (e) => {
        e.preventDefault();
        const heading = panel.querySelector('#details-agency-records');
        if (heading) {
          heading.scrollIntoView({ block: 'start' });
          heading.focus();
        }
      } }), ')') : '')])));
  panel.append(el('h3', { text: 'Markers' }));
  if ((person.markers || []).length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No current markers.' }));
  } else {
    panel.append(el('ul', {}, person.markers.map((m) => el('li', {}, markerBadges([m]),
      // a marker carried from the home says so (walk 50: it read as a marker on the person)
      unbrokenDays(`${m.derived ? `On the home${m.address && m.address.line1 ? `, ${m.address.line1}` : ''}: ` : ''}`
      + `${words(m.type)}${m.from ? ` since ${m.from}` : ''}${m.to ? ` until ${m.to}` : ''}${m.detail ? ` — ${m.detail}` : ''}${m.source ? `; recorded by ${sourceName(m.source, agencyNames)}` : ''}`),
      ending && ending.allowed(m) ? [' ', endForm(m, ending)] : ''))));
  }
  if (person.records) {
    // which agencies' records make up this person (a practitioner is shown their own agency's only)
    panel.append(el('h3', { text: 'Agency records', id: 'details-agency-records', tabindex: '-1' }));
    panel.append(person.records.length === 0
      ? el('p', { class: 'empty', text: seesEverySource(state.user)
        ? 'No source record is linked to this person.'
        // police who hold a marker on Sara read "no record from your agency" (new-user check 47): this
        // list is of person records, the identities agencies sent, not of markers or referrals
        : 'Your agency has sent no person record of its own for this person (what it holds about '
          + 'them, such as markers or referrals, is shown in its place). Other agencies’ person records '
          + 'are not listed here.' })
      : el('ul', { class: 'records' }, person.records.map((r) => el('li', {},
        // the agency by name where the page knows it (walk 51: "school-a SA-C-0417")
        `${agencyNames.has(r.source) ? `${agencyNames.get(r.source)} (${r.source})` : r.source} ${r.localId}`
          + ` (${linkedBy(r)})`,
        // the agency's correction a steward has yet to check (walk 74: the person still showed the old
        // date, and nobody said why)
        (r.waitingChanges || []).length === 0 ? ''
          : el('p', { class: 'waiting-changes', text: 'A newer version of this record waits for a data steward '
            + `(${r.waitingChanges.join('; ')}), who checks that it is still this person. Until then this page `
            + 'shows the record as it was linked.' }),
        // what a steward set aside, keeping the record as linked (review 98: such a question could not be
        // decided); never the steward's note, which may name other agencies' records
        (r.setAsideChanges || []).length === 0 ? ''
          // the agency named to a reader who sees every agency's records (walk 77: "your agency" to the admin)
          : el('p', { class: 'set-aside-changes', text: 'A data steward kept this record as it was linked and '
            + `set aside a newer version ${seesEverySource(state.user) ? sourceName(r.source, agencyNames) : 'your agency'} `
            + `sent (${r.setAsideChanges.join('; ')}): this page shows the `
            + 'record as it was linked, and nothing sent with that version (a date of death or case number '
            + 'included). Ask the partnership\'s data steward why before you rely on either.' })))));
  }
  panel.append(el('h3', { text: 'Addresses' }));
  panel.append(addresses.length === 0 ? el('p', { class: 'empty', text: 'No addresses recorded.' })
    : el('ul', {}, addresses.map((a) => el('li', {},
      unbrokenDays(`${a.address.line1}${a.address.postcode ? `, ${a.address.postcode}` : ''}: ${period(a.from, a.to)}${a.current ? ' (current)' : ''}`)))));
}

/** The details panel's labels of the fields a record's version gives, by the words a change names them. */
const CHANGED_FIELD_LABELS = new Map([
  ['given name', 'Name'], ['family name', 'Name'], ['aliases', 'Aliases'], ['date of birth', 'Date of birth'],
  ['sex', 'Sex'], ['NHS number', 'NHS number'], ['PNC id', 'PNC id'], ['UPN', 'UPN'],
]);

/**
 * The details panel's fields for which an agency record of the person gives another value, not shown: label
 * to what to say of each ("your agency sent date of birth 1991-09-14: a data steward has yet to check it"),
 * from the changes its records' versions wait with (waitingChanges) or were set aside with
 * (setAsideChanges), each worded "date of birth: 1983-04-27 → 1991-09-14", but a value the person shows
 * already (from another record). A practitioner reads of their own
 * agency's records only; a reader who sees every agency's (a steward, the local admin) reads each record
 * named (review 103: "your agency" was said to them of the police's record).
 */
function disputedFields(person, agencyNames, everySource) {
  const disputes = new Map();
  // the person's own values, as the changes word them: a value the person already shows (from another
  // record) is not disputed (review 104)
  const held = new Map([['Date of birth', person.dateOfBirth], ['Sex', person.sex], ['NHS number', person.nhsNumber],
    ['PNC id', person.pncId], ['UPN', person.upn]]);
  const add = (r, change, status) => {
    const colon = change.indexOf(': ');
    const label = CHANGED_FIELD_LABELS.get(change.slice(0, colon));
    if (colon < 0 || !label) {
      return;
    }
    const field = change.slice(0, colon);
    const arrow = change.lastIndexOf(' → ');
    const value = arrow < 0 ? '' : change.slice(arrow + 3);
    if (value && held.get(label) === value) {
      return;
    }
    // a sex as the panel words it ("female", not "FEMALE")
    const sent = label === 'Sex' && value !== 'none' ? words(value) : value;
    const who = everySource ? `${sourceName(r.source, agencyNames)} record ${r.localId}` : 'your agency';
    const what = sent === 'none' ? `${who} sent a version without the ${field}`
      : `${who} sent ${sent ? `${field} ${sent}` : `another ${field}`}`;
    disputes.set(label, [...(disputes.get(label) || []), `${what}: ${status}`]);
  };
  (person.records || []).forEach((r) => {
    (r.waitingChanges || []).forEach((c) => add(r, c, 'a data steward has yet to check it'));
    (r.setAsideChanges || []).forEach((c) => add(r, c, 'a data steward set it aside'));
  });
  return disputes;
}

/**
 * What a siblings card says of a child's assessment: 'assessed', 'unassessed' (due since a concern
 * began, none done), 'not-due', or 'undisclosed' (a placeholder: its assessments are not this
 * reader's to know, so neither assessed nor NOT ASSESSED).
 */
function siblingStatus(s) {
  if (isPlaceholder(s.child)) {
    return 'undisclosed';
  }
  return s.assessed ? 'assessed' : s.notAssessed ? 'unassessed' : 'not-due';
}

/**
 * Under a card whose person is not in the network drawn: says so, and offers to open their network
 * (the button's keys are its own: the card's Enter and Space do not take them).
 */
function outsideNote(person, open) {
  const button = el('button', { type: 'button', class: 'open-outside', text: `Open ${fullName(person)}’s network` });
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    open(person.id);
  });
  // Enter and Space press the button, not the card (other keys, Escape, go on to the page)
  button.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.stopPropagation();
    }
  });
  return el('p', { class: 'card-outside', role: 'note' }, 'Not in the network drawn. ', button);
}

const STATUS_CLASS = { assessed: 'status-good', unassessed: 'status-bad', 'not-due': '', undisclosed: 'status-neutral' };

/**
 * The siblings at risk of the subject, one card each. A child the reader may see who is not in the
 * network drawn (beyond its depth) says so, with a button that opens that child's network
 * ({@code outside.shown(key)}, {@code outside.open(id)}).
 */
export function renderSiblings(panel, siblings, subject, onSelect, outside = null) {
  clear(panel);
  panel.setAttribute('aria-label', 'Siblings at risk');
  panel.append(el('h2', { text: `Children exposed through ${fullName(subject)}` }));
  if (siblings.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No other children are linked on this date.' }));
    return;
  }
  // NOT ASSESSED only where an assessment is due: a concern had begun on the day (notAssessed). A
  // placeholder's assessments are not disclosed to this reader: never counted either way
  const disclosed = siblings.filter((s) => !isPlaceholder(s.child));
  const unassessed = disclosed.filter((s) => s.notAssessed).length;
  const all = disclosed.length > 0 && disclosed.every((s) => s.assessed);
  const hidden = siblings.length - disclosed.length;
  const status = unassessed > 0 ? `${unassessed} of ${disclosed.length} not assessed since the concern began`
    : all ? `Every linked child${hidden > 0 ? ' you may see' : ''} has been assessed`
      : disclosed.length > 0 ? 'No concern had begun by this day: no assessment is due yet' : '';
  const undisclosed = hidden > 0 ? `ssessment not disclosed for ${hidden} ${hidden === 1 ? 'child' : 'children'} your agency cannot see` : '';
  panel.append(el('p', { class: unassessed > 0 ? 'status-bad' : all && hidden === 0 ? 'status-good' : 'meta',
    text: status && undisclosed ? `${status}; a${undisclosed}` : status || `A${undisclosed}` }));
  // one card per child: the child, whether assessed, how linked, plan and agencies, in a narrow panel
  const cards = siblings.map((s) => {
    const keys = [personKey(s.child), `Person:${subject.id}`];
    const links = s.links.map((l) => {
      l.via.forEach((v) => keys.push(personKey(v)));
      if (l.address) {
        keys.push(`Address:${l.address.id}`);
      }
      const via = l.via.length > 0 ? ` via ${l.via.map(named).join(' and ')}` : '';
      const where = l.address ? ` at ${l.address.line1}` : '';
      const when = l.from || l.to ? ` (${period(l.from, l.to)})` : '';
      return `${words(l.kind, LINK_WORDS)}${via}${where}${when}`;
    });
    const status = siblingStatus(s);
    const assessment = status === 'assessed' ? `Assessed (${s.latestAssessmentOn})`
      : status === 'unassessed' ? 'NOT ASSESSED' : status === 'undisclosed' ? 'Assessment not disclosed'
        : 'No assessment due (no concern yet)';
    const agencies = s.agencies.map((a) => a.name).join(', ');
    const note = outside && !isPlaceholder(s.child) ? outsideNote(s.child, outside.open) : '';
    return card([
      el('h3', { class: 'card-head' }, el('span', { class: 'card-who' }, who(s.child, { child: true })), ' ',
        el('span', { class: `card-status ${STATUS_CLASS[status]}`, text: assessment }),
        s.onProtectionPlan ? el('span', { class: 'tag cpp', text: 'CPP' }) : ''),
      el('p', { class: 'card-label', text: 'How linked' }),
      el('ul', { class: 'card-links' }, links.map((t) => el('li', {}, unbrokenDays(t)))),
      el('p', { class: 'card-meta', text: `Agencies now: ${agencies || 'none recorded'}` }),
      note,
    ], keys, onSelect, `sibling ${status}`, `${fullName(s.child)}, ${assessment.toLowerCase()}`);
  });
  // the card says whose it is (a person the user may see), as the graph's node does
  siblings.forEach((s, i) => {
    if (s.child.kind === 'PERSON' && !s.child.restricted) {
      cards[i].dataset.person = s.child.id;
    }
  });
  panel.append(el('div', { class: 'cards', role: 'list', 'aria-label': 'Children at risk, one card each' },
    cards.map((c) => el('div', { role: 'listitem' }, c))));
  if (outside) {
    markOutside(panel, outside.shown);
  }
}

/**
 * Says on each child's card whether the child is in the network drawn ({@code shown(key)}), again
 * whenever the graph changes (an expansion, a new depth): the note and its button show only while
 * the child is not drawn.
 */
export function markOutside(panel, shown) {
  panel.querySelectorAll('.card[data-person]').forEach((c) => {
    const note = c.querySelector('.card-outside');
    if (!note) {
      return;
    }
    const away = !shown(`Person:${c.dataset.person}`);
    note.hidden = !away;
    c.classList.toggle('outside-graph', away);
    const label = c.getAttribute('aria-label').replace(/, not in the network drawn$/, '');
    c.setAttribute('aria-label', away ? `${label}, not in the network drawn` : label);
  });
}

export function renderAddresses(panel, addresses, subject, onSelect) {
  clear(panel);
  panel.setAttribute('aria-label', 'Shared addresses');
  panel.append(el('h2', { text: `Who lived with ${fullName(subject)}, and when` }));
  if (addresses.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No addresses recorded.' }));
    return;
  }
  addresses.forEach((a) => {
    panel.append(el('h3', {}, `${a.address.line1}${a.address.postcode ? `, ${a.address.postcode}` : ''} — `,
      unbrokenDays(`${period(a.from, a.to)}${a.current ? ' (current)' : ''} `), markerBadges(a.markers)));
    const addressKey = `Address:${a.address.id}`;
    if (a.coResidents.length === 0) {
      panel.append(el('p', { class: 'empty', text: 'Nobody else lived there at the same time.' }));
      return;
    }
    panel.append(table(['Person', 'Together'], a.coResidents.map((c) => row(
      [who(c.person), period(c.from, c.to)],
      [addressKey, personKey(c.person), `Person:${subject.id}`], onSelect)), `Co-residents at ${a.address.line1}`));
  });
}

/** Whose agency involvement the panel shows: the person selected, their household or their family. */
const SCOPE_OF = { PERSON: '', HOUSEHOLD: '’s household', FAMILY: '’s family' };

export function renderAgencies(panel, involvement, scope, onScope, onSelect, person) {
  clear(panel);
  // whose it is (walks: in meeting mode the matrix follows the person selected on the shared screen,
  // and the panel did not say whom it was about)
  const whose = person ? `Agency involvement: ${fullName(person)}${SCOPE_OF[scope] || ''}` : 'Agency involvement';
  panel.setAttribute('aria-label', whose);
  const select = el('select', { id: 'scope-select' },
    ['PERSON', 'HOUSEHOLD', 'FAMILY'].map((s) => el('option', { value: s, selected: s === scope, text: words(s) })));
  select.addEventListener('change', () => onScope(select.value));
  panel.append(el('h2', { text: whose }), el('label', { for: 'scope-select', text: 'Scope ' }), select);
  panel.append(el('h3', { text: `Gaps (${involvement.gaps.length})` }));
  if (involvement.gaps.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No agency that the gap rules expect is missing.' }));
  }
  involvement.gaps.forEach((g) => panel.append(el('div', { class: 'gap', role: 'note' },
    el('strong', { text: `${named(g.person)}: no ${words(g.agencyType)}. ` }), unbrokenDays(g.reason))));
  // a child no agency is involved with is no gap under the rules, and was read as covered (walk 65: "Gaps
  // (0) – No expected agency is missing" beside a six-year-old not assessed whom no agency knew)
  // (a child on the day as the server counts one: under 18 and alive; review 83: the dead were named too)
  const unknown = involvement.people.filter((p) => !isPlaceholder(p.person) && p.person.child
    && p.involvements.length === 0);
  if (unknown.length > 0) {
    // what the user's agency can see: an offender-management involvement is left out for an agency that may
    // not see offender detail (review 83: a health visitor was told no agency was involved with a child a
    // police public-protection officer was)
    panel.append(el('p', { class: 'known-to-none', role: 'note', id: 'known-to-none' },
      el('strong', { text: `Your agency can see no agency involved with ${inSentence(unknown.map((p) => who(p.person)))} `
        + 'on this day. ' }),
      'The gap rules ask for none for a child without a protection plan, harmful sexual behaviour, abuse or a '
        + 'registered sex offender at home. Involvements in offender management are shown only to the agencies '
        + 'that may see offender detail: ask before acting on this.'));
  }
  // what the gap rules expect, in the server's words (AgencyInvolvement.rules), so that no gap is read for
  // what it is
  // a person a data steward may yet join to another record: what that record's agencies hold is not in this
  // matrix until then (walk 66: a health visitor read Ruby, MATCH? on the graph, as known to no agency)
  const pending = involvement.people.filter((p) => !isPlaceholder(p.person) && p.person.possibleMatch);
  if (pending.length > 0) {
    panel.append(el('p', { class: 'known-to-none', role: 'note', id: 'possible-match-note' },
      el('strong', { text: `${inSentence(pending.map((p) => who(p.person)))} may also be recorded as someone else: a data `
        + 'steward is checking (MATCH?). ' }),
      'Until the steward decides, what agencies recorded under the other record is not shown as theirs.'));
  }
  panel.append(el('div', { class: 'gap-rules', id: 'gap-rules' }, el('span', { text: 'Gap rules:' }),
    el('ul', {}, involvement.rules.map((r) => el('li', { text: r })))));
  const agencies = [...new Map(involvement.people.flatMap((p) => p.involvements.map((i) => [i.agency.id, i.agency])))
    .values()].sort((a, b) => a.name.localeCompare(b.name));
  const rows = involvement.people.map((p) => {
    const missing = new Set(involvement.gaps.filter((g) => g.person.id === p.person.id).map((g) => g.agencyType));
    const cells = [p.person.possibleMatch && !isPlaceholder(p.person)
      ? [who(p.person), ' ', el('span', { class: 'tag possible-match', title: 'A data steward is checking a possible match',
        text: 'MATCH?' })] : who(p.person)];
    agencies.forEach((a) => {
      const here = p.involvements.filter((i) => i.agency.id === a.id);
      // what the user's agency may not see is said as held elsewhere, never left blank
      // a day on one line (a line never breaks after "2018-")
      const day = (d) => el('span', { class: 'day', text: d });
      cells.push(here.map((i, n) => [n > 0 ? '; ' : '', ...(!i.professional && !i.role
        ? [`Involved — details held by ${i.agency.name}`, ...(i.from ? [' (since ', day(i.from), ')'] : [])]
        : [`${i.professional ? i.professional.name : ''} ${i.role ? `(${i.role})` : ''}`,
          // the record keeps the latest contact only: one after the as-of day says nothing of that day
          ...(i.lastContactOn && i.lastContactOn <= state.asOf ? [', last contact ', day(i.lastContactOn)] : [])])]));
    });
    cells.push(missing.size > 0 ? el('span', { class: 'status-bad', text: [...missing].map((t) => words(t)).join(', ') }) : '');
    return row(cells, [personKey(p.person), ...p.involvements.map((i) => `Agency:${i.agency.id}`),
      ...p.involvements.filter((i) => i.professional).map((i) => `Professional:${i.professional.id}`)], onSelect);
  });
  // one column per agency, headed by its short name, so that the matrix fits the panel's width
  const heads = agencies.map((a) => {
    const short = agencyShortName(a.name);
    return short === a.name ? a.name : { title: a.name, element: el('abbr', { title: a.name, text: short }) };
  });
  const matrix = table(['Person', ...heads, 'Missing'], rows, 'Involvement matrix', 'matrix');
  // on paper the initials have no hover: their names under the matrix (walk 68)
  const initials = agencies.filter((a) => agencyShortName(a.name) !== a.name);
  // each cell names its column, for meeting mode's matrix drawn as a card a person (app.css)
  const columns = ['', ...agencies.map((a) => agencyShortName(a.name)), 'Missing'];
  matrix.querySelectorAll('tbody tr').forEach((tr) => [...tr.cells].forEach((td, n) => {
    if (columns[n]) {
      td.dataset.column = columns[n];
    }
  }));
  panel.append(matrix);
  if (initials.length > 0) {
    panel.append(el('p', { class: 'print-only matrix-key', text: `Columns: ${initials.map((a) => `${agencyShortName(a.name)} `
      + `${a.name}`).join('; ')}.` }));
  }
  fitMatrix(matrix);
  if (matrixWidths) {
    // a hidden tab has no width: fitted again once shown, and whenever the panel's width changes
    matrixWidths.observe(panel);
  }
}

/**
 * The agency matrix as a table where its words fit beside each other in the panel, else as a card
 * a person (app.css .stacked): always in meeting mode, whose type is larger; otherwise when the
 * table, its cells wrapped only between words, would be wider than the panel.
 */
function fitMatrix(matrix) {
  if (!matrix.isConnected) {
    return;
  }
  matrix.classList.remove('stacked');
  const room = matrix.parentElement.clientWidth;
  if (document.body.classList.contains('meeting') || (room > 0 && matrix.scrollWidth > room + 1)) {
    matrix.classList.add('stacked');
  }
}

/** The matrix follows its panel's width (the tab shown, the panel dragged, the window resized, meeting mode). */
const matrixWidths = typeof ResizeObserver === 'undefined' ? null
  : new ResizeObserver((entries) => entries.forEach((e) => e.target.querySelectorAll('table.matrix').forEach(fitMatrix)));

export function renderChronology(panel, entries, subject, onSelect, agencyNames = new Map()) {
  clear(panel);
  panel.setAttribute('aria-label', 'Chronology');
  panel.append(el('h2', { text: `Chronology of ${fullName(subject)}` }));
  if (entries.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'Nothing recorded.' }));
    return;
  }
  panel.append(table(['Date', 'What', 'Source'], entries.map((e) => row(
    [e.date || '', e.restrictedPerson ? `${e.summary} (${heldBy(e.restrictedPerson.holders)})` : e.summary, e.source ? sourceName(e.source, agencyNames) : ''],
    [`Person:${subject.id}`, ...(e.restrictedPerson ? [personKey(e.restrictedPerson)] : []),
      ...e.relatedIds.flatMap((id) => [`Person:${id}`, `Address:${id}`])], onSelect)),
  'Chronology'));
}

/** The risk flags of the selected person; choosing one highlights its evidence in the graph. */
export function renderFlags(panel, flags, person, highlight, keysOf) {
  clear(panel);
  panel.setAttribute('aria-label', 'Risk flags');
  panel.append(el('h2', { text: `Flags: ${fullName(person)}` }),
    el('p', { class: 'meta', text: 'Prompts for a human decision, never decisions. Choose one to see its evidence.' }));
  if (flags === null) {
    // never "no flags" for flags that could not be read (the banner over the graph offers to read them again)
    panel.append(el('p', { class: 'empty problem', text: 'The risk flags could not be read: this panel cannot say '
      + 'whether there are any. Choose "Read the risk flags again" above the graph.' }));
    return;
  }
  if (flags.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No risk flags on this date.' }));
    return;
  }
  panel.append(table(['Severity', 'Rule', 'What'], flags.map((f) => row([
    ...flagCells(f).slice(0, 2), flagWhat(f),
  ], [...keysOf(f.evidence), ...(f.restrictedPeople || []).map(personKey)], highlight, `flag flag-${f.severity}`)), 'Risk flags'));
}

/** A flag's severity and rule as the panels show them. */
function flagCells(f) {
  return [
    el('span', { class: `severity severity-${f.severity}`, text: f.severity }),
    // rule 0 is a restricted flag: its rule is not the reader's to know (new-user check 47: "Rule 0" meant nothing)
    el('span', { title: f.code, text: f.rule === 0 ? 'Restricted' : `Rule ${f.rule}` }),
  ];
}

/** What a flag says, with the agencies that hold information about the people it may not name. */
function flagWhat(f) {
  return (f.restrictedPeople || []).length > 0
    ? `${f.summary} (${f.restrictedPeople.map((r) => `${fullName(r)}, ${heldBy(r.holders)}`).join('; ')})` : f.summary;
}

/**
 * The meeting pack's flags: every flag of everyone drawn (id → flags, names id → name), each once
 * with the people it concerns, worst first and the pack's child first within a severity (walk 56:
 * the pack listed the opened child's flags only, and a sibling's HIGH flag was on no page); beyond: the
 * names of the children exposed through the child whom the network drawn does not reach, whose flags
 * byPerson holds too (they are said under the heading).
 */
export function renderNetworkFlags(panel, byPerson, names, childId, beyond = []) {
  clear(panel);
  const flags = new Map();
  let own = 0;
  byPerson.forEach((list, id) => list.forEach((f) => {
    // a flag about one person is filed under that person only, and two of them may read alike (review
    // 71: two restricted flags of Mia's, HIGH and MEDIUM, were printed as one); a flag about an address,
    // a referral, a meeting or an action is filed under each person it concerns: printed once
    const key = f.subjectKind === 'PERSON' ? `own ${own += 1}`
      : JSON.stringify([f.rule, f.code, f.severity, f.subjectKind, f.subjectId, f.summary,
        (f.restrictedPeople || []).map((r) => r.id)]);
    const entry = flags.get(key) || { flag: f, people: [] };
    if (!entry.people.includes(id)) {
      entry.people.push(id);
    }
    flags.set(key, entry);
  }));
  const rank = (entry) => [SEVERITIES.indexOf(entry.flag.severity), entry.people.includes(childId) ? 0 : 1];
  const entries = [...flags.values()].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || (names.get(a.people[0]) || '').localeCompare(names.get(b.people[0]) || '');
  });
  panel.append(el('h2', { text: 'Risk flags of everyone in the network' }),
    el('p', { class: 'meta', text: 'Prompts for a human decision, never decisions.' }));
  if (beyond.length > 0) {
    // (printed: the pack's other notes are hidden on paper, this one is not)
    panel.append(el('p', { class: 'beyond', text: `With the ${beyond.length === 1 ? 'child' : 'children'} exposed through `
      + `${names.get(childId) || 'the child'} whom the network drawn does not reach: ${inSentence(beyond)}.` }));
  }
  if (entries.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No risk flags on this date for anyone in the network.' }));
    return;
  }
  panel.append(table(['Severity', 'Rule', 'Concerns', 'What'], entries.map(({ flag, people }) => el('tr',
    { class: `flag flag-${flag.severity}` }, [...flagCells(flag), people.map((id) => names.get(id) || id).join(', '),
      unbrokenDays(flagWhat(flag))].map((c) => el('td', {}, c)))), 'Risk flags of everyone in the network'));
}

/** The triage queue: every rank with its score and the sentences behind it. */
export function renderTriage(panel, queue, open) {
  clear(panel);
  panel.append(el('p', { class: 'meta', text: 'Referrals of the last 30 days, highest score first; ties by arrival. '
    + 'Every point is explained.' }));
  if (queue.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No referrals in the last 30 days.' }));
    return;
  }
  panel.append(table(['Rank', 'Score', 'Referral', 'Child', 'Why'], queue.map((t) => row([
    String(t.rank), String(t.score),
    `${t.referral.id}: ${words(t.referral.concern)}${t.referral.urgency ? ` (${words(t.referral.urgency)})` : ''}, `
      + `received ${t.referral.receivedAt.substring(0, 10)}${t.referral.from ? ` from ${t.referral.from.name}` : ''}`,
    fullName(t.referral.about),
    el('ul', { class: 'reasons' }, t.reasons.map((r) => el('li', { text: r }))),
  ], [t.referral.about.id], (ids) => open(ids[0]))), 'Triage queue'));
}

/**
 * Overdue actions grouped by the agency that owns them (for meeting chairs). Choosing a row calls
 * choose(the ids of the people the action is for, the action). With {@code complete}, each row
 * offers "Done on" (a date, default today in London) for the owner agency or a chair.
 */
export function renderOverdue(panel, actions, choose, heading, complete) {
  clear(panel);
  if (heading) {
    panel.append(el('h3', { text: heading }));
  }
  if (actions.length === 0) {
    panel.append(el('p', { class: 'empty', text: 'No overdue actions on this date.' }));
    return;
  }
  const groups = new Map();
  actions.forEach((a) => {
    const owner = a.owner ? a.owner.name : NO_OWNER;
    groups.set(owner, [...(groups.get(owner) || []), a]);
  });
  [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).forEach(([owner, list]) => {
    panel.append(el('h4', { text: `${owner} (${list.length})` }),
      table(['Action', 'Due', 'Overdue', 'For', 'Meeting', complete ? 'Record' : ''], list.map((a) => row([
        a.description, a.dueOn, `${a.workingDaysOverdue} working days`,
        forWhom(a), `${words(a.meeting.kind)} ${a.meeting.heldOn}`,
        complete ? recordCell(a, complete) : '',
      ], a.for.map((p) => p.id), (ids) => choose(ids, a), 'overdue')), `Overdue actions of ${owner}`));
  });
}

/**
 * Said of an action whose owner is not named: none recorded, or an agency managing offenders, named only
 * to agencies that may see offender detail (review 87).
 */
const NO_OWNER = 'No owner named';

/**
 * What is wrong with a day an action was done on, or '' (set: the day of the meeting that set it;
 * today: in Europe/London): never in the future, never before it was set.
 */
export function doneDayProblem(day, set, today) {
  if (day > today) {
    return `${day} is in the future: record it as done on the day it is done.`;
  }
  if (set && day < set) {
    return `${day} is before the action was set (${set}).`;
  }
  return '';
}

/**
 * What the Record column offers for an action overdue on the as-of day: one done after that day
 * (still overdue on it) says on which day it was done, never offers Done on again; else Done on, to
 * those who may record it.
 */
function recordCell(action, complete) {
  if (action.completedOn) {
    return el('span', { class: 'done-after', text: `Done on ${action.completedOn} (after the as-of day)` });
  }
  return complete.allowed(action) ? doneForm(action, complete) : '';
}

/**
 * What recording an action as done on a day does to the list of the as-of day: it leaves the list
 * from that day on; a list of an earlier as-of day still shows it (overdue then), done on that day.
 */
export function doneFate(day, asOf) {
  return asOf && day > asOf
    ? `It leaves the overdue list from ${day}; the list of ${asOf} (the as-of day) still shows it, done on ${day}.`
    : 'It leaves the overdue list.';
}

/**
 * "Done on" for an overdue action, as "End on" for a marker: a day, today in London unless the
 * user chooses another (a day in the past is said to be one; one in the future or before the
 * meeting that set the action is refused), then a confirmation; the message offers Undo.
 */
function doneForm(action, complete) {
  const today = londonDay();
  const set = action.meeting ? action.meeting.heldOn : null;
  const date = el('input', { type: 'date', value: today, max: today, 'aria-label': `Completed on (${action.description})`,
    class: 'done-date', 'data-action': action.id });
  if (set) {
    date.min = set;
  }
  const warning = el('span', { class: 'done-warning', role: 'status' });
  const check = () => {
    const problem = date.value ? doneDayProblem(date.value, set, today) : '';
    warning.textContent = problem || (date.value && date.value < today
      ? `${date.value} is in the past: the action will read as done since that day.` : '');
    warning.classList.toggle('problem', Boolean(problem));
    return !problem;
  };
  date.addEventListener('input', check);
  date.addEventListener('change', check);
  const button = el('button', { type: 'button', class: 'done-button', 'data-action': action.id, text: 'Done on' });
  const form = el('span', { class: 'done' }, button, ' ', date, ' ', warning);
  // the row opens the child; the form must not
  form.addEventListener('click', (e) => e.stopPropagation());
  form.addEventListener('keydown', (e) => e.stopPropagation());
  // completing a statutory action: the user confirms the day first (or cancels), then may undo it from the message
  button.addEventListener('click', () => {
    if (!date.value || !check()) {
      date.focus();
      return;
    }
    const day = date.value;
    askInPlace(form, 'done', `Record “${action.description}” as done on ${day}? ${doneFate(day, complete.asOf)}`,
      `Yes, done on ${day}`, () => complete.done(action, day), [button, ' ', date, ' ', warning], button);
  });
  return form;
}

/**
 * Asks in a row's cell before an act on a statutory record (Done on, Reopen): the sentence, Yes and Cancel
 * (classes `${kind}-question`, `${kind}-confirm`, `${kind}-cancel`), the keyboard on Yes. Cancel puts back
 * what was there (then) and the keyboard on back. Yes runs act: done, the list is drawn again and the
 * keyboard goes to the message's Undo; refused, the question stays (the message, an alert, says why) and
 * can be answered again.
 */
function askInPlace(cell, kind, sentence, yesText, act, then, back) {
  const yes = el('button', { type: 'button', class: `${kind}-confirm`, text: yesText });
  const no = el('button', { type: 'button', class: `${kind}-cancel secondary`, text: 'Cancel' });
  cell.replaceChildren(el('span', { class: `${kind}-question`, role: 'group', 'aria-label': 'Confirm' },
    el('span', { text: sentence }), ' ', yes, ' ', no));
  yes.focus();
  no.addEventListener('click', () => {
    cell.replaceChildren(...then);
    back.focus();
  });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    no.disabled = true;
    if (!await act()) {
      yes.disabled = false;
      no.disabled = false;
      no.focus();
    }
  });
}

/**
 * Under the overdue actions, those recorded as done in the 30 days up to the as-of day, latest first
 * (walk 68's leftover: an action recorded as done by mistake left every list at once, and the message's
 * Undo lasted 30 s): what, when done, due, for whom, whose, and Reopen where the explorer recorded it
 * (reopenable) and the user may (complete.allowed); one done by its agency's own records says so.
 * actions: null when they could not be read.
 */
export function renderDone(panel, actions, asOf, choose, complete) {
  const section = el('section', { class: 'done-recently', 'aria-labelledby': 'done-recently-heading' },
    el('h3', { id: 'done-recently-heading' }, 'Done in the 30 days up to ', unbrokenDays(asOf)));
  if (actions === null) {
    section.append(el('p', { class: 'empty', text: 'The actions done recently could not be read.' }));
  } else if (actions.length === 0) {
    section.append(el('p', { class: 'empty', text: 'No action was recorded as done in these 30 days.' }));
  } else {
    const listed = actions.slice(0, DONE_LISTED);
    section.append(table(['Action', 'Done on', 'Due', 'For', 'Owner', 'Meeting', 'Record'], listed.map((a) => row([
      a.description, a.completedOn, a.dueOn, forWhom(a), a.owner ? a.owner.name : NO_OWNER,
      `${words(a.meeting.kind)} ${a.meeting.heldOn}`, reopenCell(a, complete),
    ], a.for.map((p) => p.id), (ids) => choose(ids, a), 'done-row')), 'Actions done in the 30 days up to the as-of day'));
    if (actions.length > listed.length) {
      // one more than listed was asked for (review 88: a list of exactly 100 was said to be cut short)
      section.append(el('p', { class: 'note', text: `Only the ${DONE_LISTED} done most recently are listed: more actions were done in these 30 days.` }));
    }
  }
  panel.append(section);
}

/**
 * Whom an action is for, as the reader may be told: the names, and how many others the reader's agency
 * cannot see (review 87: "Lily Archer" alone hid a second person).
 */
function forWhom(action) {
  const hidden = (action.restrictedFor || []).length;
  return [...action.for.map(fullName), ...(hidden === 0 ? []
    : [hidden === 1 ? 'someone your agency cannot see' : `${hidden} people your agency cannot see`])].join(', ');
}

/**
 * Reopen for an action done through the explorer, to those who may, confirmed first as Done on is (review
 * 87: one click reopened it, with no way back from the screen); the message then offers Undo. Else what
 * can be said of it.
 */
function reopenCell(action, complete) {
  if (!action.reopenable) {
    return el('span', { class: 'meta', text: 'Done by the agency’s own records: reopened there' });
  }
  if (!complete.allowed(action)) {
    return '';
  }
  const button = el('button', { type: 'button', class: 'reopen-button secondary', 'data-action': action.id,
    text: 'Reopen', 'aria-label': `Reopen “${action.description}”` });
  const cell = el('span', { class: 'reopen' }, button);
  // the row opens the child; the cell must not
  cell.addEventListener('click', (e) => e.stopPropagation());
  cell.addEventListener('keydown', (e) => e.stopPropagation());
  button.addEventListener('click', () => askInPlace(cell, 'reopen', `Reopen “${action.description}”, done on `
    + `${action.completedOn}? It is open again, and overdue from the day after it is due (${action.dueOn}).`,
  'Yes, reopen it', () => complete.reopen(action), [button], button));
  return cell;
}

/** The label the server gives a health professional whose name and role an agency may not see. */
const ANONYMOUS_HEALTH_PROFESSIONAL = 'Health professional';

/**
 * The details panel for a selected agency or professional (controller.service): what it is, and its
 * involvement with the people in the graph (the graph's own edges, so need-to-know and redaction
 * apply: a health professional your agency may not know by name is "Health professional"); a row
 * highlights the professional and the person. The other tabs keep the person selected before.
 */
export function renderService(panel, service, onSelect) {
  clear(panel);
  panel.setAttribute('aria-label', 'Details');
  const agency = service.kind === 'AGENCY';
  // a health professional as agencies without health detail see them (the server's label, no name or
  // role): walk 51, the police read a blank role and nothing of whom to ask
  const withheldOne = (p) => p.label === ANONYMOUS_HEALTH_PROFESSIONAL && !p.role;
  const withheld = !agency && withheldOne(service);
  panel.append(el('h2', { text: service.label }),
    el('dl', {},
      el('dt', { text: 'Kind' }), el('dd', { text: agency ? 'Agency' : 'Professional' }),
      service.agencyType ? [el('dt', { text: agency ? 'Type' : 'Agency type' }), el('dd', { text: words(service.agencyType) })] : '',
      service.agency ? [el('dt', { text: 'Works for' }), el('dd', { text: service.agency })] : '',
      service.role ? [el('dt', { text: 'Role' }), el('dd', { text: service.role })] : '',
      withheld ? [el('dt', { text: 'Name and role' }), el('dd', {
        text: `not shared with your agency (health detail)${service.agency ? `: ask ${service.agency}` : ''}` })] : ''));
  panel.append(el('h3', { text: 'Involvement with the people shown' }));
  const rows = service.professionals.flatMap((p) => p.people.map((person) => row([
    agency ? `${p.label}${p.role ? `, ${p.role}` : ''}` : null,
    person.label, person.role || (withheldOne(p) ? 'not shared' : ''), period(person.from, person.to),
    person.current ? 'current' : 'ended',
  ].filter((c) => c !== null), [p.key, person.key], onSelect, person.current ? '' : 'historic')));
  panel.append(rows.length === 0
    ? el('p', { class: 'empty', text: agency
      ? 'None of its professionals is linked to the people shown on this date.'
      : 'Not linked to the people shown on this date.' })
    : table([agency ? 'Professional' : null, 'Person', 'Role', 'Period', 'On the as-of day'].filter(Boolean), rows,
      `Involvement of ${service.label} with the people shown`));
  panel.append(el('p', { class: 'meta', text: 'The other tabs still show the person selected before; select a person '
    + 'to see theirs.' }));
}
