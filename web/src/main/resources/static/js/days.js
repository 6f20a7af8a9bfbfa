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
