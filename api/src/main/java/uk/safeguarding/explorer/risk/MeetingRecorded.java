package uk.safeguarding.explorer.risk;

/**
 * Published when a meeting has been recorded through the API, so that what the meeting saw is kept
 * at once (its snapshot) without the recording knowing how.
 */
public record MeetingRecorded(String meetingId) {}
