import type { ChangesMethod, GetMethod, Id, Identified, SetMethod } from '@typed-jmap/core'
import type { CALENDARS_CAPABILITY } from '../capabilities/capability-urns.js'
import type { ParticipantIdentity, ParticipantIdentityCreate } from './participant-identity.js'

/**
 * `ParticipantIdentity/get`: `ids` may be null to fetch them all.
 *
 * @see draft-ietf-jmap-calendars §3.1
 * @example ["ParticipantIdentity/get", { "accountId": "test" }, "c0"]
 */
export interface ParticipantIdentityGetMethod
  extends GetMethod<typeof CALENDARS_CAPABILITY, ParticipantIdentity> {}

/**
 * `ParticipantIdentity/changes`.
 *
 * @see draft-ietf-jmap-calendars §3.2
 * @example ["ParticipantIdentity/changes", { "accountId": "test", "sinceState": "75" }, "c0"]
 */
export interface ParticipantIdentityChangesMethod
  extends ChangesMethod<typeof CALENDARS_CAPABILITY> {}

/**
 * The argument `ParticipantIdentity/set` adds to a standard `/set`.
 *
 * @see draft-ietf-jmap-calendars §3.3
 * @example { "onSuccessSetIsDefault": "#work" }
 */
export interface ParticipantIdentitySetExtraArguments {
  readonly onSuccessSetIsDefault?: Id | `#${string}` | null
}

/**
 * `ParticipantIdentity/set`.
 *
 * @see draft-ietf-jmap-calendars §3.3
 * @example ["ParticipantIdentity/set", { "accountId": "test", "create": { "work": { "calendarAddress": "mailto:me@work.example" } } }, "c0"]
 */
export interface ParticipantIdentitySetMethod
  extends SetMethod<
    typeof CALENDARS_CAPABILITY,
    ParticipantIdentity,
    ParticipantIdentityCreate,
    Partial<ParticipantIdentity> & Identified,
    ParticipantIdentitySetExtraArguments
  > {}
