import {
  type CapabilityDefinition,
  defineCapability,
  type GetMethod,
  getResponseSchema,
  type Identified,
  type SetMethod,
  setResponseSchema,
  type UTCDate,
} from '@typed-jmap/core'
import {
  type MaskedEmail,
  type MaskedEmailCreate,
  MaskedEmailSchema,
  type MaskedEmailState,
  maskedEmailCapability,
} from './masked-email.js'

/**
 * `MaskedEmail/get`: a standard `/get` (`ids: null` lists every address).
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export interface MaskedEmailGetMethod
  extends GetMethod<typeof maskedEmailCapability, MaskedEmail> {}

/**
 * What the server returns for a created masked address.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export interface MaskedEmailCreated extends Identified {
  readonly email: string
  readonly createdAt?: UTCDate
  readonly state?: MaskedEmailState
}

/**
 * `MaskedEmail/set`: a standard `/set`; creation takes {@link MaskedEmailCreate}.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export interface MaskedEmailSetMethod
  extends SetMethod<
    typeof maskedEmailCapability,
    MaskedEmail,
    MaskedEmailCreate,
    MaskedEmailCreated
  > {}

/**
 * The methods this package registers.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export interface MaskedEmailMethods {
  'MaskedEmail/get': MaskedEmailGetMethod
  'MaskedEmail/set': MaskedEmailSetMethod
}

// The whole registration: one block, no change to core.
declare module '@typed-jmap/core' {
  interface Methods extends MaskedEmailMethods {}
  interface Capabilities {
    'https://www.fastmail.com/dev/maskedemail': { readonly session: {}; readonly account: {} }
  }
}

/**
 * The runtime table of MaskedEmail: pass it to `createClient`.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 * @example createClient({ sessionUrl, auth, capabilities: [maskedEmail] })
 */
export const maskedEmail: CapabilityDefinition<typeof maskedEmailCapability, MaskedEmailMethods> =
  defineCapability<typeof maskedEmailCapability, MaskedEmailMethods>({
    urn: maskedEmailCapability,
    methods: {
      'MaskedEmail/get': { response: getResponseSchema(MaskedEmailSchema) },
      'MaskedEmail/set': { response: setResponseSchema(MaskedEmailSchema) },
    },
  })
