import {
  type GetResponseSchemaOptions,
  getResponseSchema,
  type ResponseSchema,
  type ResponseSchemaFactory,
} from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * A `/get` response schema that first brings every record of `list` into the standard shape
 * (`normalise`, e.g. Cyrus's spellings) and then checks it against `objectSchema`, narrowed
 * to the call's `properties` as core's `getResponseSchema` does.
 *
 * @see RFC 8620 §5.1
 * @example normalisedGetResponseSchema(CalendarSchema, normaliseCalendarWire)({ properties: ['name'] })
 */
export function normalisedGetResponseSchema(
  objectSchema: ResponseSchema,
  normalise: (wire: unknown) => unknown,
  options: GetResponseSchemaOptions = {},
): ResponseSchemaFactory {
  const standard = getResponseSchema(objectSchema, options)
  const normaliseList = v.transform((response: unknown) => normaliseListOf(response, normalise))
  return (args) => v.pipe(v.unknown(), normaliseList, standard(args))
}

/**
 * Applies a record normalisation to every element of a response's `list`.
 *
 * @example normaliseListOf({ list: [{ sendTo: { imip: 'mailto:a@b' } }] }, normaliseParticipantIdentityWire)
 */
export function normaliseListOf(response: unknown, normalise: (wire: unknown) => unknown): unknown {
  if (typeof response !== 'object' || response === null) return response
  const list = (response as { readonly list?: unknown }).list
  if (!Array.isArray(list)) return response
  return { ...response, list: list.map(normalise) }
}
