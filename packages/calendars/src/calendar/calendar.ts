import type { Id, UnsignedInt } from '@typed-jmap/core'
import type { Alert } from '../jscalendar/index.js'

/**
 * The rights a user has on a Calendar, in `myRights` and per sharee in `shareWith`.
 *
 * @see draft-ietf-jmap-calendars §4
 * @example { "mayReadFreeBusy": true, "mayReadItems": true, "mayWriteAll": false, "mayWriteOwn": false,
 *   "mayUpdatePrivate": false, "mayRSVP": true, "mayShare": false, "mayDelete": false }
 */
export interface CalendarRights {
  readonly mayReadFreeBusy: boolean
  readonly mayReadItems: boolean
  readonly mayWriteAll: boolean
  readonly mayWriteOwn: boolean
  readonly mayUpdatePrivate: boolean
  readonly mayRSVP: boolean
  readonly mayShare: boolean
  readonly mayDelete: boolean
}

/** Which events of a calendar count towards the owner's availability. */
export type IncludeInAvailability = 'all' | 'attending' | 'none'

/**
 * A named collection of CalendarEvents, shareable with other Principals.
 *
 * @see draft-ietf-jmap-calendars §4
 * @example { "id": "Default", "name": "personal", "description": null, "color": null, "sortOrder": 0,
 *   "isSubscribed": true, "isVisible": true, "isDefault": true, "includeInAvailability": "all",
 *   "defaultAlertsWithTime": null, "defaultAlertsWithoutTime": null, "timeZone": null,
 *   "shareWith": null, "myRights": { "mayReadItems": true, … } }
 */
export interface Calendar {
  readonly id: Id
  readonly name: string
  readonly description: string | null
  /** A CSS color name or `#rrggbb`. */
  readonly color: string | null
  readonly sortOrder: UnsignedInt
  readonly isSubscribed: boolean
  readonly isVisible: boolean
  /**
   * Server-set; Cyrus (3.6–3.12) never sends it, so it may be missing.
   */
  readonly isDefault?: boolean
  readonly includeInAvailability: IncludeInAvailability
  readonly defaultAlertsWithTime: Readonly<Record<string, Alert>> | null
  readonly defaultAlertsWithoutTime: Readonly<Record<string, Alert>> | null
  readonly timeZone: string | null
  /** Principal id → the rights that Principal has; the owner is never in the map. */
  readonly shareWith: Readonly<Record<string, CalendarRights>> | null
  readonly myRights: CalendarRights
}

/**
 * The properties a client may set on create (the server-set `id`, `isDefault` and `myRights`
 * are left out; everything with a default is optional).
 *
 * @see draft-ietf-jmap-calendars §4.3
 * @example { "name": "Work", "color": "#3a87ad", "isSubscribed": true }
 */
export interface CalendarCreate {
  readonly name: string
  readonly description?: string | null
  readonly color?: string | null
  readonly sortOrder?: UnsignedInt
  readonly isSubscribed?: boolean
  readonly isVisible?: boolean
  readonly includeInAvailability?: IncludeInAvailability
  readonly defaultAlertsWithTime?: Readonly<Record<string, Alert>> | null
  readonly defaultAlertsWithoutTime?: Readonly<Record<string, Alert>> | null
  readonly timeZone?: string | null
  readonly shareWith?: Readonly<Record<string, Partial<CalendarRights>>> | null
}
