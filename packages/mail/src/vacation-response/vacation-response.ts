import type { PropertySchemas } from '@typed-jmap/core'
import { Id, IdSchema, type UTCDate, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The automatic reply of an account; there is exactly one, with id `"singleton"`.
 *
 * @see RFC 8621 §8
 * @example { "id": "singleton", "isEnabled": true, "fromDate": "2014-10-30T14:12:00Z", "toDate": "2014-11-05T09:00:00Z", "subject": "I am away", "textBody": "Back soon.", "htmlBody": null }
 */
export interface VacationResponse {
  /** Always `"singleton"` (see `vacationResponseId`). */
  readonly id: Id
  readonly isEnabled: boolean
  readonly fromDate: UTCDate | null
  readonly toDate: UTCDate | null
  readonly subject: string | null
  readonly textBody: string | null
  readonly htmlBody: string | null
}

/**
 * The id of the one VacationResponse of an account, for `ids` and `update`.
 *
 * @see RFC 8621 §8
 * @example { "update": { "singleton": { "isEnabled": false } } }
 */
export const vacationResponseId: Id = Id('singleton')

/**
 * The schema of each VacationResponse property; absent nullable ones read as null.
 *
 * @see RFC 8621 §8
 */
export const vacationResponsePropertySchemas: PropertySchemas<VacationResponse> = {
  id: v.pipe(
    IdSchema,
    v.check((id) => id === 'singleton', 'the VacationResponse id is "singleton"'),
  ),
  isEnabled: v.boolean(),
  fromDate: v.optional(v.nullable(UTCDateSchema), null),
  toDate: v.optional(v.nullable(UTCDateSchema), null),
  subject: v.optional(v.nullable(v.string()), null),
  textBody: v.optional(v.nullable(v.string()), null),
  htmlBody: v.optional(v.nullable(v.string()), null),
}

/**
 * Validates a VacationResponse; unknown properties are kept.
 *
 * @see RFC 8621 §8
 */
export const VacationResponseSchema: v.GenericSchema<unknown, VacationResponse> = v.looseObject(
  vacationResponsePropertySchemas,
)
