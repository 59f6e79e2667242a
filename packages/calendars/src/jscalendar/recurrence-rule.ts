import * as v from 'valibot'
import { type LocalDateTime, LocalDateTimeSchema } from './primitives.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * A day of the week in a recurrence rule, optionally the n-th of the period (`-1` is the last).
 *
 * @see draft-ietf-calext-jscalendarbis §2.5.1
 * @example { "@type": "NDay", "day": "mo", "nthOfPeriod": -1 }
 */
export interface NDay extends VendorProperties {
  '@type'?: 'NDay'
  day: 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su'
  nthOfPeriod?: number
}

/**
 * A recurrence rule, the JSCalendar form of an iCalendar RRULE.
 *
 * @see draft-ietf-calext-jscalendarbis §2.5.1
 * @example { "@type": "RecurrenceRule", "frequency": "weekly", "byDay": [{ "day": "mo" }], "count": 10 }
 */
export interface RecurrenceRule extends VendorProperties {
  '@type'?: 'RecurrenceRule'
  frequency: 'yearly' | 'monthly' | 'weekly' | 'daily' | 'hourly' | 'minutely' | 'secondly'
  interval?: number
  rscale?: string
  skip?: 'omit' | 'backward' | 'forward'
  firstDayOfWeek?: NDay['day']
  byDay?: NDay[]
  byMonthDay?: number[]
  /** Month numbers as strings, with an `L` suffix for leap months. */
  byMonth?: string[]
  byYearDay?: number[]
  byWeekNo?: number[]
  byHour?: number[]
  byMinute?: number[]
  bySecond?: number[]
  bySetPosition?: number[]
  count?: number
  until?: LocalDateTime
}

const weekday = v.picklist(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'])
const integers = v.array(v.pipe(v.number(), v.integer()))

/** Validates an {@link NDay}. @see draft-ietf-calext-jscalendarbis §2.5.1 */
export const NDaySchema: v.GenericSchema<NDay> = v.looseObject({
  '@type': v.exactOptional(v.literal('NDay')),
  day: weekday,
  nthOfPeriod: v.exactOptional(v.pipe(v.number(), v.integer())),
})

/** Validates a {@link RecurrenceRule}. @see draft-ietf-calext-jscalendarbis §2.5.1 */
export const RecurrenceRuleSchema: v.GenericSchema<RecurrenceRule> = v.looseObject({
  '@type': v.exactOptional(v.literal('RecurrenceRule')),
  frequency: v.picklist(['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly']),
  interval: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  rscale: v.exactOptional(v.string()),
  skip: v.exactOptional(v.picklist(['omit', 'backward', 'forward'])),
  firstDayOfWeek: v.exactOptional(weekday),
  byDay: v.exactOptional(v.array(NDaySchema)),
  byMonthDay: v.exactOptional(integers),
  byMonth: v.exactOptional(v.array(v.string())),
  byYearDay: v.exactOptional(integers),
  byWeekNo: v.exactOptional(integers),
  byHour: v.exactOptional(integers),
  byMinute: v.exactOptional(integers),
  bySecond: v.exactOptional(integers),
  bySetPosition: v.exactOptional(integers),
  count: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  until: v.exactOptional(LocalDateTimeSchema),
})
