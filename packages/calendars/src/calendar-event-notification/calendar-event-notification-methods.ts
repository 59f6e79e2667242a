import type { ChangesMethod, GetMethod, QueryChangesMethod, QueryMethod } from '@typed-jmap/core'
import type { CALENDARS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { DestroyOnlySetMethod } from '../destroy-only-set/destroy-only-set-method.js'
import type {
  CalendarEventNotification,
  CalendarEventNotificationFilterCondition,
} from './calendar-event-notification.js'

/**
 * `CalendarEventNotification/get`.
 *
 * @see draft-ietf-jmap-calendars §7.1
 * @example ["CalendarEventNotification/get", { "accountId": "test" }, "n"]
 */
export interface CalendarEventNotificationGetMethod
  extends GetMethod<typeof CALENDARS_CAPABILITY, CalendarEventNotification> {}

/**
 * `CalendarEventNotification/changes`.
 *
 * @see draft-ietf-jmap-calendars §7.2
 * @example ["CalendarEventNotification/changes", { "accountId": "test", "sinceState": "73" }, "nc"]
 */
export interface CalendarEventNotificationChangesMethod
  extends ChangesMethod<typeof CALENDARS_CAPABILITY> {}

/**
 * `CalendarEventNotification/set`: destroy only (dismissing); anything else is `forbidden`
 * on the server and a compile error here.
 *
 * @see draft-ietf-jmap-calendars §7.3
 * @example ["CalendarEventNotification/set", { "accountId": "test", "destroy": ["n1"] }, "d"]
 */
export interface CalendarEventNotificationSetMethod
  extends DestroyOnlySetMethod<typeof CALENDARS_CAPABILITY, CalendarEventNotification> {}

/**
 * `CalendarEventNotification/query`: filter by creation time, type and events; sort by `created`.
 *
 * @see draft-ietf-jmap-calendars §7.4
 * @example ["CalendarEventNotification/query", { "accountId": "test", "filter": { "type": "updated" }, "sort": [{ "property": "created", "isAscending": false }] }, "nq"]
 */
export interface CalendarEventNotificationQueryMethod
  extends QueryMethod<
    typeof CALENDARS_CAPABILITY,
    CalendarEventNotificationFilterCondition,
    'created'
  > {}

/**
 * `CalendarEventNotification/queryChanges`.
 *
 * @see draft-ietf-jmap-calendars §7.5
 * @example ["CalendarEventNotification/queryChanges", { "accountId": "test", "sinceQueryState": "73" }, "nqc"]
 */
export interface CalendarEventNotificationQueryChangesMethod
  extends QueryChangesMethod<
    typeof CALENDARS_CAPABILITY,
    CalendarEventNotificationFilterCondition,
    'created'
  > {}
