import { isJsonObject, type JsonObject } from '../json.js'
import { MethodError } from '../protocol/method-error.js'

/**
 * Rejects arguments the method does not define (`invalidArguments`, with the
 * offending names in `arguments`, as real servers report it).
 *
 * @see RFC 8620 §3.6.2
 */
export function rejectUnknownArguments(args: JsonObject, allowed: readonly string[]): void {
  const unknown = Object.keys(args).filter((key) => !allowed.includes(key))
  if (unknown.length > 0) {
    throw new MethodError('invalidArguments', `unknown argument(s): ${unknown.join(', ')}`, {
      arguments: unknown,
    })
  }
}

function invalid(name: string, expected: string): MethodError {
  return new MethodError('invalidArguments', `"${name}" must be ${expected}`, {
    arguments: [name],
  })
}

/** Reads a required string argument. */
export function readString(args: JsonObject, name: string): string {
  const value = args[name]
  if (typeof value !== 'string') throw invalid(name, 'a string')
  return value
}

/** Reads an optional `String|null` argument (`null` when omitted). */
export function readOptionalString(args: JsonObject, name: string): string | null {
  const value = args[name]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw invalid(name, 'a string or null')
  return value
}

/** Reads an optional `Boolean` argument with its default. */
export function readBoolean(args: JsonObject, name: string, fallback: boolean): boolean {
  const value = args[name]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean') throw invalid(name, 'a boolean')
  return value
}

/** Reads an optional `Int` argument with its default. */
export function readInt(args: JsonObject, name: string, fallback: number): number {
  const value = args[name]
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(name, 'an Int')
  return value
}

/** Reads an optional `UnsignedInt|null` argument; `positive` also rejects 0. */
export function readUnsignedInt(args: JsonObject, name: string, positive = false): number | null {
  const value = args[name]
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (positive ? 1 : 0)) {
    throw invalid(name, positive ? 'a positive integer' : 'an UnsignedInt')
  }
  return value
}

/** Reads an optional `String[]|null` argument. */
export function readStringList(args: JsonObject, name: string): string[] | null {
  const value = args[name]
  if (value === undefined || value === null) return null
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalid(name, 'an array of strings or null')
  }
  return value as string[]
}

/** Reads an optional `String[*]|null` map argument. */
export function readObjectMap(args: JsonObject, name: string): JsonObject | null {
  const value = args[name]
  if (value === undefined || value === null) return null
  if (!isJsonObject(value)) throw invalid(name, 'an object or null')
  return value
}
