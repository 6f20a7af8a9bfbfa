// GraphQL documents used by the page. Values always go in as variables, never into the text.

const NODE = `key id kind label child sex dateOfBirth age deceasedOn role agencyType addressKind postcode depth subject
  possibleMatch markers { id type from to detail mappaCategory mappaLevel } holders { id name type }`;
const EDGE = 'key type source target kind status nature role from to current derived';

export const BREAK_GLASS = `mutation BreakGlass($personId: ID!, $placeholderId: ID, $purpose: BreakGlassPurpose!,
    $reason: String!, $hours: Int) {
  breakGlass(personId: $personId, placeholderId: $placeholderId, purpose: $purpose, reason: $reason, hours: $hours) {
    id subjectId until
  }
}`;

/** What an answer says of a person who may be a placeholder: never more than the server gives. */
const WHO = 'id kind restricted givenName familyName holders { id name type } relationship { kind from to }';

export const REQUEST_INFORMATION = `mutation RequestInformation($personId: ID!, $placeholderId: ID!, $reason: String!,
    $holderId: ID) {
  requestInformation(personId: $personId, placeholderId: $placeholderId, reason: $reason, holderId: $holderId) {
    id status holders { id name } askedAt
  }
}`;

const INFORMATION_REQUEST = `id status requestedBy requestingAgency { id name } holders { id name }
  concerning { ${WHO} } person { ${WHO} } subject { id givenName familyName dateOfBirth }
  reason askedAt answer declineReason closedBy closingAgency { id name } closedAt
  replies { agency { id name } status answer declineReason closedBy closedAt }`;

export const INFORMATION_REQUESTS = `query InformationRequests {
  incoming: informationRequests(direction: INCOMING, first: 100) { ${INFORMATION_REQUEST} }
  outgoing: informationRequests(direction: OUTGOING, first: 100) { ${INFORMATION_REQUEST} }
}`;

export const INFORMATION_REQUESTS_WAITING = 'query Waiting { informationRequestsWaiting }';

export const ANSWER_INFORMATION_REQUEST = `mutation AnswerInformationRequest($id: ID!, $answer: String!) {
  answerInformationRequest(id: $id, answer: $answer) { id status }
}`;

export const DECLINE_INFORMATION_REQUEST = `mutation DeclineInformationRequest($id: ID!, $reason: String!) {
  declineInformationRequest(id: $id, reason: $reason) { id status }
}`;

export const RECORD_EXPORT = `mutation RecordExport($kind: ExportKind!, $personIds: [ID!]!, $asOf: Date) {
  recordExport(kind: $kind, personIds: $personIds, asOf: $asOf)
}`;

/** The family's involvements with the day of the last contact, for the ecomap's lines (genogram view). */
export const CONTACTS = `query Contacts($personId: ID!, $asOf: Date, $scope: InvolvementScope) {
  agencyInvolvement(personId: $personId, scope: $scope, asOf: $asOf) {
    people { person { id } involvements { agency { id } professional { id } from to lastContactOn } }
  }
}`;

/**
 * The family the panels name for a person on a day (the genogram's scope): the children of the
 * siblings-at-risk cards with whether each is due an assessment not started (a concern had begun on
 * the day), and the people of the FAMILY agency matrix.
 */
export const FAMILY_SCOPE = `query FamilyScope($personId: ID!, $asOf: Date) {
  siblingsAtRisk(personId: $personId, asOf: $asOf) { child { id kind restricted } notAssessed }
  agencyInvolvement(personId: $personId, scope: FAMILY, asOf: $asOf) { people { person { id kind restricted } } }
}`;

/**
 * The children exposed through a child (siblings-at-risk's children, placeholders as the server gives
 * them): the meeting pack's flags are theirs too, drawn or not.
 */
export const CHILDREN_EXPOSED = `query ChildrenExposed($personId: ID!, $asOf: Date) {
  siblingsAtRisk(personId: $personId, asOf: $asOf) { child { id kind restricted givenName familyName } }
}`;

export const FLAGS = `query Flags($personIds: [ID!], $asOf: Date) {
  riskFlags(personIds: $personIds, asOf: $asOf) {
    rule code severity subjectId subjectKind summary evidence people restrictedPeople { ${WHO} }
  }
}`;

export const TRIAGE = `query Triage($asOf: Date) {
  triageQueue(asOf: $asOf, first: 100) {
    rank score reasons
    referral { id receivedAt decidedAt concern urgency from { name } about { id givenName familyName } }
  }
}`;

export const OVERDUE = `query Overdue($asOf: Date) {
  overdueActions(asOf: $asOf) {
    id description dueOn completedOn workingDaysOverdue owner { id name } meeting { id kind heldOn }
    for { id givenName familyName } restrictedFor { id }
  }
}`;

/**
 * The actions recorded as done in the 30 days up to the day, latest first (the overdue list's Done
 * recently): DONE_LISTED are listed, and one more is asked for to tell whether there are more.
 */
export const DONE_LISTED = 100;
export const DONE_RECENTLY = `query DoneRecently($asOf: Date) {
  completedActions(asOf: $asOf, days: 30, first: ${DONE_LISTED + 1}) {
    id description dueOn completedOn reopenable owner { id name } meeting { id kind heldOn }
    for { id givenName familyName } restrictedFor { id }
  }
}`;

export const COMPLETE_ACTION = `mutation Complete($actionId: ID!, $completedOn: Date!) {
  completeAction(actionId: $actionId, completedOn: $completedOn) { id completedOn }
}`;

export const REOPEN_ACTION = `mutation Reopen($actionId: ID!, $completedOn: Date) {
  reopenAction(actionId: $actionId, completedOn: $completedOn) { id completedOn }
}`;

export const END_MARKER = `mutation EndMarker($markerId: ID!, $on: Date!) {
  endMarker(markerId: $markerId, on: $on) { id to }
}`;

export const REINSTATE_MARKER = `mutation Reinstate($markerId: ID!) {
  reinstateMarker(markerId: $markerId) { id to }
}`;

export const SEARCH = `query Search($text: String!, $asOf: Date) {
  searchPeople(text: $text, first: 20) {
    id givenName familyName dateOfBirth age(asOf: $asOf) child(asOf: $asOf)
    currentAddress(asOf: $asOf) { line1 postcode }
    markers(asOf: $asOf) { type }
    possibleMatch
  }
}`;

export const NETWORK = `query Network($personId: ID!, $depth: Int, $asOf: Date, $first: Int) {
  network(personId: $personId, depth: $depth, asOf: $asOf, first: $first) {
    subjectId asOf truncated
    nodes { ${NODE} }
    edges { ${EDGE} }
  }
}`;

/**
 * The depth-1 networks of several people in one request (the expansions replayed after the date
 * changes): e0, e1, … with the ids in $p0, $p1, …; only the count shapes the text.
 */
export function expansions(count) {
  const indexes = [...Array(count).keys()];
  return `query Expansions($asOf: Date, $first: Int, $depth: Int, ${indexes.map((i) => `$p${i}: ID!`).join(', ')}) {
  ${indexes.map((i) => `e${i}: network(personId: $p${i}, depth: $depth, asOf: $asOf, first: $first) { ...Part }`).join('\n  ')}
}
fragment Part on Network { subjectId asOf truncated nodes { ${NODE} } edges { ${EDGE} } }`;
}

export const CONNECTION = `query Connection($fromId: ID!, $toId: ID!, $asOf: Date) {
  connection(fromId: $fromId, toId: $toId, maxHops: 6, asOf: $asOf) {
    length nodes { ${NODE} } edges { ${EDGE} }
  }
}`;

export const PANELS = `query Panels($personId: ID!, $asOf: Date, $scope: InvolvementScope) {
  person(id: $personId) {
    id givenName familyName aliases dateOfBirth dobEstimated sex deceasedOn nhsNumber pncId laCaseNumber upn
    probationCrn age(asOf: $asOf) child(asOf: $asOf)
    markers(asOf: $asOf) { id type from to detail mappaCategory mappaLevel source derived address { line1 } }
    records { source localId linkedBy score waitingChanges setAsideChanges }
  }
  siblingsAtRisk(personId: $personId, asOf: $asOf) {
    child { ${WHO} dateOfBirth age(asOf: $asOf) }
    links { kind via { ${WHO} } address { id line1 } from to }
    assessed notAssessed latestAssessmentOn onProtectionPlan agencies { id name }
  }
  sharedAddresses(personId: $personId, asOf: $asOf, includeHistoric: true) {
    address { id line1 town postcode kind } from to current markers { id type detail }
    coResidents { person { ${WHO} age(asOf: $asOf) } from to }
  }
  agencyInvolvement(personId: $personId, scope: $scope, asOf: $asOf) {
    people { person { ${WHO} age(asOf: $asOf) child(asOf: $asOf) possibleMatch }
             involvements { agency { id name type } professional { id name } role from to lastContactOn } }
    gaps { person { ${WHO} } agencyType rule reason }
    rules
  }
  chronology(personId: $personId, asOf: $asOf) {
    date kind summary source relatedIds restrictedPerson { ${WHO} }
  }
}`;

const RECORD = `source localId givenName familyName aliases nameWarnings dateOfBirth sex nhsNumber pncId upn addresses
  parentOfChildrenBorn linkedBy score
  person { id }`;

export const MATCHES = `query Matches($first: Int, $after: String) {
  matchCandidatesConnection(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id score status reason explanation history changes evidence { field level weight }
      version { givenName familyName aliases dateOfBirth sex nhsNumber pncId upn givesDateOfDeath withdrawsDateOfDeath }
      competing { id score person { id givenName familyName } }
      record { ${RECORD} person { id records { ${RECORD} } } }
      person { id givenName familyName dateOfBirth sex nhsNumber pncId upn records { ${RECORD} } }
    } }
  }
}`;

export const DECIDE_MATCH = `mutation Decide($candidateId: ID!, $decision: MatchDecision!, $note: String!) {
  decideMatch(candidateId: $candidateId, decision: $decision, note: $note) { id status record { person { id } } }
}`;

export const SET_ASIDE_VERSION = `mutation SetAside($candidateId: ID!, $note: String!) {
  setAsideVersion(candidateId: $candidateId, note: $note) { id status }
}`;

export const REOPEN_MATCH = `mutation Reopen($candidateId: ID!, $note: String!) {
  reopenMatch(candidateId: $candidateId, note: $note) { id status }
}`;

export const SPLIT_RECORD = `mutation Split($source: ID!, $localId: ID!, $note: String!) {
  splitRecord(source: $source, localId: $localId, note: $note) { source localId person { id } }
}`;

export const SOURCE_RECORD = `query Record($source: ID!, $localId: ID!) {
  sourceRecord(source: $source, localId: $localId) {
    ${RECORD}
    waitingChanges
    decidedDifferent { id decidedBy decidedAt note person { id givenName familyName } }
    setAsideVersions { id decidedBy decidedAt note changes version { givesDateOfDeath } person { id givenName familyName } }
    person { id givenName familyName records { ${RECORD} } }
  }
}`;

const ADDRESS_RECORD_FIELDS = 'source localId line1 postcode uprn addressId anchored splitFrom withheld';

export const ADDRESS_RECORD = `query AddressRecord($source: ID!, $localId: ID!) {
  addressRecord(source: $source, localId: $localId) {
    ${ADDRESS_RECORD_FIELDS} people others { ${ADDRESS_RECORD_FIELDS} }
  }
}`;

export const SPLIT_ADDRESS_RECORD = `mutation SplitAddress($source: ID!, $localId: ID!, $note: String!) {
  splitAddressRecord(source: $source, localId: $localId, note: $note) { source localId addressId }
}`;

export const LINK_CHECK = `query LinkCheck($source: ID!, $localId: ID!, $personId: ID!) {
  linkCheck(source: $source, localId: $localId, personId: $personId) { allowed refusal warnings merges }
}`;

export const LINK_RECORD = `mutation Link($source: ID!, $localId: ID!, $personId: ID!, $note: String!,
    $acceptWarnings: [String!]) {
  linkRecord(source: $source, localId: $localId, personId: $personId, note: $note, acceptWarnings: $acceptWarnings) {
    source localId person { id givenName familyName }
  }
}`;

export const FAMILY_CHANGES = `query FamilyChanges($personId: ID!, $since: Date!, $asOf: Date) {
  familyChanges(personId: $personId, since: $since, asOf: $asOf) { on kind summary severity people { id kind } }
}`;

export const MEETINGS_ABOUT = `query MeetingsAbout($personId: ID!, $asOf: Date) {
  meetingsAbout(personId: $personId, asOf: $asOf) { id kind heldOn decision nextMeetingOn snapshotTaken }
}`;

export const MEETING_SNAPSHOT = `query MeetingSnapshot($meetingId: ID!) {
  meetingSnapshot(meetingId: $meetingId) {
    meetingId takenAt asOf children { id kind }
    meeting { id kind heldOn chair decision decisionReason nextMeetingOn
      attendance { agency { id name } invited attended }
      actions { id description dueOn completedOn owner { id name } for { id givenName familyName kind } } }
    network { nodes { ${NODE} } edges { ${EDGE} } }
  }
}`;

/** A meeting as its snapshot kept it, for the pack: attendance, decision, actions. */
export const MEETING_RECORD = `query MeetingRecord($meetingId: ID!) {
  meetingSnapshot(meetingId: $meetingId) {
    meeting { id kind heldOn chair decision decisionReason nextMeetingOn
      attendance { agency { id name } attended }
      actions { description dueOn owner { id name } for { id givenName familyName kind restricted } } }
  }
}`;

export const RECORD_MEETING = `mutation RecordMeeting($meeting: StrategyMeetingInput!) {
  recordStrategyMeeting(meeting: $meeting) { id kind heldOn }
}`;

export const TAKE_SNAPSHOT = `mutation TakeSnapshot($meetingId: ID!) {
  takeMeetingSnapshot(meetingId: $meetingId) { meetingId }
}`;
