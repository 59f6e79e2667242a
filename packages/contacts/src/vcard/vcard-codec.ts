import type { VCardCodec } from '../contacts-api/contacts-api.js'
import { jscontactToVCard, vcardToJSContact } from './convert.js'

/**
 * The vCard codec the contacts API takes for `addVCard` and `exportVCard`: RFC 9555 reading and
 * writing from this module, handed over explicitly so the main entry never loads ical.js.
 *
 * @see RFC 9555
 * @example createContactsApi({ sessionUrl, auth, vcard: vcardCodec })
 */
export const vcardCodec: VCardCodec = { read: vcardToJSContact, write: jscontactToVCard }
