import type { ChangesMethod, GetMethod, QueryChangesMethod, QueryMethod } from '@typed-jmap/core'
import type { PRINCIPALS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { DestroyOnlySetMethod } from '../destroy-only-set/destroy-only-set-method.js'
import type { ShareNotification, ShareNotificationFilterCondition } from './share-notification.js'

/**
 * `ShareNotification/get`.
 *
 * @see RFC 9670 §4.1
 * @example ["ShareNotification/get", { "accountId": "test", "ids": null }, "c0"]
 */
export interface ShareNotificationGetMethod
  extends GetMethod<typeof PRINCIPALS_CAPABILITY, ShareNotification> {}

/**
 * `ShareNotification/changes`.
 *
 * @see RFC 9670 §4.2
 * @example ["ShareNotification/changes", { "accountId": "test", "sinceState": "1" }, "c0"]
 */
export interface ShareNotificationChangesMethod
  extends ChangesMethod<typeof PRINCIPALS_CAPABILITY> {}

/**
 * `ShareNotification/set`: destroy only (dismissing notifications); create and update are
 * refused by the server with `forbidden`, so they do not type-check.
 *
 * @see RFC 9670 §4.3
 * @example ["ShareNotification/set", { "accountId": "test", "destroy": ["sn1"] }, "c0"]
 */
export interface ShareNotificationSetMethod
  extends DestroyOnlySetMethod<typeof PRINCIPALS_CAPABILITY, ShareNotification> {}

/**
 * `ShareNotification/query`: filter by creation time, object type and account; sort by `created`.
 *
 * @see RFC 9670 §4.4
 * @example ["ShareNotification/query", { "accountId": "test", "filter": { "objectType": "Calendar" }, "sort": [{ "property": "created" }] }, "c0"]
 */
export interface ShareNotificationQueryMethod
  extends QueryMethod<typeof PRINCIPALS_CAPABILITY, ShareNotificationFilterCondition, 'created'> {}

/**
 * `ShareNotification/queryChanges`.
 *
 * @see RFC 9670 §4.5
 * @example ["ShareNotification/queryChanges", { "accountId": "test", "sinceQueryState": "1" }, "c0"]
 */
export interface ShareNotificationQueryChangesMethod
  extends QueryChangesMethod<
    typeof PRINCIPALS_CAPABILITY,
    ShareNotificationFilterCondition,
    'created'
  > {}
