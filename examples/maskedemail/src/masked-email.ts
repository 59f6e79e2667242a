import { type Id, IdSchema, type UTCDate, UTCDateSchema } from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The capability URN of Fastmail's masked email addresses.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export const maskedEmailCapability = 'https://www.fastmail.com/dev/maskedemail'

/**
 * The lifecycle state of a masked address: `pending` until it receives mail
 * (deleted after 24 h if it never does), then `enabled`, `disabled` (mail goes
 * to trash) or `deleted` (mail is rejected).
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export type MaskedEmailState = 'pending' | 'enabled' | 'disabled' | 'deleted'

/**
 * A masked email address: a generated address forwarding to the account.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 * @example { "id": "masked-1", "email": "abc.def@fastmail.com", "state": "enabled", "forDomain": "https://shop.example", "description": "Shop", "url": null, "createdAt": "2024-01-01T00:00:00Z", "createdBy": "app", "lastMessageAt": null }
 */
export interface MaskedEmail {
  /** The id of the masked address. */
  readonly id: Id
  /** The address itself (server-set). */
  readonly email: string
  /** Its state. */
  readonly state: MaskedEmailState
  /** The origin of the site the address was made for, e.g. `https://shop.example`. */
  readonly forDomain: string
  /** A note for the user. */
  readonly description: string
  /** A deep link to the account on the site, if any. */
  readonly url: string | null
  /** When the address last received mail (server-set). */
  readonly lastMessageAt: UTCDate | null
  /** When the address was made (server-set). */
  readonly createdAt: UTCDate
  /** The name of the client that made it (server-set). */
  readonly createdBy: string
}

/**
 * The valibot schema of {@link MaskedEmail}.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export const MaskedEmailSchema: v.GenericSchema<unknown, MaskedEmail> = v.looseObject({
  id: IdSchema,
  email: v.string(),
  state: v.picklist(['pending', 'enabled', 'disabled', 'deleted']),
  forDomain: v.string(),
  description: v.string(),
  url: v.nullable(v.string()),
  lastMessageAt: v.nullable(UTCDateSchema),
  createdAt: UTCDateSchema,
  createdBy: v.string(),
})

/**
 * What a client may set when it creates a masked address; `emailPrefix` asks
 * for an address starting with it.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 * @example { "forDomain": "https://shop.example", "state": "enabled", "emailPrefix": "shop" }
 */
export interface MaskedEmailCreate {
  readonly state?: MaskedEmailState
  readonly forDomain?: string
  readonly description?: string
  readonly url?: string | null
  /** Up to 64 characters of `a–z`, `0–9` and `_`. */
  readonly emailPrefix?: string
}
