import type { IdReferenceShape } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'

/**
 * Replaces `#creationId` by the real id, leaving unknown references as they
 * are so validation rejects them as a foreign key that does not exist.
 *
 * @see RFC 8620 §5.3
 * @example resolveCreationId('#mb1', new Map([['mb1', 'M7']])) // 'M7'
 */
export function resolveCreationId(
  value: unknown,
  createdIds: ReadonlyMap<string, string>,
): unknown {
  if (typeof value !== 'string' || !value.startsWith('#')) return value
  return createdIds.get(value.slice(1)) ?? value
}

/** Replaces creation-id references in one property value of the given shape. */
export function resolveReferencesInValue(
  value: unknown,
  shape: IdReferenceShape,
  createdIds: ReadonlyMap<string, string>,
): unknown {
  if (shape === 'id') return resolveCreationId(value, createdIds)
  if (shape === 'idList') {
    return Array.isArray(value) ? value.map((item) => resolveCreationId(item, createdIds)) : value
  }
  if (!isJsonObject(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      resolveCreationId(key, createdIds) as string,
      item,
    ]),
  )
}

/** Replaces creation-id references in every id-holding property of a record. */
export function resolveReferencesInRecord(
  record: JsonObject,
  shapes: Readonly<Record<string, IdReferenceShape>>,
  createdIds: ReadonlyMap<string, string>,
): JsonObject {
  const resolved: JsonObject = { ...record }
  for (const [property, shape] of Object.entries(shapes)) {
    if (Object.hasOwn(resolved, property)) {
      resolved[property] = resolveReferencesInValue(resolved[property], shape, createdIds)
    }
  }
  return resolved
}

/**
 * Replaces creation-id references in a PatchObject: in values of id-holding
 * properties and in pointer keys such as `mailboxIds/#mb1`.
 */
export function resolveReferencesInPatch(
  patch: JsonObject,
  shapes: Readonly<Record<string, IdReferenceShape>>,
  createdIds: ReadonlyMap<string, string>,
): JsonObject {
  const resolved: JsonObject = {}
  for (const [key, value] of Object.entries(patch)) {
    const [property = '', second, ...rest] = key.split('/')
    const shape = shapes[property]
    if (shape === 'idMap' && second !== undefined) {
      const id = resolveCreationId(second, createdIds) as string
      resolved[[property, id, ...rest].join('/')] = value
    } else if (shape !== undefined && second === undefined) {
      resolved[key] = resolveReferencesInValue(value, shape, createdIds)
    } else {
      resolved[key] = value
    }
  }
  return resolved
}

/** The creation ids (without `#`) a record refers to through its id-holding properties. */
export function referencedCreationIds(
  record: JsonObject,
  shapes: Readonly<Record<string, IdReferenceShape>>,
): string[] {
  const found: string[] = []
  const note = (value: unknown): void => {
    if (typeof value === 'string' && value.startsWith('#')) found.push(value.slice(1))
  }
  for (const [property, shape] of Object.entries(shapes)) {
    const value = record[property]
    if (shape === 'id') note(value)
    else if (shape === 'idList' && Array.isArray(value)) value.forEach(note)
    else if (shape === 'idMap' && isJsonObject(value)) Object.keys(value).forEach(note)
  }
  return found
}
