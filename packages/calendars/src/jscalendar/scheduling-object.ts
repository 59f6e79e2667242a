import type { Alert } from './alert.js'
import type { ICalComponent } from './icalendar-component.js'
import type { Link } from './link.js'
import type { Location } from './location.js'
import type { Participant } from './participant.js'
import type {
  Id,
  LocalDateTime,
  PatchObject,
  StringSet,
  TimeZoneId,
  UTCDateTime,
} from './primitives.js'
import type { RecurrenceRule } from './recurrence-rule.js'
import type { Relation } from './relation.js'
import type { VendorProperties } from './vendor-properties.js'
import type { VirtualLocation } from './virtual-location.js'

/**
 * The properties an Event and a Task share: metadata, what and where, recurrence, scheduling, alerts.
 *
 * @see draft-ietf-calext-jscalendarbis §4
 * @example { "uid": "a8df6573-0474-496d-8496-033ad45d7fea", "updated": "2024-03-29T13:30:00Z", "title": "Planning" }
 */
export interface SchedulingObject extends VendorProperties {
  uid: string
  /** `"2.0"` on a stand-alone object; absent inside a Group. */
  version?: string
  relatedTo?: { [uid: string]: Relation }
  prodId?: string
  created?: UTCDateTime
  /** Mandatory in JSCalendar 2.0; absent when converted from a VEVENT without DTSTAMP. */
  updated?: UTCDateTime
  sequence?: number
  /** iTIP method, lowercase (`request`, `reply`…). */
  method?: string
  title?: string
  description?: string
  descriptionContentType?: string
  showWithoutTime?: boolean
  locations?: { [id: Id]: Location }
  mainLocationId?: Id
  virtualLocations?: { [id: Id]: VirtualLocation }
  links?: { [id: Id]: Link }
  locale?: string
  keywords?: StringSet
  categories?: StringSet
  color?: string
  recurrenceId?: LocalDateTime
  recurrenceIdTimeZone?: TimeZoneId
  recurrenceRule?: RecurrenceRule
  recurrenceOverrides?: { [recurrenceId: LocalDateTime]: PatchObject }
  priority?: number
  /** `busy` (default) or `free`. */
  freeBusyStatus?: string
  /** `public` (default), `private` or `secret`. */
  privacy?: string
  organizerCalendarAddress?: string
  sentBy?: string
  participants?: { [id: Id]: Participant }
  alerts?: { [id: Id]: Alert }
  /** Absent means floating time. */
  timeZone?: TimeZoneId
  iCalendar?: ICalComponent
}
