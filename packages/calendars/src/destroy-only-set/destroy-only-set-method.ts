import type { Id, Identified, SetResponse } from '@typed-jmap/core'

/**
 * The arguments of a `/set` on a server-created type that clients may only destroy
 * (ShareNotification, CalendarEventNotification): no `create`, no `update`.
 *
 * @see RFC 9670 §4.3
 * @example { "accountId": "test", "destroy": ["n1", "n2"] }
 */
export interface DestroyOnlySetArguments {
  readonly accountId: string
  readonly ifInState?: string | null
  readonly destroy: readonly Id[]
}

/**
 * Witness of a destroy-only `/set`: creating or updating is a compile error rather than a
 * `forbidden` SetError at run time.
 *
 * @see RFC 9670 §4.3
 * @example interface ShareNotificationSetMethod extends DestroyOnlySetMethod<'urn:ietf:params:jmap:principals', ShareNotification> {}
 */
export interface DestroyOnlySetMethod<TCapability extends string, TObject extends Identified> {
  readonly capability: TCapability
  readonly args: DestroyOnlySetArguments
  readonly response: SetResponse<never, TObject>
  readonly '~args': unknown
  readonly '~object': TObject
}
