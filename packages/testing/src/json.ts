/**
 * A JSON object as it travels on the wire; the server treats records and
 * arguments as plain JSON and validates them per data type.
 *
 * @see RFC 8620 §1.5
 */
export type JsonObject = Record<string, unknown>

/**
 * Tells a plain JSON object (not an array, not null) apart from other JSON values.
 *
 * @example isJsonObject({ "a": 1 }) // true
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Copies a JSON value so stored records never share structure with callers.
 *
 * @example cloneJson({ "keywords": { "$seen": true } })
 */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

/**
 * Compares two JSON values structurally (key order does not matter).
 *
 * @example jsonEqual({ "a": 1, "b": 2 }, { "b": 2, "a": 1 }) // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]))
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
    )
  }
  return false
}
