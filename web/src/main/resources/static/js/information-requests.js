// Information requests (README "Information requests"): from a placeholder, ask one of the agencies
// that hold information about someone your agency cannot see; and the work queue beside triage and
// overdue actions, where the holding agency answers or declines what it was asked (INCOMING) and
// the requester reads the answers (OUTGOING). Nobody types an id: the form is about the
// placeholder chosen in the graph, with the person in whose answer it appeared.

import { graphql } from './api.js';
import {
  ANSWER_INFORMATION_REQUEST, DECLINE_INFORMATION_REQUEST, INFORMATION_REQUESTS, INFORMATION_REQUESTS_WAITING,
  REQUEST_INFORMATION,
} from './queries.js';
import { byId, clear, el, fullName } from './dom.js';
import { guarded, say } from './message.js';
import { Rendering } from './publish.js';
import { londonTime, state } from './state.js';
import { HIDDEN, isPlaceholder, relationshipWords } from './placeholders.js';
import { reasonProblem } from './break-glass.js';
import { words } from './words.js';
import { keepDraft } from './drafts.js';

const STATUS_WORDS = { OPEN: 'waiting for an answer', ANSWERED: 'answered', DECLINED: 'declined' };

let queue;

// --- asking --------------------------------------------------------------------------------

/** The Ask option that sends the request to every holder (no agency id may begin with "explorer-"). */
const EVERY_HOLDER = 'explorer-every-holder';

/** The holders' names in a sentence: "A", "A and B", "A, B and C". */
function namesOf(holders) {
  const names = holders.map((h) => h.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The agencies a placeholder's holders the user may ask: all but the user's own. */
function askable(placeholder) {
  return placeholder.holders.filter((h) => !state.user || h.id !== state.user.agency);
}

/** Whether the user asks and answers information requests: practitioners and meeting chairs. */
function asksAndAnswers(user) {
  return user.role === 'PRACTITIONER' || user.role === 'MEETING_CHAIR';
}

function renderForm() {
  const offer = state.requestFor;
  byId('information-request').hidden = offer === null;
  const select = clear(byId('information-request-holder'));
  if (offer === null) {
    byId('information-request-about').textContent = '';
    return;
  }
  const p = offer.placeholder;
  byId('information-request-about').textContent = `About: ${HIDDEN}${p.lines.length > 0 ? ` — ${p.lines.join('; ')}` : ''}.`;
  const holders = askable(p);
  holders.forEach((h) => select.append(el('option', { value: h.id, text: h.name })));
  if (holders.length > 1) {
    // each replies on its own (walk 50: a practitioner could ask only one at a time)
    select.append(el('option', { value: EVERY_HOLDER,
      text: `${holders.length === 2 ? 'Both' : `All ${holders.length}`}: ${namesOf(holders)}` }));
  }
}

/** Opens the form for a placeholder met in the answer about personId. */
export function offerInformationRequest(personId, placeholder) {
  state.requestFor = { personId, placeholder };
  renderForm();
  byId('information-request-holder').focus();
}

export function hideInformationRequest() {
  state.requestFor = null;
  renderForm();
}

async function send(event) {
  event.preventDefault();
  const offer = state.requestFor;
  if (offer === null) {
    return;
  }
  const select = byId('information-request-holder');
  if (!select.value) {
    say('No other agency is recorded as holding information about this person, so there is nobody to ask here.', 'warning');
    return;
  }
  const reason = byId('information-request-reason').value.trim();
  const problem = reasonProblem(reason);
  if (problem) {
    say(problem, 'warning');
    byId('information-request-reason').focus();
    return;
  }
  const every = select.value === EVERY_HOLDER;
  const sent = await guarded(async () => {
    try {
      return await graphql(REQUEST_INFORMATION, {
        personId: offer.personId, placeholderId: offer.placeholder.id, reason, holderId: every ? null : select.value,
      });
    } catch (e) {
      if (e.argument === 'placeholderId' && e.reason) {
        // asked already: said as a sentence, not as the API names its argument
        throw new Error(e.reason.charAt(0).toUpperCase() + e.reason.slice(1) + '.');
      }
      throw e;
    }
  });
  if (sent) {
    hideInformationRequest();
    byId('information-request-reason').value = '';
    // the agencies the server addressed it to (with Both or All it chooses them itself)
    say(`Request sent to ${namesOf(sent.requestInformation.holders)}. They see it in their Information requests queue and answer or decline it; `
      + 'the answer will be under Work queues, Information requests, Sent by your agency. '
      + 'Nothing more about this person is shown here meanwhile.', 'success');
  }
}

// --- the work queue ------------------------------------------------------------------------

/** Who a request is about, as this user may know them. */
function about(request, incoming) {
  if (incoming && request.subject) {
    const s = request.subject;
    return `${[s.givenName, s.familyName].filter(Boolean).join(' ') || 'No name recorded'}`
      + `${s.dateOfBirth ? `, born ${s.dateOfBirth}` : ''}`;
  }
  const person = request.person;
  if (isPlaceholder(person)) {
    const rel = relationshipWords(person.relationship);
    return `${HIDDEN}${rel ? ` (${rel})` : ''}`;
  }
  return fullName(person);
}

function concerning(request) {
  return isPlaceholder(request.concerning)
    ? 'a person your agency cannot see'
    : fullName(request.concerning);
}

/** An instant in UK time, as the rest of the explorer shows it (new-user check 47: these alone were in UTC). */
function when(instant) {
  return instant ? londonTime(instant) : '';
}

function closeForm(request, onDone) {
  const answer = el('textarea', { id: `answer-${request.id}`, class: 'answer-text', rows: 3, maxlength: 5000,
    'aria-label': 'Your answer (shared with the requesting agency)' });
  const decline = el('textarea', { id: `decline-${request.id}`, class: 'decline-text', rows: 2, maxlength: 2000,
    'aria-label': 'Why you decline (at least 10 characters)' });
  const answerButton = el('button', { type: 'button', class: 'answer-button', text: 'Answer' });
  const declineButton = el('button', { type: 'button', class: 'decline-button secondary', text: 'Decline' });
  answerButton.addEventListener('click', async () => {
    const text = answer.value.trim();
    if (!text) {
      say('Write the answer first.', 'warning');
      answer.focus();
      return;
    }
    if (await guarded(() => graphql(ANSWER_INFORMATION_REQUEST, { id: request.id, answer: text }))) {
      await onDone(`Answered: ${request.requestingAgency ? request.requestingAgency.name : request.requestedBy} can read it now.`);
    }
  });
  declineButton.addEventListener('click', async () => {
    const text = decline.value.trim();
    if (text.length < 10) {
      say('Say why you decline, in at least 10 characters.', 'warning');
      decline.focus();
      return;
    }
    if (await guarded(() => graphql(DECLINE_INFORMATION_REQUEST, { id: request.id, reason: text }))) {
      await onDone('Declined: the requesting agency sees your reason.');
    }
  });
  return el('div', { class: 'close-form' },
    el('label', { for: answer.id, text: 'Answer (shared with the requesting agency)' }), answer,
    el('div', { class: 'buttons' }, answerButton),
    el('label', { for: decline.id, text: 'Or decline, saying why' }), decline,
    el('div', { class: 'buttons' }, declineButton));
}

/**
 * The state of a request in words: a holder's own reply's; to the asking agency, who replied and who
 * has not yet (walk 50: "waiting for an answer" stood above the answer one holder had given).
 */
function statusWords(request, incoming) {
  const replied = incoming ? [] : request.replies.filter((r) => r.status !== 'OPEN');
  if (incoming || request.status !== 'OPEN' || replied.length === 0) {
    return STATUS_WORDS[request.status] || words(request.status);
  }
  const waiting = request.replies.filter((r) => r.status === 'OPEN').map((r) => r.agency);
  return `${replied.map((r) => `${STATUS_WORDS[r.status]} by ${r.agency.name}`).join(', ')}; `
    + `waiting for ${namesOf(waiting)}`;
}

function card(request, incoming, onDone) {
  const heading = incoming
    ? `From ${request.requestedBy}${request.requestingAgency ? ` (${request.requestingAgency.name})` : ''}, ${when(request.askedAt)}`
    : `To ${request.holders.map((h) => h.name).join(', ')}, asked by ${request.requestedBy}, ${when(request.askedAt)}`;
  const article = el('article', { class: `information-request status-${request.status}`, 'data-request': request.id },
    el('h4', { text: heading }),
    el('dl', {},
      el('dt', { text: 'About' }), el('dd', { class: 'about', text: about(request, incoming) }),
      el('dt', { text: 'Linked to' }), el('dd', { text: concerning(request) }),
      el('dt', { text: 'Why' }), el('dd', { class: 'reason', text: request.reason }),
      el('dt', { text: 'Status' }), el('dd', { class: 'status', text: statusWords(request, incoming) })));
  if (!incoming) {
    // every holder replies on its own: the requesting agency reads each reply
    article.append(el('ul', { class: 'replies' }, request.replies.map((reply) => el('li',
      { class: `reply status-${reply.status}`, 'data-agency': reply.agency.id }, ...replyLines(reply)))));
  } else if (request.status === 'OPEN') {
    article.append(closeForm(request, onDone));
  } else {
    // the agency's own reply only: another holder's answer may hold what it may not see
    const own = request.replies.find((reply) => state.user && reply.agency.id === state.user.agency);
    if (own) {
      article.append(...replyLines(own));
    }
  }
  return article;
}

/** One holder's reply: who replied and when, then the answer or the reason. */
function replyLines(reply) {
  if (reply.status === 'OPEN') {
    return [el('p', { class: 'meta', text: `${reply.agency.name}: ${STATUS_WORDS.OPEN}` })];
  }
  const verb = reply.status === 'ANSWERED' ? 'Answered' : 'Declined';
  if (!reply.closedBy) {
    // a request closed for every holder by one of them, before each replied on its own (migration V0039)
    return [el('p', { class: 'meta', text: `${reply.agency.name}: ${reply.declineReason || 'not replied'}` })];
  }
  return [el('p', { class: 'meta', text: `${verb} by ${reply.closedBy} (${reply.agency.name}), ${when(reply.closedAt)}:` }),
    el('p', { class: 'answer', text: reply.status === 'ANSWERED' ? reply.answer : reply.declineReason })];
}

function renderQueue(panel, data, onDone) {
  clear(panel);
  panel.append(el('p', { class: 'meta', text: 'Requests for information about people whom the asking agency cannot see. '
    + 'Answer with what they need to keep the child safe, or decline saying why; every request, answer and name shown is audited.' }));
  panel.append(el('h3', { text: `Asked of your agency (${data.incoming.filter((r) => r.status === 'OPEN').length} open)` }));
  panel.append(data.incoming.length === 0
    ? el('p', { class: 'empty', text: 'Nobody has asked your agency for information.' })
    : el('div', { class: 'incoming' }, data.incoming.map((r) => card(r, true, onDone))));
  panel.append(el('h3', { text: `Sent by your agency (${data.outgoing.length})` }));
  panel.append(data.outgoing.length === 0
    ? el('p', { class: 'empty', text: `Your agency has not asked for information. Select someone shown as “${HIDDEN}” in the graph to ask.` })
    : el('div', { class: 'outgoing' }, data.outgoing.map((r) => card(r, false, onDone))));
}

/** Loads the queue; news (what was just done) is said once it is drawn. */
export function loadInformationRequests(news = '') {
  const user = state.user || {};
  if (!asksAndAnswers(user)) {
    return queue.run(async () => {
      clear(byId('panel-requests')).append(el('p', { class: 'empty',
        text: 'Information requests are for practitioners and meeting chairs.' }));
    });
  }
  return guarded(() => queue.run(async () => {
    const data = await graphql(INFORMATION_REQUESTS);
    renderQueue(byId('panel-requests'), data, (said) => loadInformationRequests(said));
    await showWaiting();
    if (news) {
      say(news, 'success');
    }
  }));
}

/**
 * Says on the Work queues button how many requests wait for the user's agency's reply, and publishes
 * it on the button's data-waiting (walk 49: nothing told the police that a health visitor had asked
 * them before a home visit). For practitioners and meeting chairs, who answer them.
 */
export async function showWaiting() {
  const user = state.user || {};
  if (!asksAndAnswers(user)) {
    return;
  }
  const data = await graphql(INFORMATION_REQUESTS_WAITING);
  const waiting = data.informationRequestsWaiting;
  const button = byId('work-button');
  button.textContent = waiting > 0 ? `Work queues (${waiting} waiting)` : 'Work queues';
  button.title = waiting > 0
    ? `${waiting} information request${waiting === 1 ? '' : 's'} waiting for your agency's answer; triage queue and overdue actions`
    : 'Triage queue, overdue actions and information requests';
  button.dataset.waiting = String(waiting);
}

export function wireInformationRequests() {
  queue = new Rendering(byId('panel-requests'));
  byId('information-request-form').addEventListener('submit', send);
  byId('information-request-cancel').addEventListener('click', hideInformationRequest);
  keepDraft({ form: 'information-request-form', field: 'information-request-reason',
    open: () => state.requestFor !== null, button: 'Send request', about: 'request' });
}
