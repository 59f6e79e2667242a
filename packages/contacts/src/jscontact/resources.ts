import * as v from 'valibot'
import {
  type Contexts,
  ContextsSchema,
  type Pref,
  PrefSchema,
  typeMarker,
  UnsignedIntSchema,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * What every resource (calendar, key, directory, link, media) has: a URI and how to use it.
 *
 * @see RFC 9553 §1.4.4
 * @example { "uri": "https://example.com/calA", "mediaType": "text/calendar", "pref": 1 }
 */
export interface Resource extends VendorProperties, VCardOrigin {
  readonly kind?: string
  /** Mandatory in JSContact; JMAP lets a Media give `blobId` instead. */
  readonly uri: string
  readonly mediaType?: string
  readonly contexts?: Contexts
  readonly pref?: Pref
  readonly label?: string
}

function resourceEntries<const TType extends string>(type: TType) {
  return {
    '@type': typeMarker(type),
    kind: v.exactOptional(v.string()),
    uri: v.string(),
    mediaType: v.exactOptional(v.string()),
    contexts: v.exactOptional(ContextsSchema),
    pref: v.exactOptional(PrefSchema),
    label: v.exactOptional(v.string()),
    ...vCardOriginEntries,
  }
}

/**
 * A calendar of the entity, or where to look up its free/busy time.
 *
 * @see RFC 9553 §2.4.1
 * @example { "kind": "calendar", "uri": "https://cal.example.com/calA" }
 */
export interface Calendar extends Resource {
  readonly '@type'?: 'Calendar'
  readonly kind: 'calendar' | 'freeBusy' | (string & {})
}

/**
 * Validates a {@link Calendar}.
 *
 * @see RFC 9553 §2.4.1
 */
export const CalendarSchema: v.GenericSchema<unknown, Calendar> = v.looseObject({
  ...resourceEntries('Calendar'),
  kind: v.string(),
})

/**
 * A public key or certificate of the entity.
 *
 * @see RFC 9553 §2.6.1
 * @example { "uri": "https://www.example.com/keys/jdoe.cer" }
 */
export interface CryptoKey extends Resource {
  readonly '@type'?: 'CryptoKey'
}

/**
 * Validates a {@link CryptoKey}.
 *
 * @see RFC 9553 §2.6.1
 */
export const CryptoKeySchema: v.GenericSchema<unknown, CryptoKey> = v.looseObject(
  resourceEntries('CryptoKey'),
)

/**
 * A directory service the entity is in, or its entry there.
 *
 * @see RFC 9553 §2.6.2
 * @example { "kind": "entry", "uri": "https://dir.example.com/addrbook/jdoe/Jean%20Dupont.vcf" }
 */
export interface Directory extends Resource {
  readonly '@type'?: 'Directory'
  readonly kind?: 'directory' | 'entry' | (string & {})
  /** The position of this directory among the others (lower first). */
  readonly listAs?: number
}

/**
 * Validates a {@link Directory}.
 *
 * @see RFC 9553 §2.6.2
 */
export const DirectorySchema: v.GenericSchema<unknown, Directory> = v.looseObject({
  ...resourceEntries('Directory'),
  listAs: v.exactOptional(UnsignedIntSchema),
})

/**
 * A link to a web page or other resource of the entity.
 *
 * @see RFC 9553 §2.6.3
 * @example { "kind": "contact", "uri": "mailto:contact@example.com", "pref": 1 }
 */
export interface Link extends Resource {
  readonly '@type'?: 'Link'
  readonly kind?: 'contact' | (string & {})
}

/**
 * Validates a {@link Link}.
 *
 * @see RFC 9553 §2.6.3
 */
export const LinkSchema: v.GenericSchema<unknown, Link> = v.looseObject(resourceEntries('Link'))

/**
 * A photo, logo or sound of the entity. In JMAP a `data:` URI is usually given as a blob:
 * `blobId` is set and `uri` left out.
 *
 * @see RFC 9553 §2.6.4, RFC 9610 §3
 * @example { "kind": "photo", "blobId": "Gb5f55i6", "mediaType": "image/jpeg" }
 */
export interface Media extends Omit<Resource, 'uri'> {
  readonly '@type'?: 'Media'
  readonly kind: 'photo' | 'sound' | 'logo' | (string & {})
  /** Set unless `blobId` is. */
  readonly uri?: string
  /** JMAP: the blob holding the content (RFC 9610 §3). */
  readonly blobId?: string
}

/**
 * Validates a {@link Media}: it must have a `uri` or a `blobId`.
 *
 * @see RFC 9553 §2.6.4, RFC 9610 §3
 */
export const MediaSchema: v.GenericSchema<unknown, Media> = v.pipe(
  v.looseObject({
    ...resourceEntries('Media'),
    kind: v.string(),
    uri: v.exactOptional(v.string()),
    blobId: v.exactOptional(v.string()),
  }),
  v.check(
    (media) => media.uri !== undefined || media.blobId !== undefined,
    'a Media needs a uri or a blobId',
  ),
)
