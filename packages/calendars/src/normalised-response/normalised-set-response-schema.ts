import { type ResponseSchema, setResponseSchema } from '@typed-jmap/core'
import * as v from 'valibot'
import { isObject, type JsonObject } from '../cyrus-legacy/legacy-calendar.js'

/**
 * A `/set` (or `/copy`) response schema that brings the server-set properties reported in
 * `created` and `updated` into the standard shape (`normalise`, e.g. Cyrus's `mayAdmin` or
 * RFC 8984 spellings) before core's `setResponseSchema` checks them.
 *
 * @see RFC 8620 §5.3
 * @example normalisedSetResponseSchema(CalendarSchema, normaliseCalendarWire)
 */
export function normalisedSetResponseSchema(
  objectSchema: ResponseSchema,
  normalise: (wire: unknown) => unknown,
  standard: ResponseSchema = setResponseSchema(objectSchema),
): ResponseSchema {
  const normaliseRecords = (response: unknown): unknown => {
    if (!isObject(response)) return response
    const normalised: JsonObject = { ...response }
    for (const key of ['created', 'updated']) {
      const records = response[key]
      if (!isObject(records)) continue
      const mapped: JsonObject = {}
      for (const [id, record] of Object.entries(records)) {
        mapped[id] = isObject(record) ? normalise(record) : record
      }
      normalised[key] = mapped
    }
    return normalised
  }
  return v.pipe(v.unknown(), v.transform(normaliseRecords), standard)
}
