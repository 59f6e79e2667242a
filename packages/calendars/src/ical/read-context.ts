import type { ICalendarWarning } from './icalendar-warning.js'
import type { TimeZoneRules } from './time-zones.js'

/** What every reader of one iCalendar object needs. */
export interface ReadContext {
  /** Keep what has no JSCalendar equivalent in `iCalendar` properties. */
  lossless: boolean
  zones: TimeZoneRules
  /** Told what was left out or read differently; `undefined` when strict (refuse instead). */
  warn?: ((warning: ICalendarWarning) => void) | undefined
}
