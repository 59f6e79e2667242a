/**
 * vCard ⇄ JSContact conversion (RFC 9555) on ical.js's vCard parser, kept out of the main entry
 * so `@typed-jmap/contacts` does not pull in ical.js. vCard 3.0 and 4.0 are read (2.1 leniently),
 * vCard 4.0 is written; what one format cannot say travels in the other's `vCardProps` /
 * `vCardParams` or JSPROP, so a round trip gives back what went in.
 *
 * @example
 * import { vcardToJSContact, jscontactToVCard } from '@typed-jmap/contacts/vcard'
 * const { cards, warnings } = vcardToJSContact(vcfText) // [{ "@type": "Card", "uid": "…", … }]
 * const vcf = jscontactToVCard(cards[0])               // "BEGIN:VCARD\r\nVERSION:4.0\r\n…"
 *
 * @module @typed-jmap/contacts/vcard
 */
export {
  jscontactToVCard,
  type VCardConversion,
  vcardToJSContact,
} from './convert.js'
export { vcardCodec } from './vcard-codec.js'
export {
  isVCardParseError,
  VCardParseError,
  type VCardWarning,
} from './vcard-parse-error.js'
