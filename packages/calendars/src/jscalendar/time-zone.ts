import * as v from 'valibot'
import {
  type LocalDateTime,
  LocalDateTimeSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
} from './primitives.js'
import { type RecurrenceRule, RecurrenceRuleSchema } from './recurrence-rule.js'

/**
 * One observance of a custom time zone (RFC 8984 only; JSCalendar 2.0 dropped custom time zones).
 *
 * @see RFC 8984 §4.7.2
 * @example { "@type": "TimeZoneRule", "start": "2007-03-11T02:00:00", "offsetFrom": "-0800", "offsetTo": "-0700" }
 */
export interface TimeZoneRule {
  '@type'?: 'TimeZoneRule'
  start: LocalDateTime
  offsetFrom: string
  offsetTo: string
  recurrenceRules?: RecurrenceRule[]
  recurrenceOverrides?: { [recurrenceId: LocalDateTime]: { [pointer: string]: unknown } }
  names?: { [name: string]: true }
  comments?: string[]
}

/**
 * A custom time zone of RFC 8984, the JSON form of a VTIMEZONE, keyed by an id starting with `/`.
 *
 * @see RFC 8984 §4.7.2
 * @example { "@type": "TimeZone", "tzId": "America/Vancouver", "standard": [], "daylight": [] }
 */
export interface TimeZone {
  '@type'?: 'TimeZone'
  tzId: string
  updated?: UTCDateTime
  url?: string
  validUntil?: UTCDateTime
  aliases?: { [alias: string]: true }
  standard?: TimeZoneRule[]
  daylight?: TimeZoneRule[]
}

/** Validates a {@link TimeZoneRule}. @see RFC 8984 §4.7.2 */
export const TimeZoneRuleSchema: v.GenericSchema<TimeZoneRule> = v.object({
  '@type': v.exactOptional(v.literal('TimeZoneRule')),
  start: LocalDateTimeSchema,
  offsetFrom: v.string(),
  offsetTo: v.string(),
  recurrenceRules: v.exactOptional(v.array(RecurrenceRuleSchema)),
  recurrenceOverrides: v.exactOptional(v.record(v.string(), v.record(v.string(), v.unknown()))),
  names: v.exactOptional(v.record(v.string(), v.literal(true))),
  comments: v.exactOptional(v.array(v.string())),
})

/** Validates a {@link TimeZone}. @see RFC 8984 §4.7.2 */
export const TimeZoneSchema: v.GenericSchema<TimeZone> = v.object({
  '@type': v.exactOptional(v.literal('TimeZone')),
  tzId: v.string(),
  updated: v.exactOptional(UTCDateTimeSchema),
  url: v.exactOptional(v.string()),
  validUntil: v.exactOptional(UTCDateTimeSchema),
  aliases: v.exactOptional(v.record(v.string(), v.literal(true))),
  standard: v.exactOptional(v.array(TimeZoneRuleSchema)),
  daylight: v.exactOptional(v.array(TimeZoneRuleSchema)),
})
