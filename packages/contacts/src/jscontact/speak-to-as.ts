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
 * Pronouns the contact uses for themselves.
 *
 * @see RFC 9553 §2.2.4
 * @example { "pronouns": "they/them", "pref": 2 }
 */
export interface Pronouns extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'Pronouns'
  readonly pronouns: string
  readonly contexts?: Contexts
  readonly pref?: Pref
}

/**
 * Validates {@link Pronouns}.
 *
 * @see RFC 9553 §2.2.4
 */
export const PronounsSchema: v.GenericSchema<unknown, Pronouns> = v.looseObject({
  '@type': typeMarker('Pronouns'),
  pronouns: v.string(),
  contexts: v.exactOptional(ContextsSchema),
  pref: v.exactOptional(PrefSchema),
  ...vCardOriginEntries,
})

/**
 * The grammatical gender to use in salutations.
 *
 * @see RFC 9553 §2.2.4
 * @example "neuter"
 */
export type GrammaticalGender =
  | 'animate'
  | 'common'
  | 'feminine'
  | 'inanimate'
  | 'masculine'
  | 'neuter'
  | (string & {})

/**
 * How to address or refer to the entity; `grammaticalGender` or `pronouns` is set.
 *
 * @see RFC 9553 §2.2.4
 * @example { "grammaticalGender": "neuter", "pronouns": { "k19": { "pronouns": "they/them" } } }
 */
export interface SpeakToAs extends VendorProperties, VCardOrigin {
  readonly '@type'?: 'SpeakToAs'
  readonly grammaticalGender?: GrammaticalGender
  readonly pronouns?: Readonly<Record<string, Pronouns>>
}

/**
 * Validates a {@link SpeakToAs}.
 *
 * @see RFC 9553 §2.2.4
 */
export const SpeakToAsSchema: v.GenericSchema<unknown, SpeakToAs> = v.pipe(
  v.looseObject({
    '@type': typeMarker('SpeakToAs'),
    grammaticalGender: v.exactOptional(v.string()),
    pronouns: v.exactOptional(v.record(v.string(), PronounsSchema)),
    ...vCardOriginEntries,
  }),
  v.check(
    (speakToAs) => speakToAs.grammaticalGender !== undefined || speakToAs.pronouns !== undefined,
    'a SpeakToAs needs grammaticalGender or pronouns',
  ),
)
