// The explorer's one state object: everything the page remembers between events lives here, and
// the page (body class, overlays, selected tabs, URL) is drawn from it. Nothing else keeps state.

/** The day in Europe/London (the day of the records), as YYYY-MM-DD. */
export function londonDay(instant = new Date()) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(instant);
}

/** An instant as the clock on the wall in England shows it: "26 Sept 2018, 14:05 BST". */
export function londonTime(instant) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant));
}

/**
 * Whether the user works the identity matches and sees every agency's records of a person: a data
 * steward, or the administrator in local mode (as the server decides).
 */
export function seesEverySource(user) {
  return Boolean(user) && (user.role === 'DATA_STEWARD' || (user.role === 'ADMIN' && user.mode === 'local'));
}

/** The hops of a network a new page opens with. */
export const DEFAULT_DEPTH = 2;

export const state = {
  /** Who is signed in (from /api/me): username, role, agency, mode. */
  user: null,
  /** The day the graph and panels show. */
  asOf: londonDay(),
  /** The person whose network is open. */
  subjectId: null,
  /**
   * The person an opening now on is for (search, a work queue, Back, a new day), or null
   * (selection.js open): a day or depth chosen meanwhile is for them, not for the person shown before
   * (whose reopening took over, and the person chosen was never shown), and the address names nobody
   * else on that day (asof.js updateUrl).
   */
  opening: null,
  /** Hops of the network. */
  depth: DEFAULT_DEPTH,
  /**
   * The people expanded in the graph, as graph keys in the order they were expanded: kept with the
   * depth and the person selected in the history's entry (asof.js rememberView), so that Back,
   * Forward and a reload open the network as it was left.
   */
  expanded: [],
  /** The graph's view: fcose (the network) or genogram (graph.js chooseView; view=genogram in the address). */
  view: 'fcose',
  /** Scope of the agency involvement panel: PERSON, HOUSEHOLD or FAMILY. */
  scope: 'PERSON',
  /** The person whose panels are shown. */
  selectedId: null,
  /** What the panels show or are loading ("person|asOf|scope|meeting"), so that it is loaded once. */
  panelsKey: null,
  /** The last two people selected, for "Connect two". */
  recentPeople: [],
  /**
   * The family the panels name for the person opened on the as-of day ({ids, unassessed}: who the
   * genogram draws, and the children the siblings-at-risk cards say were not assessed), or null.
   */
  family: null,
  /** Person id → the risk flags that concern them, for the people in the graph. */
  flags: new Map(),
  /** The selected tab of the panels. */
  panelTab: 'tab-details',
  /**
   * The panels' tab shown before meeting mode chose the agencies': shown again on leaving it, and the
   * tab the history's entries keep meanwhile (asof.js ownState), or null outside meeting mode.
   */
  tabBeforeMeeting: null,
  /** Strategy-meeting mode. */
  meeting: false,
  /** The open tab of the work-queue overlay ('tab-triage', 'tab-overdue', 'tab-requests'), or null when it is closed. */
  work: null,
  /**
   * What "Access without a relationship" is offered for, or null: {personId, placeholder}, the
   * person the page tried to open (placeholder null), or a placeholder met in personId's answer.
   */
  breakGlassFor: null,
  /** The placeholder the "Request information" form is about ({personId, placeholder}), or null. */
  requestFor: null,
};
