import * as v from 'valibot'
import {
  typeMarker,
  UnsignedIntSchema,
  type UTCDateTime,
  UTCDateTimeSchema,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * Who wrote a note; `name` or `uri` is set.
 *
 * @see RFC 9553 §2.8.3
 * @example { "name": "John" }
 */
export interface Author extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Author'
  readonly name?: string
  readonly uri?: string
}

/**
 * Validates an {@link Author}.
 *
 * @see RFC 9553 §2.8.3
 */
export const AuthorSchema: v.GenericSchema<unknown, Author> = v.pipe(
  v.looseObject({
    '@type': typeMarker('Author'),
    name: v.exactOptional(v.string()),
    uri: v.exactOptional(v.string()),
    ...vCardOriginEntries,
  }),
  v.check(
    (author) => author.name !== undefined || author.uri !== undefined,
    'an Author needs a name or a uri',
  ),
)

/**
 * A free-text note about the entity.
 *
 * @see RFC 9553 §2.8.3
 * @example { "note": "Office hours are from 0800 to 1715 EST, Mon-Fri.", "created": "2022-11-23T15:01:32Z", "author": { "name": "John" } }
 */
export interface Note extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Note'
  readonly note: string
  readonly created?: UTCDateTime
  readonly author?: Author
}

/**
 * Validates a {@link Note}.
 *
 * @see RFC 9553 §2.8.3
 */
export const NoteSchema: v.GenericSchema<unknown, Note> = v.looseObject({
  '@type': typeMarker('Note'),
  note: v.string(),
  created: v.exactOptional(UTCDateTimeSchema),
  author: v.exactOptional(AuthorSchema),
  ...vCardOriginEntries,
})

/**
 * An expertise, hobby or interest of the entity.
 *
 * @see RFC 9553 §2.8.4
 * @example { "kind": "expertise", "value": "Chemistry", "level": "high" }
 */
export interface PersonalInfo extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'PersonalInfo'
  readonly kind: 'expertise' | 'hobby' | 'interest' | (string & {})
  readonly value: string
  readonly level?: 'high' | 'medium' | 'low' | (string & {})
  /** The position among the other personal information (lower first). */
  readonly listAs?: number
  readonly label?: string
}

/**
 * Validates a {@link PersonalInfo}.
 *
 * @see RFC 9553 §2.8.4
 */
export const PersonalInfoSchema: v.GenericSchema<unknown, PersonalInfo> = v.looseObject({
  '@type': typeMarker('PersonalInfo'),
  kind: v.string(),
  value: v.string(),
  level: v.exactOptional(v.string()),
  listAs: v.exactOptional(UnsignedIntSchema),
  label: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * How another Card relates to this one, by relation types (`friend`, `spouse`, `colleague`, …).
 *
 * @see RFC 9553 §2.1.8
 * @example { "relation": { "friend": true } }
 */
export interface Relation extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Relation'
  readonly relation?: Readonly<Record<string, true>>
}

/**
 * Validates a {@link Relation}.
 *
 * @see RFC 9553 §2.1.8
 */
export const RelationSchema: v.GenericSchema<unknown, Relation> = v.looseObject({
  '@type': typeMarker('Relation'),
  relation: v.exactOptional(v.record(v.string(), v.literal(true))),
  ...vCardOriginEntries,
})
