import { cloneJson, isJsonObject, type JsonObject } from '../json.js'
import { RecordRejectedError } from './record-rejected-error.js'

function unescapeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~')
}

/**
 * Applies a PatchObject to a record and returns the patched copy; throws an
 * `invalidPatch` SetError when a pointer goes into an array, crosses a missing
 * parent, or is the prefix of another pointer.
 *
 * @see RFC 8620 §5.3
 * @example applyPatchObject({ keywords: {} }, { "keywords/$seen": true }) // { keywords: { $seen: true } }
 */
export function applyPatchObject(
  record: JsonObject,
  patch: JsonObject,
  defaultOf: (property: string) => unknown = () => undefined,
): JsonObject {
  const keys = Object.keys(patch)
  for (const key of keys) {
    for (const other of keys) {
      if (other !== key && other.startsWith(`${key}/`)) {
        throw new RecordRejectedError('invalidPatch', `"${key}" is a prefix of "${other}"`)
      }
    }
  }
  const patched = cloneJson(record)
  for (const key of keys) {
    const tokens = key.split('/').map(unescapeToken)
    let parent: unknown = patched
    for (const token of tokens.slice(0, -1)) {
      if (!isJsonObject(parent) || !Object.hasOwn(parent, token)) {
        throw new RecordRejectedError('invalidPatch', `"${key}": "${token}" does not exist`)
      }
      parent = parent[token]
    }
    if (!isJsonObject(parent)) {
      throw new RecordRejectedError('invalidPatch', `"${key}" does not point into an object`)
    }
    const last = tokens[tokens.length - 1] as string
    const value = patch[key]
    if (value !== null) {
      parent[last] = cloneJson(value)
      continue
    }
    const fallback = tokens.length === 1 ? defaultOf(last) : undefined
    if (fallback === undefined) delete parent[last]
    else parent[last] = cloneJson(fallback)
  }
  return patched
}
