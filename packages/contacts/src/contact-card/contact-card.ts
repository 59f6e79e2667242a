import type { PropertySchemas } from '@typed-jmap/core'
import { type Id, IdSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { type Card, cardContentSchemas } from '../jscontact/card.js'
import { StringSetSchema } from '../jscontact/common.js'

/**
 * A JSContact Card stored in a JMAP account: the Card plus its `id` and the address books it is
 * in. Media given as a blob carry a `blobId` instead of a `uri` (see `Media`).
 *
 * @see RFC 9610 §3
 * @example { "id": "3", "addressBookIds": { "062adcfa-105d-455c-bc60-6db68b69c3f3": true }, "@type": "Card", "version": "1.0", "uid": "urn:uuid:…", "name": { "components": [{ "kind": "given", "value": "Joe" }, { "kind": "surname", "value": "Bloggs" }], "isOrdered": true }, "emails": { "0": { "contexts": { "private": true }, "address": "joe.bloggs@example.com" } } }
 */
export interface ContactCard extends Card {
  readonly id: Id
  /** The address books the card is in (at least one); the only value is `true`. */
  readonly addressBookIds: Readonly<Record<Id, true>>
}

/** A property name of ContactCard, as accepted in `properties` of ContactCard/get. */
export type ContactCardProperty = keyof ContactCard & string

/**
 * The schema of each ContactCard property. `@type` and `version` read as `Card` and `1.0` when a
 * server leaves them out (RFC 9610's own example does), since no other value is possible.
 *
 * @see RFC 9610 §3
 */
export const contactCardPropertySchemas: PropertySchemas<ContactCard> = {
  ...cardContentSchemas,
  id: IdSchema,
  addressBookIds: v.pipe(
    StringSetSchema,
    v.check(
      (ids) => Object.keys(ids).length > 0,
      'a ContactCard must be in at least one address book',
    ),
  ) as v.GenericSchema<unknown, Readonly<Record<Id, true>>>,
  '@type': v.optional(v.literal('Card', '@type of a ContactCard must be "Card"'), 'Card'),
  version: v.optional(v.string(), '1.0'),
  uid: v.string(),
}

/**
 * Validates a whole ContactCard as a server sends it; unknown and vendor properties are kept.
 *
 * @see RFC 9610 §3
 */
export const ContactCardSchema: v.GenericSchema<unknown, ContactCard> = v.looseObject(
  contactCardPropertySchemas,
)
