// The only module that talks to the server: GraphQL over POST /graphql, /api/me and /api/demo.
// The cookie session is protected by a CSRF token that Spring Security puts in the XSRF-TOKEN cookie.

const GRAPHQL = '/graphql';

function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : null;
}

/** A problem to show to the user in plain words (never a stack trace). */
export class ApiError extends Error {
  constructor(message, classification, extensions = {}) {
    super(message);
    this.classification = classification;
    // a BAD_REQUEST's argument and reason apart: a page may say the reason in its own words
    this.argument = extensions.argument;
    this.reason = extensions.reason;
  }
}

/**
 * Whose page this is (the user /api/me named when it started), said with each of its requests: the
 * server refuses one while another user is signed in in the browser (ReaderCheckFilter), so that the
 * page never reads or records in the name of someone other than the user it shows (review 76).
 */
let reader = null;

/** The page is this user's from now on (main.js, once /api/me has answered). */
export function pageOf(username) {
  reader = username;
}

/**
 * What the page holds that is not saved yet (meeting-room.js: the chair's words in the meeting's form),
 * and what to do when the session ends while it does, and when it goes on again: the page is not left
 * for the sign-in (walk 59: the browser's "Leave site?" came up, and signing in meant losing the
 * meeting's words).
 */
const keepers = [];
/** Whether a request met the end of the session while words were held, and none of the page's has passed since. */
let ended = false;
/** How many times the session was found ended: only a request sent after the last time takes it up again. */
let endings = 0;

/**
 * A form of the page that may hold unsaved words (the meeting's, the break-glass and information-request
 * reasons: drafts.js); each is told when the session ends while it holds them, and when it goes on.
 * @param holds whether the form holds unsaved words
 * @param kept what to do when the session ends then (anotherUser: someone else is signed in now)
 * @param resumed what to do when a request of the page passes again (its user signed in again)
 */
export function keepWords(holds, kept, resumed) {
  keepers.push({ holds, kept, resumed });
}


/** Whether the session ended while words were held, and no request of the page has passed since. */
export function sessionEnded() {
  return ended;
}

/** Said when the session ends while the page holds words not yet saved. */
export const SESSION_ENDED_KEPT = 'Your session has ended. What you wrote is kept on this page: sign in again in a new tab, '
  + 'then come back to this tab to save or send it.';

/** Whether a 401 says that another user is signed in (ReaderCheckFilter), not that nobody is. */
async function anotherUser(response) {
  try {
    return (await response.json()).error === 'ANOTHER_USER';
  } catch (e) {
    return false;
  }
}

/**
 * The page's own address, marked as sent back by the end of its session and with whose page it was:
 * the sign-in page says so (SignInPage) and, signed in again, the browser comes back to it.
 */
function sentBackAddress() {
  const url = new URL(window.location.href);
  url.searchParams.set('session', 'ended');
  if (reader) {
    url.searchParams.set('for', reader);
  }
  return `${url.pathname}${url.search}`;
}

/** @param own whether the request is the page's own (it says whose page it is), not "who is signed in?" */
async function send(url, options, own = true) {
  const headers = { ...(options.headers || {}) };
  if (own && reader) {
    headers['X-Explorer-User'] = encodeURIComponent(reader);
  }
  const sentAfter = endings;
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...options, headers });
  } catch (e) {
    throw new ApiError('The explorer cannot reach the server. Check your connection and try again.');
  }
  if (response.status === 401) {
    const holding = keepers.filter((k) => k.holds());
    if (holding.length > 0) {
      // the words stay: signed in again in another tab, this page saves them
      ended = true;
      endings += 1;
      const another = await anotherUser(response);
      holding.forEach((k) => k.kept(another));
      throw new ApiError(SESSION_ENDED_KEPT, 'UNAUTHORIZED');
    }
    // local mode shows the sign-in form, production goes to the identity provider; signed in again, the
    // browser comes back to this page (walk 60: it came back to an empty explorer, the child, the day
    // and meeting mode gone), opened only for the same user (main.js)
    window.location.assign(sentBackAddress());
    throw new ApiError('Your session has ended. Please sign in again.', 'UNAUTHORIZED');
  }
  if (ended && own && reader && response.ok && sentAfter === endings) {
    // one of the page's requests, sent since the session was found ended, passed: its user is signed in
    // again (not a refusal of another kind, nor an answer to a request sent before: review 77)
    ended = false;
    keepers.forEach((k) => k.resumed());
  }
  if (response.status === 403) {
    throw new ApiError('That action is not allowed for your account.', 'FORBIDDEN');
  }
  if (!response.ok) {
    throw new ApiError(`The server could not answer (status ${response.status}). Try again in a moment.`);
  }
  return response.json();
}

function apiError(error) {
  const classification = error.extensions ? error.extensions.classification : undefined;
  const message = classification === 'FORBIDDEN'
    ? 'Your account may not see this person’s records.'
    : error.message;
  return new ApiError(message, classification, error.extensions || {});
}

async function post(query, variables) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  return send(GRAPHQL, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
}

/** Runs a GraphQL document; returns data, or throws the first error's message. */
export async function graphql(query, variables = {}) {
  const body = await post(query, variables);
  if (body.errors && body.errors.length > 0) {
    throw apiError(body.errors[0]);
  }
  return body.data;
}

/**
 * Runs a document of several aliased fields that may fail one by one: returns the data (a failed
 * field is null) and the errors as ApiErrors, each with the alias it belongs to.
 */
export async function graphqlEach(query, variables = {}) {
  const body = await post(query, variables);
  const errors = (body.errors || []).map((e) => Object.assign(apiError(e), { alias: e.path ? e.path[0] : null }));
  if (!body.data && errors.length > 0) {
    throw errors[0];
  }
  return { data: body.data || {}, errors };
}

/** Who is signed in in the browser now (whoever it is: the page's user, or someone since). */
export function me() {
  return send('/api/me', { headers: { Accept: 'application/json' } }, false);
}

/**
 * Whether the page's user is still signed in: a request of the page (a session that ended, or another
 * user signed in, is said as any request of the page says it); it keeps the session going.
 */
export function stillSignedIn() {
  return send('/api/me', { headers: { Accept: 'application/json' } });
}

/** Whether the fictional demo families are here, and the day they are seen on (local mode). */
export function demo() {
  // (the page's start waits for it: never longer than this)
  return send('/api/demo', { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
}

/**
 * The CSRF token as a form's _csrf field (the sign-out form): Spring Security reads a form field
 * masked, as its own pages write it (random bytes, then the token XOR them, base64url), and refused
 * the cookie's raw token (403 on Sign out). The header of fetch() carries the raw token.
 */
export function formCsrfToken() {
  const token = new TextEncoder().encode(csrfToken() || '');
  const random = crypto.getRandomValues(new Uint8Array(token.length));
  const bytes = [...random, ...token.map((b, i) => b ^ random[i])];
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
