import { IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import type { Principal } from './principal.js'
import { normalisePrincipalWire } from './principal-wire.js'

const PrincipalCalendarsCapabilitySchema = v.looseObject({
  accountId: v.nullable(IdSchema),
  mayGetAvailability: v.boolean(),
  mayShareWith: v.exactOptional(v.boolean()),
  calendarAddress: v.exactOptional(v.string()),
  sendTo: v.exactOptional(v.nullable(v.record(v.string(), v.string()))),
})

/**
 * The valibot schema of a {@link Principal} in the standard shape.
 *
 * @see RFC 9670 §3
 */
export const PrincipalSchema: v.GenericSchema<unknown, Principal> = v.looseObject({
  id: IdSchema,
  type: v.picklist(['individual', 'group', 'resource', 'location', 'other']),
  name: v.string(),
  description: v.nullable(v.string()),
  email: v.nullable(v.string()),
  timeZone: v.nullable(v.string()),
  capabilities: v.looseObject({
    'urn:ietf:params:jmap:calendars': v.exactOptional(PrincipalCalendarsCapabilitySchema),
  }),
  accounts: v.nullable(
    v.record(
      v.string(),
      v.looseObject({
        name: v.string(),
        isPersonal: v.boolean(),
        isReadOnly: v.boolean(),
        accountCapabilities: v.record(v.string(), v.unknown()),
      }),
    ),
  ),
})

/**
 * The valibot schema of a {@link Principal}.
 *
 * @see RFC 9670 §3
 * @example v.parse(PrincipalWireSchema, { id: 'bob', type: 'individual', name: 'Bob', … })
 */
export const PrincipalWireSchema: v.GenericSchema<unknown, Principal> = v.pipe(
  v.unknown(),
  v.transform(normalisePrincipalWire),
  PrincipalSchema,
)
