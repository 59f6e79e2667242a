import * as v from 'valibot'
import { type ICalComponent, ICalComponentSchema } from './icalendar-component.js'
import {
  type SignedDuration,
  SignedDurationSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
} from './primitives.js'
import { type Relation, RelationSchema } from './relation.js'
import type { VendorProperties } from './vendor-properties.js'

/**
 * An alert trigger at a fixed offset from the start (or end) of the event or task.
 *
 * @see draft-ietf-calext-jscalendarbis §2.8.1
 * @example { "@type": "OffsetTrigger", "offset": "-PT15M", "relativeTo": "start" }
 */
export interface OffsetTrigger extends VendorProperties {
  '@type'?: 'OffsetTrigger'
  offset: SignedDuration
  /** `start` (default) or `end`. */
  relativeTo?: 'start' | 'end'
}

/**
 * An alert trigger at a fixed point in time.
 *
 * @see draft-ietf-calext-jscalendarbis §2.8.1
 * @example { "@type": "AbsoluteTrigger", "when": "2025-03-02T01:02:03Z" }
 */
export interface AbsoluteTrigger extends VendorProperties {
  '@type': 'AbsoluteTrigger'
  when: UTCDateTime
}

/**
 * A trigger of a type this library does not know; kept as it came.
 *
 * @see draft-ietf-calext-jscalendarbis §2.8.1
 * @example { "@type": "example.com:LocationTrigger", "radius": 50 }
 */
export interface UnknownTrigger {
  '@type': string
  [property: string]: unknown
}

/**
 * An alert: when to remind, and how.
 *
 * @see draft-ietf-calext-jscalendarbis §2.8.1
 * @example { "@type": "Alert", "trigger": { "@type": "OffsetTrigger", "offset": "-PT30M" }, "action": "display" }
 */
export interface Alert extends VendorProperties {
  '@type'?: 'Alert'
  trigger: OffsetTrigger | AbsoluteTrigger | UnknownTrigger
  acknowledged?: UTCDateTime
  /** Snoozed alerts point to the alert they snooze. */
  relatedTo?: { [id: string]: Relation }
  /** `display` (default) or `email`. */
  action?: string
  iCalendar?: ICalComponent
}

/** Validates an {@link OffsetTrigger}. @see draft-ietf-calext-jscalendarbis §2.8.1 */
export const OffsetTriggerSchema: v.GenericSchema<OffsetTrigger> = v.looseObject({
  '@type': v.exactOptional(v.literal('OffsetTrigger')),
  offset: SignedDurationSchema,
  relativeTo: v.exactOptional(v.picklist(['start', 'end'])),
})

/** Validates an {@link AbsoluteTrigger}. @see draft-ietf-calext-jscalendarbis §2.8.1 */
export const AbsoluteTriggerSchema: v.GenericSchema<AbsoluteTrigger> = v.looseObject({
  '@type': v.literal('AbsoluteTrigger'),
  when: UTCDateTimeSchema,
})

/** Validates an {@link UnknownTrigger}. @see draft-ietf-calext-jscalendarbis §2.8.1 */
export const UnknownTriggerSchema: v.GenericSchema<UnknownTrigger> = v.looseObject({
  '@type': v.string(),
})

/** Validates an {@link Alert}. @see draft-ietf-calext-jscalendarbis §2.8.1 */
export const AlertSchema: v.GenericSchema<Alert> = v.looseObject({
  '@type': v.exactOptional(v.literal('Alert')),
  trigger: v.union([OffsetTriggerSchema, AbsoluteTriggerSchema, UnknownTriggerSchema]),
  acknowledged: v.exactOptional(UTCDateTimeSchema),
  relatedTo: v.exactOptional(v.record(v.string(), RelationSchema)),
  action: v.exactOptional(v.string()),
  iCalendar: v.exactOptional(ICalComponentSchema),
})
