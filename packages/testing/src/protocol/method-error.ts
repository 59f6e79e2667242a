import type { JsonObject } from '../json.js'

/**
 * A method-level error: the server answers the call with `["error", {type, …}, callId]`
 * and leaves its state unchanged.
 *
 * @see RFC 8620 §3.6.2
 * @example ["error", { "type": "invalidArguments", "description": "ids must be an array" }, "c1"]
 */
export class MethodError extends Error {
  override readonly name = 'MethodError'
  /** The JMAP error type, e.g. `invalidArguments`. */
  readonly type: string
  /** Extra properties of the error object besides `type` (e.g. `description`). */
  readonly properties: JsonObject

  constructor(type: string, description?: string, properties: JsonObject = {}, cause?: unknown) {
    super(description ?? type, cause === undefined ? undefined : { cause })
    this.type = type
    this.properties = description === undefined ? properties : { description, ...properties }
  }

  /** The error object as it goes on the wire. */
  toJSON(): JsonObject {
    return { type: this.type, ...this.properties }
  }
}

/**
 * Tells whether a value is a {@link MethodError}.
 *
 * @example if (isMethodError(e)) responses.push(['error', e.toJSON(), callId])
 */
export function isMethodError(value: unknown): value is MethodError {
  return value instanceof MethodError
}
