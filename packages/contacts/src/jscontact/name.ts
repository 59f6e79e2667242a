import * as v from 'valibot'
import {
  type Contexts,
  ContextsSchema,
  type Pref,
  PrefSchema,
  typeMarker,
  type VCardOrigin,
  type VendorProperties,
  vCardOriginEntries,
} from './common.js'

/**
 * The kind of a name component. Unknown kinds a producer sends are kept.
 *
 * @see RFC 9553 §2.2.1.2
 * @example "given"
 */
export type NameComponentKind =
  | 'title'
  | 'given'
  | 'given2'
  | 'surname'
  | 'surname2'
  | 'credential'
  | 'generation'
  | 'separator'
  | (string & {})

/**
 * One part of a name: a given name, a surname, a title, a separator.
 *
 * @see RFC 9553 §2.2.1.2
 * @example { "kind": "surname", "value": "van Gogh" }
 */
export interface NameComponent extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'NameComponent'
  readonly value: string
  readonly kind: NameComponentKind
  /** How the value is pronounced (needs `phoneticSystem` or `phoneticScript` on the Name). */
  readonly phonetic?: string
}

/**
 * Validates a {@link NameComponent}.
 *
 * @see RFC 9553 §2.2.1.2
 */
export const NameComponentSchema: v.GenericSchema<unknown, NameComponent> = v.looseObject({
  '@type': typeMarker('NameComponent'),
  value: v.string(),
  kind: v.string(),
  phonetic: v.exactOptional(v.string()),
  ...vCardOriginEntries,
})

/**
 * The name of the entity a Card represents: its components, or its full form, or both.
 *
 * @see RFC 9553 §2.2.1.1
 * @example { "components": [{ "kind": "given", "value": "Joe" }, { "kind": "surname", "value": "Bloggs" }], "isOrdered": true }
 */
export interface Name extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Name'
  /** Mandatory when `full` is not set. */
  readonly components?: readonly NameComponent[]
  /** Whether joining the components in order gives the full name (default false). */
  readonly isOrdered?: boolean
  readonly defaultSeparator?: string
  readonly full?: string
  /** Sort strings by component kind. */
  readonly sortAs?: Readonly<Partial<Record<NameComponentKind, string>>>
  readonly phoneticScript?: string
  /** `ipa`, `jyut`, `piny` or another registered system. */
  readonly phoneticSystem?: string
}

/**
 * Validates a {@link Name}: it must have `components` or `full`.
 *
 * @see RFC 9553 §2.2.1.1
 */
export const NameSchema: v.GenericSchema<unknown, Name> = v.pipe(
  v.looseObject({
    '@type': typeMarker('Name'),
    components: v.exactOptional(v.array(NameComponentSchema)),
    isOrdered: v.exactOptional(v.boolean()),
    defaultSeparator: v.exactOptional(v.string()),
    full: v.exactOptional(v.string()),
    sortAs: v.exactOptional(v.record(v.string(), v.string())),
    phoneticScript: v.exactOptional(v.string()),
    phoneticSystem: v.exactOptional(v.string()),
    ...vCardOriginEntries,
  }),
  v.check(
    (name) => name.components !== undefined || name.full !== undefined,
    'a Name needs components or full',
  ),
)

/**
 * A nickname of the entity.
 *
 * @see RFC 9553 §2.2.2
 * @example { "name": "Johnny" }
 */
export interface Nickname extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Nickname'
  readonly name: string
  readonly contexts?: Contexts
  readonly pref?: Pref
}

/**
 * Validates a {@link Nickname}.
 *
 * @see RFC 9553 §2.2.2
 */
export const NicknameSchema: v.GenericSchema<unknown, Nickname> = v.looseObject({
  '@type': typeMarker('Nickname'),
  name: v.string(),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  ...vCardOriginEntries,
})
