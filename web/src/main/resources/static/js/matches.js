// The data steward's work queue (DESIGN §9): match candidates, each as the record and the person it
// might be, side by side field by field with the agreement level and weight, decided SAME or
// DIFFERENT with a note; any of the person's records can be split off. Any agency record can be
// looked up, split off or linked to the person of another record (after a split, or where the engine
// made a new person). An address record can be looked up too, with the other records of its address,
// and split off an address it was wrongly joined to. Stewards see matching fields only. The queue
// publishes its state on document.body.dataset.matches (the number shown), the record shown on
// document.body.dataset.record ("source:localId person-id" or "source:localId address-id", or
// "none"), and a link's check on
// document.body.dataset.linkCheck ("allowed", "warnings", "refused" or "none"). Before a link the
// server's linkCheck says whether it would be made and what to check first: a refused link offers no
// Confirm, and one with warnings (no birthday, or another sex, birthday, name or identifier than
// the person's records) is confirmed only once the steward ticks that they checked them.

import { agencyLabel, agencyTyped, loadAgencies, loadedAgencies } from './agencies.js';
import { graphql } from './api.js';
import {
  ADDRESS_RECORD, DECIDE_MATCH, LINK_CHECK, LINK_RECORD, MATCHES, REOPEN_MATCH, SET_ASIDE_VERSION, SOURCE_RECORD,
  SPLIT_ADDRESS_RECORD,
  SPLIT_RECORD,
} from './queries.js';
import { spokenTimes } from './days.js';
import { byId, clear, el, fullName } from './dom.js';
import { linkedBy, ownId, words } from './words.js';
import { holdFocus, showDialog } from './focus.js';
import { fieldError, fieldOk } from './fields.js';
import { focusLost } from './message.js';
import { seesEverySource } from './state.js';

const FIELDS = [
  ['givenName', 'Given name'], ['familyName', 'Family name'], ['dateOfBirth', 'Date of birth'], ['sex', 'Sex'],
  ['address', 'Address'], ['nhsNumber', 'NHS number'], ['pncId', 'PNC id'], ['upn', 'UPN'],
];

let message = () => {};

/**
 * The server's sentence in a steward's words: the argument it names ("Argument 'personId' names a
 * person ...") is the API's way of saying which box was wrong, not the steward's.
 */
function plain(text) {
  return String(text || '')
    .replace(/^Argument '[^']+' names /, 'Not done: it is ')
    .replace(/^Argument '[^']+' is /, 'Not done: it is ')
    .replace(/^Argument 'decision' /, 'Not done: ')
    // the buttons a steward has, not the API's names (walk 76)
    .replace(/\(SAME\)/g, '(Same person)')
    .replace(/\(DIFFERENT\)/g, '(Different people)')
    .replace(/\(setAsideVersion\)/g, '(Keep as linked)')
    .replace(/decide DIFFERENT/g, 'decide Different people');
}

/**
 * After the card or queue an action came from is drawn again, the keyboard is on nothing: it goes to
 * the message line that says what was done, not to the page's body.
 */
function settleFocus() {
  if (focusLost()) {
    byId('message').focus();
  }
}

/** Says a sentence on the dialog's message line and brings the line into view where it is read. */
function say(text, kind) {
  message(kind === 'error' || kind === 'warning' ? plain(text) : text, kind);
  const line = byId('message');
  if (line && text && typeof line.scrollIntoView === 'function') {
    line.scrollIntoView({ block: 'nearest' });
  }
}

/** A record as a steward reads it: its agency's name and id, and its id there ("School A (school-a) SA-C-0417"). */
function recordName(record) {
  return `${agencyLabel(record.source)} ${record.localId}`;
}

/**
 * The id of the agency typed into an Agency box, or null (said) when the name names several agencies:
 * the steward types the id of the one meant (review 67: the first of them was taken silently).
 */
function agencyOf(typed) {
  const agency = agencyTyped(typed);
  if (agency.several) {
    say(`“${typed}” names ${agency.several.length} agencies: ${agency.several.map((a) => agencyLabel(a.id)).join(', ')}.`
      + ' Type the id (in brackets) of the one you mean.', 'warning');
    return null;
  }
  return agency.id;
}

/** The agencies the Agency boxes offer as they are typed in: each id, with its name. */
function offerAgencies() {
  const list = byId('agency-list');
  if (list.options.length === 0) {
    list.append(...loadedAgencies().map((a) => el('option', { value: a.id, label: a.name || a.id })));
  }
}

function value(record, field) {
  if (field === 'address') {
    // the addresses the record's agency gave it (a person's: those its records give)
    return (record.addresses || []).join('; ');
  }
  if (field === 'familyName' && record.aliases && record.aliases.length > 0) {
    return `${record.familyName || ''} (also ${record.aliases.join(', ')})`;
  }
  if (!record[field] && record.records) {
    // a person's identifier the steward may not read on the person (a PNC id is offender detail) is
    // still a matching field of the person's records, which the steward compares
    return [...new Set(record.records.map((r) => r[field]).filter(Boolean))].join(', ');
  }
  return field === 'sex' ? words(record.sex) : record[field] || '';
}

/**
 * A person's values of a field as the engine weighed them: its own and every one its records give,
 * each once (new-user check 47: "Southford" against the person's "Southfodr" read as exact, because
 * another of the person's records gives "Southford").
 */
function personValues(person, field) {
  const values = [person, ...(person.records || [])]
    .map((r) => value({ ...r, records: null }, field))
    .filter(Boolean);
  return [...new Set(values)].join(' / ');
}

const NOTE_FIRST = 'Write a note saying why first: it is kept in the audit log.';

function noteFor(card) {
  const area = card.querySelector('textarea');
  const note = area.value.trim();
  if (!note) {
    // said beside the note, where the steward is, not on the message line at the dialog's top (walk 56:
    // the message line was scrolled out of sight in a long card; walk 59: said there, with the note the
    // keyboard went to cut by the dialog's edge); the note and its sentence in the middle of the view
    // (and nothing said before stays over the dialog beside it: review 76)
    say('');
    fieldError(area, NOTE_FIRST);
    area.focus({ preventScroll: true });
    area.scrollIntoView({ block: 'center' });
    return null;
  }
  fieldOk(area);
  return note;
}

/**
 * Asks once more, under the buttons of the card, before what cannot simply be undone: says what it
 * does and what undoing it costs; the keyboard goes to the button that does it, Cancel takes it back.
 */
function ask(card, from, text, label, run) {
  card.querySelectorAll('.ask').forEach((old) => old.remove());
  // what an earlier action said (a refusal) is not left over the new question (walk 76)
  say('');
  const box = el('div', { class: 'ask', role: 'group', 'aria-label': 'Are you sure?' },
    el('p', { text }),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'ask-confirm', text: label, onclick: () => {
        // while it is done the keyboard waits on the message line, in view at the dialog's top, which says
        // what is being done (walk 74: it fell to the page's body; walk 75: on the card's heading, out of
        // view), and the card takes no input until it is done
        box.remove();
        const done = run();
        // (unless it went back to the card: a note still to write)
        if (!card.contains(document.activeElement)) {
          byId('message').focus({ preventScroll: true });
          card.inert = true;
          Promise.resolve(done).finally(() => {
            card.inert = false;
          });
        }
      } }),
      el('button', { type: 'button', class: 'ask-cancel secondary', text: 'Cancel', onclick: () => {
        box.remove();
        from.focus();
      } })));
  // Escape takes the question back, as Cancel does (walk 72: nothing but the mouse did)
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      box.remove();
      from.focus();
    }
  });
  from.closest('.buttons, li').after(box);
  box.querySelector('button.ask-confirm').focus();
}

/**
 * A candidate of a record its agency changed after it was linked (review 91: a corrected record stayed
 * joined with the evidence of its old fields): the person is the record's own.
 */
function changedSinceLinked(candidate) {
  // reopened after a split, the record is on a person of its own: then it is an ordinary question
  return candidate.reason === 'CHANGED_SINCE_LINKED' && Boolean(candidate.record.person)
    && candidate.record.person.id === candidate.person.id;
}

/**
 * Why a candidate waits, in words: its explanation, but for a changed record's question reopened after
 * its split (walk 74: it still said the record stays with the person, which it no longer does).
 */
function whyItWaits(candidate, changed, only) {
  if (only) {
    // the person's only record: no split to offer (review 101: the explanation still offered one)
    return (candidate.explanation || '').replace(/,? Different people splits it off into a person of its own([,.])/,
      (match, end) => end);
  }
  if (candidate.reason !== 'CHANGED_SINCE_LINKED' || changed) {
    return candidate.explanation;
  }
  return `A steward split this record off ${fullName(candidate.person)} (${candidate.person.id}) when its agency `
    + 'changed it, then reopened that decision: it is a person of its own until you decide. Same person joins it '
    + 'back, with everything that came through it; Different people keeps it apart.';
}

function askDecision(card, candidate, decision, button) {
  if (!noteFor(card)) {
    return;
  }
  const record = recordName(candidate.record);
  const person = `${fullName(candidate.person)} (${candidate.person.id})`;
  if (changedSinceLinked(candidate)) {
    const version = candidate.version || {};
    if (decision === 'SAME') {
      // what the person takes (walk 76: the question did not say)
      const changes = (candidate.changes || []).length === 0 ? ''
        : `, taking what ${agencyLabel(candidate.record.source)} changed (${candidate.changes.join('; ')})`;
      // and whether it records the person dead (review 101: a keep did so unsaid; the date is case data)
      const death = version.givesDateOfDeath
        ? ` The new version also gives a date of death: ${fullName(candidate.person)} is recorded as having died.`
        : version.withdrawsDateOfDeath
          ? ` The new version no longer gives the date of death the record gave: it is taken away from `
            + `${fullName(candidate.person)} unless another record gives one.`
          : '';
      ask(card, button, `Keep ${record} with ${person}${changes}? It stays linked, with the evidence above, and `
        + `leaves the queue.${death}`, 'Keep it', () => decide(card, candidate, decision));
    } else if (decision === 'SET_ASIDE') {
      // review 98: a version giving another person's number, of a person's only record, could be neither
      // kept nor split off, and waited for ever
      ask(card, button, `Keep ${record} with ${person} as it was linked, and set aside what `
        + `${agencyLabel(candidate.record.source)} changed? The person goes on showing the record as linked, and `
        + `nothing of the new version is applied (nor ${version.givesDateOfDeath
          ? 'the date of death it gives' : 'a date of death or case number sent with it'}). The same version `
        + 'sent again is not asked about again (look the record up to reopen this decision).', 'Set it aside', () => decide(card, candidate, decision));
    } else {
      // split off, the record takes the version, a date of death it gives included (the date is case data)
      const death = version.givesDateOfDeath
        ? ' The new version also gives a date of death: the person split off is recorded as having died.' : '';
      ask(card, button, `Split ${record} off ${person}? It becomes a person of its own, as ${agencyLabel(
        candidate.record.source)} now sends it, with everything that came through it, and is never linked to `
        + `${candidate.person.id} again unless a steward reopens this decision.${death}`,
      'Split it off', () => decide(card, candidate, decision));
    }
    return;
  }
  if (decision === 'SAME') {
    const own = candidate.record.person ? candidate.record.person.id : 'of the record';
    // walk 71: the record's person may hold other records, which come too (and a split of this record
    // leaves them on the person it joins): said before, not found afterwards
    const others = otherRecords(candidate.record);
    const along = others.length === 0 ? ''
      : ` Its other record${others.length === 1 ? '' : 's'} (${others.map(recordName).join('; ')}) `
        + `${others.length === 1 ? 'comes' : 'come'} too, and splitting this record off later would not take `
        + `${others.length === 1 ? 'it' : 'them'} back.`;
    const competing = (candidate.competing || []).length === 0 ? ''
      : ` Its other candidates (${candidate.competing.map(competitor).join('; ')}) close.`;
    ask(card, button, `Join ${record} to ${person}? Its person ${own} is merged into `
      + `${candidate.person.id} with everything that came through it.${along}${competing} Undoing it needs a split, `
      + `after which the record is kept apart from ${candidate.person.id} for good.`, 'Join them',
    () => decide(card, candidate, decision));
  } else {
    ask(card, button, `Keep ${record} apart from ${person}? It is never linked to that person again, whatever is `
      + 'imported, unless a steward reopens this decision (look the record up: its card lists its decisions).',
    'Keep apart', () => decide(card, candidate, decision));
  }
}

async function decide(card, candidate, decision) {
  const note = noteFor(card);
  if (!note) {
    return;
  }
  const changed = changedSinceLinked(candidate);
  if (decision === 'SET_ASIDE') {
    say('Setting the version aside…', 'info');
  } else {
    say(decision === 'SAME' ? (changed ? 'Keeping…' : 'Joining…') : (changed ? 'Splitting…' : 'Keeping apart…'), 'info');
  }
  try {
    const decided = decision === 'SET_ASIDE'
      ? (await graphql(SET_ASIDE_VERSION, { candidateId: candidate.id, note })).setAsideVersion
      : (await graphql(DECIDE_MATCH, { candidateId: candidate.id, decision, note })).decideMatch;
    const record = recordName(candidate.record);
    if (decided.status === 'SET_ASIDE') {
      say(`Set aside: ${record} stays with ${fullName(candidate.person)} as it was linked.`, 'success');
    } else if (changed) {
      say(decided.status === 'SAME'
        ? `Kept: ${record} stays with ${fullName(candidate.person)}.`
        : `Split off: ${record} is now a person of its own (${decided.record.person.id}), kept apart from `
          + `${fullName(candidate.person)}.`, 'success');
    } else {
      say(decided.status === 'SAME'
        ? `Joined: ${record} is now part of ${fullName(candidate.person)}.`
        : `Kept apart: ${record} will not be linked to ${fullName(candidate.person)}.`,
      'success');
    }
    goOnAt(await loadMatches({ keepPlace: card }));
  } catch (e) {
    if (/a candidate already decided|another steward decided, or an import changed/.test(e.message)) {
      // walk 75: decided or closed meanwhile (its agency sent the record again, or another steward decided
      // it): the card was stale, and stayed (review 99: only these refusals, not a DIFFERENT that stands)
      say('Not done: this question was decided or closed meanwhile (its agency sent the record again, or '
        + 'another steward decided it). The queue is shown as it is now.', 'warning');
      goOnAt(await loadMatches({ keepPlace: card }));
      return;
    }
    say(e.message, 'error');
  }
}

/**
 * After an action, the keyboard goes on at the card that now stands where the steward was (review 92:
 * the message line took the focus and scrolled the queue back to its top); the message line is a
 * polite live region, so what was done is still read out. Without such a card, to the message line.
 */
function goOnAt(next) {
  if (!next) {
    settleFocus();
    return;
  }
  headingOf(next).focus({ preventScroll: true });
  next.scrollIntoView({ block: 'start' });
  // the message line saying what was done stays at the dialog's top (walk 74: it was scrolled out of
  // view); the card goes on under it, not behind it
  const line = byId('message');
  const box = next.closest('.work');
  if (line && !line.hidden && box && box.contains(line)) {
    const covered = line.getBoundingClientRect().bottom - next.getBoundingClientRect().top;
    if (covered > 0) {
      box.scrollTop -= covered + 8;
    }
  }
  document.body.dataset.matchesAt = next.dataset.candidate;
}

/** A card's heading, made focusable, for the keyboard to go on at the card. */
function headingOf(card) {
  const heading = card.querySelector('h3');
  heading.setAttribute('tabindex', '-1');
  return heading;
}

/** The records of a candidate's record's own person other than the record itself. */
function otherRecords(record) {
  const own = record.person && record.person.records ? record.person.records : [];
  return own.filter((r) => r.source !== record.source || r.localId !== record.localId);
}

function askSplit(card, record, person, button) {
  if (!noteFor(card)) {
    return;
  }
  ask(card, button, `Split ${recordName(record)} off ${fullName(person)} (${person.id})? It becomes a `
    + `person of its own with what came through it, and is never linked to ${person.id} again.`,
  'Split off for good', () => split(card, record));
}

async function split(card, record) {
  const note = noteFor(card);
  if (!note) {
    return;
  }
  say(`Splitting ${recordName(record)} off…`, 'info');
  try {
    const result = await graphql(SPLIT_RECORD, { source: record.source, localId: record.localId, note });
    say(`Split: ${recordName(record)} is now person ${result.splitRecord.person.id}. `
      + 'It is shown here: link it to the person it belongs to, if you know who.', 'success');
    await showRecord(record.source, record.localId);
    goOnAt(await loadMatches({ keepPlace: card }));
  } catch (e) {
    say(e.message, 'error');
  }
}

/**
 * The names of the records shown that could be read as others on screen (a Cyrillic "а" in "Hale",
 * SourceRecord.nameWarnings), said above the comparison: two names that look alike and did not agree
 * exactly are explained, and the steward knows to check them with the agency.
 */
function nameWarnings(records) {
  const seen = new Set();
  const lines = records.filter((r) => !seen.has(`${r.source}:${r.localId}`) && seen.add(`${r.source}:${r.localId}`))
    .flatMap((r) => (r.nameWarnings || []).map((w) => `${recordName(r)}, ${w}`));
  return lines.length === 0 ? [] : [el('div', { class: 'names-warning', role: 'note' },
    el('p', { text: 'Check these names with the agency that sent them: they could be read as other names.' }),
    el('ul', {}, lines.map((line) => el('li', { text: line }))))];
}

function recordsList(card, person) {
  return el('ul', { class: 'records' }, person.records.map((r) => el('li', {},
    `${recordName(r)}: ${fullName(r)}${r.dateOfBirth ? `, born ${r.dateOfBirth}` : ''} `
      + `(${linkedBy(r)}) `,
    ownId(r) || person.records.length === 1 ? null
      : el('button', { type: 'button', class: 'split', 'data-record': `${r.source}:${r.localId}`,
        text: 'Split off', onclick: (event) => askSplit(card, r, person, event.currentTarget) }))));
}

async function link(card, record) {
  const source = card.querySelector('input.link-source').value.trim();
  const localId = card.querySelector('input.link-local-id').value.trim();
  if (!source || !localId) {
    say('Give the agency and the record id of a record of the person this record belongs to.', 'warning');
    card.querySelector(source ? 'input.link-local-id' : 'input.link-source').focus();
    return;
  }
  const old = card.querySelector('.link-preview');
  if (old) {
    old.remove();
  }
  document.body.dataset.linkCheck = 'none';
  say('Checking the link…', 'info');
  try {
    await loadAgencies();
    const agency = agencyOf(source);
    if (!agency) {
      return;
    }
    const other = await findAnyCase(agency, localId);
    if (!other || !other.person) {
      say(`No record ${agencyLabel(agency)} ${localId}: check the agency and the id of the other record.`, 'warning');
      return;
    }
    const check = (await graphql(LINK_CHECK,
      { source: record.source, localId: record.localId, personId: other.person.id })).linkCheck;
    say('', 'info');
    preview(card, record, other.person, check);
  } catch (e) {
    say(e.message, 'error');
  }
}

/**
 * Shows who the record would join, side by side with it, with the server's check: a refused link says
 * why and offers no Confirm; warnings to check must be ticked as checked
 * before Confirm links. The note is read when Confirm is pressed.
 */
function preview(card, record, person, check) {
  const own = record.person.id;
  const rows = person.records.map((r) => el('li', {
    text: `${recordName(r)}: ${fullName(r)}${r.dateOfBirth ? `, born ${r.dateOfBirth}` : ''}`
      + `${r.sex ? `, ${words(r.sex)}` : ''}${r.nhsNumber ? `, NHS ${r.nhsNumber}` : ''}` }));
  const intro = el('p', { text: `Link ${recordName(record)} (${fullName(record)}`
    + `${record.dateOfBirth ? `, born ${record.dateOfBirth}` : ''}${record.sex ? `, ${words(record.sex)}` : ''}) `
    + `to ${fullName(person)} (${person.id}), whose records are:` });
  const cancel = el('button', { type: 'button', class: 'link-cancel secondary', text: check.allowed ? 'Cancel' : 'Close',
    onclick: () => {
      box.remove();
      document.body.dataset.linkCheck = 'none';
      card.querySelector('button.link').focus();
    } });
  let box;
  if (!check.allowed) {
    box = el('div', { class: 'link-preview refused', role: 'group', 'aria-label': 'This link cannot be made' },
      intro, el('ul', { class: 'records' }, rows),
      el('p', { class: 'refusal', role: 'alert', text: plain(check.refusal) }),
      el('div', { class: 'buttons' }, cancel));
    card.append(box);
    document.body.dataset.linkCheck = 'refused';
    cancel.focus();
    return;
  }
  const tickId = `${card.querySelector('textarea').id}-checked`;
  // not disabled, which would take it out of the keyboard's way unheard: it says what is missing
  const confirm = el('button', { type: 'button', class: 'link-confirm', text: `Confirm: link to ${fullName(person)}`,
    'aria-disabled': check.warnings.length > 0 ? 'true' : null,
    onclick: () => {
      const ticked = box.querySelector('input.link-checked');
      if (ticked && !ticked.checked) {
        say('Tick that you checked the warnings with the agencies before you confirm.', 'warning');
        ticked.focus();
        // the message line is at the top; the box to tick is where the keyboard is (walk 50: it was off
        // screen once the message had been brought into view)
        ticked.scrollIntoView({ block: 'center' });
        return;
      }
      confirmLink(card, record, person, check.warnings);
    } });
  const tick = check.warnings.length === 0 ? null : el('p', { class: 'tick' },
    el('input', { type: 'checkbox', id: tickId, class: 'link-checked',
      onchange: (event) => confirm.setAttribute('aria-disabled', event.target.checked ? 'false' : 'true') }),
    el('label', { for: tickId, text: ' I checked these with the agencies: it is the same person all the same.' }));
  box = el('div', { class: 'link-preview', role: 'group', 'aria-label': 'Check before you link' },
    intro, el('ul', { class: 'records' }, rows),
    check.warnings.length === 0 ? null : el('div', { class: 'warnings', role: 'alert' },
      el('p', { text: 'Check these first:' }),
      el('ul', {}, check.warnings.map((w) => el('li', { text: w })))),
    el('p', { class: 'why', text: (check.merges
      ? `This is the only record of person ${own}: that person is merged into ${person.id}, with `
        + 'every relationship, marker and event.'
      : `What came through this record moves from ${own} to ${person.id}; ${own} keeps the other records, `
        + `and the record is never linked to ${own} again.`)
      + ` A wrong link can be split off again, but the record is then kept apart from ${person.id} for good.` }),
    tick,
    el('div', { class: 'buttons' }, confirm, cancel));
  card.append(box);
  document.body.dataset.linkCheck = check.warnings.length > 0 ? 'warnings' : 'allowed';
  (tick ? tick.querySelector('input') : confirm).focus();
}

async function confirmLink(card, record, person, acceptWarnings) {
  const note = noteFor(card);
  if (!note) {
    return;
  }
  say(`Linking ${recordName(record)}…`, 'info');
  try {
    const result = await graphql(LINK_RECORD,
      { source: record.source, localId: record.localId, personId: person.id, note, acceptWarnings });
    const linked = result.linkRecord.person;
    say(`Linked: ${recordName(record)} is now part of ${fullName(linked)} (${linked.id}).`, 'success');
    await showRecord(record.source, record.localId);
    goOnAt(await loadMatches({ keepPlace: card }));
  } catch (e) {
    say(e.message, 'error');
  }
}

function recordCard(record) {
  const person = record.person;
  const title = `${recordName(record)}: ${fullName(record)}`;
  const card = el('article', { class: 'match record', 'data-record': `${record.source}:${record.localId}`,
    'aria-label': title });
  const noteId = `note-record-${record.source}-${record.localId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const sourceId = `${noteId}-source`;
  const localIdId = `${noteId}-local-id`;
  card.append(
    el('h3', { text: title }),
    el('p', { class: 'meta', text: (person.records.length === 1
      ? `A person of its own (${person.id}), `
      : `Part of ${fullName(person)} (${person.id}), `)
      + linkedBy(record)
      + `${record.score === null || record.score === undefined ? '' : `, score ${record.score.toFixed(2)}`}.` }),
    ...nameWarnings([record, ...person.records]),
    ...parentOf(record),
    // a change of its agency's waiting in the queue, a reopened one too (walk 76: after a reopen the card
    // said nothing of it); the table below is the record as it was linked
    ...((record.waitingChanges || []).length === 0 ? [] : [el('p', { class: 'waiting-changes', text: 'A newer version '
      + `its agency sent waits in the queue (${record.waitingChanges.join('; ')}): decide it on its card in the `
      + 'queue. Below is the record as it was linked.' })]),
    el('table', { class: 'match-table' },
      el('caption', { class: 'visually-hidden', text: `Matching fields: ${title}` }),
      el('tbody', {}, FIELDS.map(([field, label]) =>
        el('tr', {}, el('th', { scope: 'row', text: label }), el('td', { text: value(record, field) }))))),
    // the note before the buttons it is for (walk 74: Split off and Reopen came before it in the tab order)
    el('label', { for: noteId, text: 'Note, for a split, a link or a reopening (why; kept in the audit log)' }),
    el('textarea', { id: noteId, rows: 2, maxlength: 2000 }),
    el('h4', { text: `Records of ${fullName(person)}` }),
    recordsList(card, person),
    ...decisions(card, record, false),
    ...decisions(card, record, true),
    el('h4', { text: 'Link it to the person it belongs to' }),
    el('p', { class: 'meta', text: 'Name another record of that person: its relationships, markers and events '
      + 'move with this record.' }),
    el('div', { class: 'link-to' },
      el('label', { for: sourceId, text: 'Agency' }),
      el('input', { id: sourceId, class: 'link-source', maxlength: 200, autocomplete: 'off', spellcheck: 'false',
        list: 'agency-list' }),
      el('label', { for: localIdId, text: 'Record id' }),
      el('input', { id: localIdId, class: 'link-local-id', maxlength: 200, autocomplete: 'off', spellcheck: 'false' })),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'link', text: 'Check the link', onclick: () => link(card, record) })));
  // Enter in the agency or record id box checks the link, as a form would
  card.querySelectorAll('.link-to input').forEach((input) => input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      link(card, record);
    }
  }));
  return card;
}

/**
 * The record's standing decisions, each with *Reopen*: its DIFFERENT decisions (walk 71: a DIFFERENT
 * decided by mistake could never be undone), and the versions a steward set aside (set aside, the same
 * version sent again is never asked about). Reopened, the question goes back to the queue, pending.
 */
function decisions(card, record, setAside) {
  const decided = (setAside ? record.setAsideVersions : record.decidedDifferent) || [];
  if (decided.length === 0) {
    return [];
  }
  return [
    el('h4', { text: setAside ? 'Changes set aside (kept as linked)' : 'Decided different people' }),
    el('ul', { class: `records ${setAside ? 'set-aside' : 'decided-different'}` }, decided.map((c) => el('li', {},
      (setAside ? `${(c.changes || []).join('; ') || 'A version'}`
        + `${c.version && c.version.givesDateOfDeath ? ' (it also gives a date of death)' : ''}: set aside by `
        : `Not ${fullName(c.person)} (${c.person.id}): decided by `)
        + `${c.decidedBy || 'a steward'}${c.decidedAt ? ` on ${c.decidedAt.slice(0, 10)}` : ''}`
        + `${c.note ? `, “${c.note}”` : ''} `,
      el('button', { type: 'button', class: 'reopen', 'data-candidate': c.id, text: 'Reopen',
        onclick: (event) => askReopen(card, record, c, event.currentTarget, setAside) })))),
  ];
}

function askReopen(card, record, candidate, button, setAside = false) {
  if (!noteFor(card)) {
    return;
  }
  ask(card, button, setAside
    ? `Reopen the decision to keep ${recordName(record)} as it was linked? The change its agency sent goes back to `
      + 'the queue to be decided again; the decision is kept as its history.'
    : `Reopen the decision that ${recordName(record)} is not ${fullName(candidate.person)} `
      + `(${candidate.person.id})? The candidate goes back to the queue to be decided again; the decision is kept `
      + 'as its history.', 'Reopen it', () => reopen(card, record, candidate, setAside));
}

async function reopen(card, record, candidate, setAside = false) {
  const note = noteFor(card);
  if (!note) {
    return;
  }
  say('Reopening…', 'info');
  try {
    await graphql(REOPEN_MATCH, { candidateId: candidate.id, note });
    say(setAside
      ? `Reopened: the change to ${recordName(record)} is back in the queue, to be decided again.`
      : `Reopened: whether ${recordName(record)} is ${fullName(candidate.person)} (${candidate.person.id}) `
        + 'is back in the queue, to be decided again.', 'success');
    await showRecord(record.source, record.localId);
    goOnAt(await loadMatches({ keepPlace: card }));
  } catch (e) {
    say(e.message, 'error');
  }
}

/**
 * One agency record: a person record with its person and the person's records, else an address
 * record with its address's other records (marked {address: true}), or null when there is neither.
 */
async function findRecord(source, localId) {
  const person = await orNull(async () => (await graphql(SOURCE_RECORD, { source, localId })).sourceRecord);
  if (person) {
    return person;
  }
  const address = await orNull(async () => (await graphql(ADDRESS_RECORD, { source, localId })).addressRecord);
  return address ? { ...address, address: true } : null;
}

/** What {@code read} answers, or null where the server says there is no such thing. */
async function orNull(read) {
  try {
    return await read();
  } catch (e) {
    if (e.classification === 'NOT_FOUND') {
      return null;
    }
    throw e;
  }
}

/**
 * The record as typed, or else with the agency in lower case: agencies send their extracts under
 * lower-case names ("police"), which a steward may well type as "Police".
 */
async function findAnyCase(source, localId) {
  const found = await findRecord(source, localId);
  if (found || source === source.toLowerCase()) {
    return found;
  }
  return findRecord(source.toLowerCase(), localId);
}

/** Shows one agency record (or says it is unknown) above the queue. */
async function showRecord(source, localId) {
  const found = byId('record-found');
  let record;
  try {
    record = await findAnyCase(source, localId);
  } catch (e) {
    clear(found);
    document.body.dataset.record = 'none';
    say(e.message, 'error');
    return;
  }
  clear(found);
  if (!record) {
    document.body.dataset.record = 'none';
    say(unknownAgency(source) || `No record ${agencyLabel(source)} ${localId}: check the agency and the id.`,
      'warning');
    return;
  }
  found.append(record.address ? addressCard(record) : recordCard(record));
  document.body.dataset.record = `${record.source}:${record.localId} ${record.address ? record.addressId : record.person.id}`;
}

const WITHHELD = 'first line, postcode and UPRN withheld: a placement or an offender’s address is case data';

/**
 * What to say when the agency typed is none of the partnership's (walk 72: "Riverside" read as "No record
 * Riverside SA-2291", though the record was there under Riverside Primary School): the agencies whose
 * name or id holds what was typed, or null when the agency is known.
 */
function unknownAgency(typed) {
  const agencies = loadedAgencies();
  const lower = typed.toLowerCase();
  if (agencies.length === 0 || agencies.some((a) => a.id.toLowerCase() === lower)) {
    return null;
  }
  const near = agencies.filter((a) => a.id.toLowerCase().includes(lower) || (a.name || '').toLowerCase().includes(lower));
  return `No agency “${typed}”: ${near.length === 0 ? 'type its id or its full name (the box offers them as you type)'
    : `did you mean ${near.map((a) => agencyLabel(a.id)).join(' or ')}?`}`;
}

/** An address record as a steward reads it: first line, postcode and UPRN as its agency sent them. */
function addressText(record) {
  if (record.withheld) {
    return WITHHELD;
  }
  return [record.line1, record.postcode, record.uprn ? `UPRN ${record.uprn}` : null].filter(Boolean).join(', ')
    || 'no first line, postcode or UPRN';
}

/**
 * An address record with the other records of its address (review 91: a record giving a family's
 * first line and postcode by mistake made the man it came with the children's co-resident, and a
 * steward could neither see nor undo it): split off, it becomes an address of its own, with the
 * people living there through it.
 */
function addressCard(record) {
  const title = `${recordName(record)}: address record`;
  const card = el('article', { class: 'match record address-record', 'data-record': `${record.source}:${record.localId}`,
    'aria-label': title });
  const noteId = `note-address-${record.source}-${record.localId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const others = record.others || [];
  const joined = others.length === 0
    ? `An address of its own (${record.addressId}): no other agency's record is joined to it.`
    : `Joined to address ${record.addressId} with ${others.length === 1 ? 'one other record' : `${others.length} other records`}`
      + ' (below): the people each record gives live there for every agency.';
  card.append(
    el('h3', { text: title }),
    el('p', { class: 'meta', text: joined
      + (record.splitFrom ? ` Split off ${record.splitFrom} by a steward.` : '') }),
    // who the join puts there, so that the steward judges it by them (walk 72: the card named nobody)
    el('p', { class: 'people', text: (record.people || []).length === 0
      ? 'Nobody lives there through this record.'
      : `Living there through this record: ${record.people.join('; ')}.` }),
    el('table', { class: 'match-table' },
      el('caption', { class: 'visually-hidden', text: `Matching fields: ${title}` }),
      el('tbody', {}, [['line1', 'First line'], ['postcode', 'Postcode'], ['uprn', 'UPRN']].map(([field, label]) =>
        el('tr', {}, el('th', { scope: 'row', text: label }),
          el('td', { text: record.withheld ? 'withheld' : record[field] || '' }))))),
    ...(record.withheld ? [el('p', { class: 'meta', text: `This record’s ${WITHHELD}. It can still be split off `
      + 'an address it does not belong to.' })] : []));
  if (others.length === 0) {
    return card;
  }
  card.append(
    el('h4', { text: `Other records of address ${record.addressId}` }),
    el('ul', { class: 'records' }, others.map((o) => el('li', {},
      `${recordName(o)}: ${addressText(o)}${o.anchored ? ' (gave the address its id)' : ''}`))));
  if (record.anchored) {
    card.append(el('p', { class: 'meta', text: 'This record gave the address its id (a bundle sent without '
      + 'resolving): look up the record that does not belong here and split that one off.' }));
    return card;
  }
  card.append(
    el('label', { for: noteId, text: 'Note, for a split (why; kept in the audit log)' }),
    el('textarea', { id: noteId, rows: 2, maxlength: 2000 }),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'split-address', text: 'Split this record off the address',
        onclick: (event) => askSplitAddress(card, record, event.currentTarget) })));
  return card;
}

function askSplitAddress(card, record, button) {
  if (!noteFor(card)) {
    return;
  }
  const people = (record.people || []).length === 0 ? 'the people living there through it'
    : `${record.people.join('; ')}, living there through it,`;
  ask(card, button, `Split ${recordName(record)} off address ${record.addressId}? It becomes an address of its `
    + `own, made from what this record gives; ${people} and markers it carried move `
    + `with it, and it is never joined to ${record.addressId} again. The address keeps its other records' fields.`,
  'Split off for good', () => splitAddress(card, record));
}

async function splitAddress(card, record) {
  const note = noteFor(card);
  if (!note) {
    return;
  }
  say(`Splitting ${recordName(record)} off…`, 'info');
  try {
    const result = await graphql(SPLIT_ADDRESS_RECORD, { source: record.source, localId: record.localId, note });
    const moved = (record.people || []).length === 0 ? 'the people living there through it'
      : record.people.join('; ');
    say(`Split: ${recordName(record)} is now address ${result.splitAddressRecord.addressId}, with ${moved}; `
      + `address ${record.addressId} keeps its other records.`, 'success');
    await showRecord(record.source, record.localId);
    // the card it was asked from is drawn again: the keyboard goes to what was said (walk 72)
    settleFocus();
  } catch (e) {
    say(e.message, 'error');
  }
}

/** Which side lacks a field that was not weighed (walk 48: "missing" read the same for both). */
function missing(ours, theirs) {
  if (ours && theirs) {
    return 'not weighed';
  }
  if (!ours && !theirs) {
    return 'given by neither';
  }
  return ours ? 'not on the person' : 'not on this record';
}

function candidateCard(candidate) {
  const record = candidate.record;
  const changed = changedSinceLinked(candidate);
  // a changed record is weighed against what its person holds without it
  const person = changed ? { ...candidate.person, records: otherRecords({ ...record, person: candidate.person }) }
    : candidate.person;
  // the person's only record: nothing to weigh it against, nor to split it off from (walk 76: "Score 0.00",
  // every field "not weighed", and a split the server refuses)
  const only = changed && person.records.length === 0;
  const levels = new Map(candidate.evidence.map((e) => [e.field, e]));
  const title = changed
    ? `${recordName(record)}: ${fullName(record)} — changed since it was linked to ${fullName(person)} (${person.id})`
    : `${recordName(record)}: ${fullName(record)} — possibly ${fullName(person)} (${person.id})`;
  const rows = FIELDS.map(([field, label]) => {
    const e = levels.get(field) || { level: 'MISSING', weight: 0 };
    const agree = e.weight > 0 ? 'agree' : e.weight < 0 ? 'disagree' : 'neutral';
    // a changed record's column is the version its agency sent, which the evidence weighs (walk 75: it
    // showed the fields the record was linked on, two equal dates marked different)
    const ours = value(changed && candidate.version ? { ...record, ...candidate.version } : record, field);
    const theirs = personValues(person, field);
    return el('tr', { class: agree },
      el('th', { scope: 'row', text: label }),
      el('td', { text: ours }),
      el('td', { text: theirs }),
      el('td', { text: e.level === 'MISSING' ? missing(ours, theirs) : words(e.level) }),
      el('td', { class: 'number', text: e.weight.toFixed(2) }));
  });
  const card = el('article', { class: 'match', 'data-candidate': candidate.id, 'aria-label': title });
  const noteId = `note-${candidate.id}`;
  card.append(
    el('h3', { text: title }),
    el('p', { class: 'meta', text: only
      ? `It is ${fullName(person)}'s only record: there is no other record to weigh the new version against, nor `
        + `to split it off from. Until you decide, it stays with person ${person.id} as it was linked.`
      : changed
      ? `Score ${candidate.score.toFixed(2)} as the record is now. Until you decide, it stays with person ${person.id}.`
      : `Score ${candidate.score.toFixed(2)}. ${untilDecided(record)}` }),
    ...(candidate.explanation ? [el('p', { class: 'why', text: `Why it waits for you: ${whyItWaits(candidate, changed, only)}` })]
      : []),
    // walk 73: the card did not say what the agency changed
    ...(changed && (candidate.changes || []).length > 0 ? [el('p', { class: 'changes',
      text: `What ${agencyLabel(record.source)} changed: ${candidate.changes.join('; ')}.` })] : []),
    ...parentOf(record),
    ...competingWith(candidate),
    ...(candidate.history || []).map((h) => el('p', { class: 'history',
      text: `Decided before, then reopened: ${spokenTimes(h).replace(/^DIFFERENT by /, 'different people, decided by ')
        .replace(/^SET_ASIDE by /, 'the change set aside by ')}` })),
    ...nameWarnings([record, ...person.records]),
    el('table', { class: 'match-table' },
      el('caption', { class: 'visually-hidden', text: `Field by field: ${title}` }),
      el('thead', {}, el('tr', {}, ['Field', `This record (${agencyLabel(record.source)})`,
        only ? `Person ${person.id} (as linked)` : changed ? `Person ${person.id} (its other records)`
          : `Person ${person.id} (all its records)`, 'Agreement',
        'Weight'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows),
      // the weights add up to the score the thresholds are set against (walk 56: no total to check it by);
      // none for a person's only record, weighed against nothing
      ...(only ? [] : [el('tfoot', {}, el('tr', { class: 'total' },
        el('th', { scope: 'row', colspan: 4, text: 'Score: the sum of the weights' }),
        el('td', { class: 'number', text: candidate.score.toFixed(2) })))])),
    el('h4', { text: `Records of ${fullName(person)}` }),
    recordsList(card, person),
    // a changed record's own person is the one compared: nothing comes along
    ...(changed ? [] : alsoWithTheRecord(record)),
    el('label', { for: noteId, text: 'Note (why; kept in the audit log)' }),
    el('textarea', { id: noteId, rows: 2, maxlength: 2000 }),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'same', text: changed ? 'Same person: keep it' : 'Same person',
        onclick: (event) => askDecision(card, candidate, 'SAME', event.currentTarget) }),
      ...(only ? [] : [el('button', { type: 'button', class: 'different',
        text: changed ? 'Different people: split it off' : 'Different people',
        onclick: (event) => askDecision(card, candidate, 'DIFFERENT', event.currentTarget) })]),
      ...(changed ? [el('button', { type: 'button', class: 'set-aside', text: 'Keep as linked: set the change aside',
        onclick: (event) => askDecision(card, candidate, 'SET_ASIDE', event.currentTarget) })] : [])));
  return card;
}

/**
 * The children the record's agency makes it the parent of, by their birth dates (walk 71: a school's
 * parent contact without a date of birth did not say whose parent it is, and a father and the son named
 * after him are told apart by it).
 */
function parentOf(record) {
  const born = record.parentOfChildrenBorn || [];
  return born.length === 0 ? [] : [el('p', { class: 'parent-of', text: `${agencyLabel(record.source)} records it as `
    + `the parent of ${born.length === 1 ? 'a child' : `${born.length} children`} born ${born.join(', ')}: `
    + 'without a date of birth, it is linked by score only to someone at least 17 years older than the eldest.' })];
}

/** A person of another candidate as a steward reads them: "Leon Hale (p-leon), score 9.10". */
function competitor(c) {
  return `${fullName(c.person)} (${c.person.id}), score ${c.score.toFixed(2)}`;
}

/**
 * The other people the record might be (walk 71: the cards of twins competing for one record did not
 * name each other, and a Same person on one closed the other unseen).
 */
function competingWith(candidate) {
  const others = candidate.competing || [];
  return others.length === 0 ? [] : [el('p', { class: 'competing', role: 'note',
    text: `This record might also be ${others.map(competitor).join('; or ')}: each is a card of its own. `
      + 'Compare them before you decide: a Same person here closes the others.' })];
}

/** Until a steward decides, where the record stands, in words (walk 71: "stays with person police:P1254"). */
function untilDecided(record) {
  if (!record.person) {
    return '';
  }
  const others = otherRecords(record).length;
  return others === 0
    ? `Until you decide, this record is a person of its own (${record.person.id}).`
    : `Until you decide, this record stays with person ${record.person.id}, with ${others} other record`
      + `${others === 1 ? '' : 's'} (below).`;
}

/** The other records the record's person holds, which a SAME brings along (walk 71). */
function alsoWithTheRecord(record) {
  const others = otherRecords(record);
  if (others.length === 0) {
    return [];
  }
  return [
    el('h4', { text: `Also joined with this record now (${record.person.id}): they come too` }),
    el('ul', { class: 'records also' }, others.map((r) => el('li', {},
      `${recordName(r)}: ${fullName(r)}${r.dateOfBirth ? `, born ${r.dateOfBirth}` : ''}`
        + `${r.pncId ? `, PNC id ${r.pncId}` : ''}${r.nhsNumber ? `, NHS number ${r.nhsNumber}` : ''} `
        + `(${linkedBy(r)})`))),
  ];
}

/** Candidates per page of the queue. */
const PAGE = 50;
/** How many candidates the queue shows now: a reload after a decision shows as many again. */
let shown = PAGE;

/**
 * Loads and shows the queue: the strongest {@link PAGE} first, and "Show more" for the next page
 * while more wait (walk 71: it showed 50 and said "50 to review" when 63 waited). With {@code keepPlace}
 * (the card an action came from), as many as were shown are loaded again, and the card that now
 * stands where that one stood is returned, for the page to go on there (walk 71: each decision went
 * back to the top); null otherwise.
 */
export async function loadMatches({ keepPlace = null } = {}) {
  const panel = byId('panel-matches');
  if (!panel.firstChild) {
    panel.append(el('p', { class: 'meta', text: 'Loading the queue…' }));
  }
  const cards = [...panel.querySelectorAll('article.match')];
  const place = keepPlace ? cards.indexOf(keepPlace) : -1;
  const want = keepPlace ? Math.max(shown, PAGE) : PAGE;
  let candidates = [];
  let total = 0;
  let more = null;
  try {
    // the agencies' names, for the records' agencies (an extract names its agency by id); without them, ids
    await loadAgencies().then(offerAgencies);
    let after = null;
    do {
      const page = (await graphql(MATCHES, { first: Math.min(100, want - candidates.length), after }))
        .matchCandidatesConnection;
      candidates = candidates.concat(page.edges.map((e) => e.node));
      total = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && candidates.length < want);
    more = after;
  } catch (e) {
    say(e.message, 'error');
    return;
  }
  clear(panel);
  shown = candidates.length;
  const count = el('p', { class: 'meta queue-count' });
  panel.append(count);
  candidates.forEach((c) => panel.append(candidateCard(c)));
  if (more) {
    panel.append(moreButton(panel, count, more, total));
  }
  sayCount(count, total);
  if (place >= 0) {
    const now = panel.querySelectorAll('article.match');
    return now.length === 0 ? null : now[Math.min(place, now.length - 1)];
  }
  return null;
}

/** Says how many candidates wait and how many are shown, on the page and on its published state. */
function sayCount(count, total) {
  count.textContent = total === 0
    ? 'No match candidates wait for review.'
    : `${total} match candidate${total === 1 ? '' : 's'} to review: records their agency changed first, then the `
      + `strongest${total > shown ? `; the first ${shown} are shown` : ''}.`;
  document.body.dataset.matches = String(shown);
  document.body.dataset.matchesWaiting = String(total);
}

/** "Show more": the next page of the queue, added below the cards shown. */
function moreButton(panel, count, after, total) {
  const button = el('button', { type: 'button', class: 'show-more', text: `Show ${Math.min(PAGE, total - shown)} more` });
  button.addEventListener('click', async () => {
    button.disabled = true;
    let page;
    try {
      page = (await graphql(MATCHES, { first: PAGE, after })).matchCandidatesConnection;
    } catch (e) {
      button.disabled = false;
      say(e.message, 'error');
      return;
    }
    const cards = page.edges.map((e) => candidateCard(e.node));
    button.replaceWith(...cards);
    shown += cards.length;
    if (page.pageInfo.hasNextPage) {
      panel.append(moreButton(panel, count, page.pageInfo.endCursor, page.totalCount));
    }
    sayCount(count, page.totalCount);
    if (cards[0]) {
      headingOf(cards[0]).focus();
    }
  });
  return button;
}

/** Offers the queue to data stewards (and the administrator in local mode); stewards start there. */
export async function initMatches(user, sayOnPage) {
  message = sayOnPage;
  const steward = seesEverySource(user);
  if (!steward) {
    return;
  }
  byId('matches-button').hidden = false;
  holdFocus(byId('matches'));
  byId('matches-button').addEventListener('click', async () => {
    showDialog(byId('matches'), true);
    await loadMatches();
  });
  byId('matches-close').addEventListener('click', () => {
    showDialog(byId('matches'), false);
    if (document.activeElement === document.body) {
      // a steward starts in the queue: there was no button it was opened from to go back to
      byId('matches-button').focus();
    }
  });
  byId('record-lookup').addEventListener('submit', async (event) => {
    event.preventDefault();
    say('', 'info');
    await loadAgencies();
    const agency = agencyOf(byId('lookup-source').value.trim());
    if (agency) {
      await showRecord(agency, byId('lookup-local-id').value.trim());
    }
  });
  if (user.role === 'DATA_STEWARD') {
    document.body.classList.add('steward');
    // the queue is a steward's whole page (the graph is not theirs): closing it left a blank page
    byId('matches-close').hidden = true;
    // shown as a dialog is, so that the message line comes into it: the graph area it lies over is
    // hidden from a steward, and what a decision did would be said where nobody sees it
    showDialog(byId('matches'), true);
    await loadMatches();
  }
}
