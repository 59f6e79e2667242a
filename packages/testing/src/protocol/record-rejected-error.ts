import type { JsonObject } from '../json.js'

/**
 * One record of a /set, /copy or import was rejected with a SetError; the
 * method goes on with the next record.
 *
 * @see RFC 8620 §5.3
 * @example { "type": "invalidProperties", "properties": ["name"] }
 */
export class RecordRejectedError extends Error {
  override readonly name = 'RecordRejectedError'
  /** The SetError type, e.g. `notFound`. */
  readonly type: string
  /** Extra SetError properties (`properties`, `existingId`, …). */
  readonly properties: JsonObject

  constructor(type: string, description?: string, properties: JsonObject = {}) {
    super(description ?? type)
    this.type = type
    this.properties = description === undefined ? properties : { description, ...properties }
  }

  /** The SetError object as it goes on the wire. */
  toJSON(): JsonObject {
    return { type: this.type, ...this.properties }
  }
}

/**
 * Tells whether a value is a {@link RecordRejectedError}.
 *
 * @example if (isRecordRejectedError(e)) notCreated[cid] = e.toJSON()
 */
export function isRecordRejectedError(value: unknown): value is RecordRejectedError {
  return value instanceof RecordRejectedError
}

/**
 * Builds the `invalidProperties` SetError naming the offending properties.
 *
 * @see RFC 8620 §5.3
 * @example invalidProperties(['name']) // { type: 'invalidProperties', properties: ['name'] }
 */
export function invalidProperties(
  properties: readonly string[],
  description?: string,
): RecordRejectedError {
  return new RecordRejectedError('invalidProperties', description, { properties: [...properties] })
}
