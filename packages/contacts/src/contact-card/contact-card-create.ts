import type { Id } from '@typed-jmap/core'
import type { ContactCard } from './contact-card.js'

/**
 * The properties a client gives when creating a ContactCard: `addressBookIds` is required;
 * `@type`, `version` and `uid` may be left to the server (the contacts API fills them in).
 *
 * @see RFC 9610 §3.5
 * @example { "addressBookIds": { "AB1": true }, "@type": "Card", "version": "1.0", "name": { "full": "Jane Doe" }, "emails": { "e1": { "address": "jane@example.com" } } }
 */
export interface ContactCardCreate
  extends Partial<Omit<ContactCard, 'id' | 'addressBookIds' | '@type' | 'version' | 'uid'>> {
  readonly addressBookIds: Readonly<Record<Id, true>>
  readonly '@type'?: 'Card'
  readonly version?: '1.0' | (string & {})
  readonly uid?: string
}
