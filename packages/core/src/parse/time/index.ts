/**
 * Date and time parsing for postmortems: pure functions over strings, no Date objects and no
 * dependence on the machine's clock or zone. The `match*At` building blocks stay internal.
 */
export {
  addDays,
  compareDates,
  dayMonthOrderOf,
  dayNumber,
  findDates,
  formatDate,
  fromDayNumber,
  isValidDate,
  parseCalendarDate,
  type DateMatch,
  type DateOptions,
  type DayMonthOrder,
} from './calendar.js'
export { findClockTime, type ClockMatch } from './clock.js'
export { parseDurationMinutes, type DurationMatch } from './duration.js'
export { findTimeZone, findTimeZones, type ZoneMatch } from './time-zone.js'
export {
  looksLikeTimestamp,
  parseTimestamp,
  splitLeadingTimestamp,
  type SplitTimestamp,
  type Timestamp,
  type TimestampOptions,
} from './timestamp.js'
