// Days as the records have them (ISO yyyy-mm-dd, no time of day, no zone): the one place the
// explorer counts and writes days. The day in England now is state.js londonDay.

const DAY_MS = 86400000;

/** Whether a text is a day as the records write it (YYYY-MM-DD, a date that exists). */
export function isDay(text) {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** An ISO day as a day number (days since 1970-01-01): dates are days, not instants. */
export function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoDay(number) {
  return new Date(number * DAY_MS).toISOString().substring(0, 10);
}

/** A day as people in England write it: "26 September 2018". */
export function spokenDay(iso) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(dayNumber(iso) * DAY_MS));
}

/**
 * A text with the instants a server wrote in it (ISO, "2026-12-07T10:23:45.123456789Z") said as people
 * in England say them, "7 December 2026, 10:23" in London's time (walk 74: a decision's history
 * read as raw timestamps). Only an instant after " at ", with its zone; anything else is left as it is.
 */
export function spokenTimes(text) {
  // only as the server writes them: after " at ", with seconds and a zone, and followed by ": " (review
  // 98, 99: a time a steward typed into a note is theirs, and left as typed)
  const instant = /(?<= at )(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})(?:\[[^\]]+\])?(?=: )/g;
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return String(text).replace(instant, (whole, day, minute, second, fraction, zone) => {
    const at = Date.parse(`${day}T${minute}:${second || '00'}.${(fraction || '0').padEnd(3, '0').slice(0, 3)}`
      + zone);
    if (Number.isNaN(at)) {
      return whole;
    }
    const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
  });
}

/** The day a number of months after (or before) an ISO day, the day of the month kept where it exists. */
export function addMonths(iso, months) {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().substring(0, 10);
}

/** The day a number of days after (or before) an ISO day. */
export function addDays(iso, days) {
  return isoDay(dayNumber(iso) + days);
}
