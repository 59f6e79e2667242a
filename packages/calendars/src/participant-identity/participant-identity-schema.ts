import { IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import type { ParticipantIdentity } from './participant-identity.js'
import { normaliseParticipantIdentityWire } from './participant-identity-wire.js'

/**
 * The valibot schema of a {@link ParticipantIdentity} in the standard shape.
 *
 * @see draft-ietf-jmap-calendars §3
 */
export const ParticipantIdentitySchema: v.GenericSchema<unknown, ParticipantIdentity> =
  v.looseObject({
    id: IdSchema,
    name: v.string(),
    calendarAddress: v.string(),
    isDefault: v.exactOptional(v.boolean()),
  })

/**
 * The valibot schema of a {@link ParticipantIdentity}; Cyrus's `sendTo` map is read as
 * `calendarAddress`.
 *
 * @see draft-ietf-jmap-calendars §3
 * @example v.parse(ParticipantIdentityWireSchema, { id: '3', name: 'Jane', calendarAddress: 'mailto:jane@example.com' })
 */
export const ParticipantIdentityWireSchema: v.GenericSchema<unknown, ParticipantIdentity> = v.pipe(
  v.unknown(),
  v.transform(normaliseParticipantIdentityWire),
  ParticipantIdentitySchema,
)
