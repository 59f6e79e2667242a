import type {
  ChangesMethod,
  GetMethod,
  Id,
  Identified,
  QueryChangesMethod,
  QueryMethod,
  SetMethod,
  UTCDate,
} from '@typed-jmap/core'
import type {
  PRINCIPALS_AVAILABILITY_CAPABILITY,
  PRINCIPALS_CAPABILITY,
} from '../capabilities/capability-urns.js'
import type { BusyPeriod } from './busy-period.js'
import type { Principal, PrincipalFilterCondition } from './principal.js'

/**
 * `Principal/get`.
 *
 * @see RFC 9670 §3.1
 * @example ["Principal/get", { "accountId": "test", "ids": ["bob"] }, "c0"]
 */
export interface PrincipalGetMethod extends GetMethod<typeof PRINCIPALS_CAPABILITY, Principal> {}

/**
 * `Principal/changes` (directory-backed servers may always answer `cannotCalculateChanges`).
 *
 * @see RFC 9670 §3.2
 * @example ["Principal/changes", { "accountId": "test", "sinceState": "s1" }, "c0"]
 */
export interface PrincipalChangesMethod extends ChangesMethod<typeof PRINCIPALS_CAPABILITY> {}

/**
 * What a user may change on a Principal: servers that allow it at all allow `name`,
 * `description` and `timeZone` of the user's own Principal.
 *
 * @see RFC 9670 §3.3
 */
export type PrincipalUpdate = Pick<Principal, 'id' | 'name' | 'description' | 'timeZone'>

/**
 * `Principal/set` (servers may refuse any change with `forbidden`; creating is not typed).
 *
 * @see RFC 9670 §3.3
 * @example ["Principal/set", { "accountId": "test", "update": { "test": { "timeZone": "Europe/Berlin" } } }, "c0"]
 */
export interface PrincipalSetMethod
  extends SetMethod<typeof PRINCIPALS_CAPABILITY, PrincipalUpdate, never, Identified> {}

/**
 * The properties Principal/query can sort by. RFC 9670 names none; Cyrus 3.10 sorts by `id`
 * only and answers `unsupportedSort` for the others.
 *
 * @see RFC 9670 §3.4
 */
export type PrincipalSortProperty = 'id' | 'name' | 'email' | 'type'

/**
 * `Principal/query`.
 *
 * @see RFC 9670 §3.4
 * @example ["Principal/query", { "accountId": "test", "filter": { "name": "Bob" } }, "c0"]
 */
export interface PrincipalQueryMethod
  extends QueryMethod<
    typeof PRINCIPALS_CAPABILITY,
    PrincipalFilterCondition,
    PrincipalSortProperty
  > {}

/**
 * `Principal/queryChanges`.
 *
 * @see RFC 9670 §3.5
 * @example ["Principal/queryChanges", { "accountId": "test", "sinceQueryState": "q1" }, "c0"]
 */
export interface PrincipalQueryChangesMethod
  extends QueryChangesMethod<
    typeof PRINCIPALS_CAPABILITY,
    PrincipalFilterCondition,
    PrincipalSortProperty
  > {}

/**
 * Arguments of `Principal/getAvailability`.
 *
 * @see draft-ietf-jmap-calendars §2.5
 * @example { "accountId": "test", "id": "bob", "utcStart": "2030-01-14T00:00:00Z",
 *   "utcEnd": "2030-01-17T00:00:00Z", "showDetails": true }
 */
export interface PrincipalGetAvailabilityArguments {
  /** Cyrus 3.8–3.12 rejects this argument (`invalidArguments`); leave it out there. */
  readonly accountId?: string
  /** The Principal to compute availability for. */
  readonly id: Id
  readonly utcStart: UTCDate
  readonly utcEnd: UTCDate
  readonly showDetails?: boolean
  readonly eventProperties?: readonly string[] | null
}

/**
 * Response of `Principal/getAvailability`.
 *
 * @see draft-ietf-jmap-calendars §2.5
 * @example { "list": [{ "utcStart": "2030-01-15T08:00:00Z", "utcEnd": "2030-01-15T09:00:00Z", "busyStatus": "confirmed" }] }
 */
export interface PrincipalGetAvailabilityResponse {
  readonly accountId?: Id
  readonly list: BusyPeriod[]
}

/**
 * `Principal/getAvailability`: the busy periods of a Principal in a UTC range.
 *
 * @see draft-ietf-jmap-calendars §2.5
 * @example ["Principal/getAvailability", { "id": "bob", "utcStart": "2030-01-14T00:00:00Z", "utcEnd": "2030-01-17T00:00:00Z" }, "a"]
 */
export interface PrincipalGetAvailabilityMethod {
  readonly capability: typeof PRINCIPALS_AVAILABILITY_CAPABILITY
  readonly args: PrincipalGetAvailabilityArguments
  readonly response: PrincipalGetAvailabilityResponse
  readonly '~args': unknown
}
