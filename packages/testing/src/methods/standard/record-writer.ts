import type { DataType, RecordContext } from '../../data-type.js'
import { cloneJson, isJsonObject, type JsonObject, jsonEqual } from '../../json.js'
import { applyPatchObject } from '../../protocol/patch-object.js'
import { invalidProperties, RecordRejectedError } from '../../protocol/record-rejected-error.js'
import { resolveReferencesInPatch, resolveReferencesInRecord } from '../creation-id.js'

function serverSetOf(type: DataType): string[] {
  return ['id', ...(type.serverSet ?? [])]
}

/**
 * Creates one record of a type: checks properties, applies defaults,
 * validates, stores, runs side effects; throws a RecordRejectedError on failure.
 * Returns the stored record.
 *
 * @see RFC 8620 §5.3
 */
export function createRecord(type: DataType, input: unknown, context: RecordContext): JsonObject {
  if (!isJsonObject(input)) throw invalidProperties([], 'a create value must be an object')
  if (type.singletonId !== undefined) throw new RecordRejectedError('singleton')
  const resolved = resolveReferencesInRecord(input, type.idReferences ?? {}, context.createdIds)
  const serverSet = serverSetOf(type)
  const bad = Object.keys(resolved).filter(
    (property) =>
      serverSet.includes(property) ||
      (!type.properties.includes(property) && !(type.isDynamicProperty?.(property) ?? false)),
  )
  if (bad.length > 0) throw invalidProperties(bad, 'server-set or unknown properties')
  const merged: JsonObject = { ...cloneJson(type.defaults ?? {}), ...cloneJson(resolved) }
  const record = type.normalize?.(merged) ?? merged
  const invalid = type.validate?.(record, context, undefined) ?? []
  if (invalid.length > 0) throw invalidProperties(invalid)
  const id = context.runtime.newId(type.idPrefix)
  const stored =
    type.create === undefined ? { ...record, id } : { ...type.create(record, context), id }
  context.account.store(type.name).create(id, stored)
  type.afterChange?.({ kind: 'created', id, before: undefined, after: stored }, context)
  return stored
}

/**
 * The `created` answer for a record: every server-set property (computed ones
 * included) and every property the client omitted and got a default for.
 *
 * @see RFC 8620 §5.3
 */
export function createdAnswer(
  type: DataType,
  stored: JsonObject,
  input: JsonObject,
  context: RecordContext,
): JsonObject {
  if (type.createdResponse !== undefined) return type.createdResponse(stored, input)
  const answer: JsonObject = { id: stored.id }
  for (const [property, value] of Object.entries(stored)) {
    if (!Object.hasOwn(input, property) && !property.startsWith('~'))
      answer[property] = cloneJson(value)
  }
  for (const property of type.serverSet ?? []) {
    const computed = type.read?.(stored, property, context)
    if (computed !== undefined) answer[property] = cloneJson(computed)
  }
  return answer
}

/**
 * Applies a PatchObject to one record; throws a RecordRejectedError on failure.
 *
 * @see RFC 8620 §5.3
 */
export function updateRecord(
  type: DataType,
  id: string,
  patch: unknown,
  context: RecordContext,
): JsonObject {
  const store = context.account.store(type.name)
  const current = store.get(id)
  if (current === undefined) {
    const target = isJsonObject(patch) ? type.unstoredWrite?.(id, patch, context) : undefined
    if (target === undefined) throw new RecordRejectedError('notFound')
    return updateRecord(type, target.id, target.patch, context)
  }
  if (!isJsonObject(patch))
    throw new RecordRejectedError('invalidPatch', 'a patch must be an object')
  const resolved = resolveReferencesInPatch(patch, type.idReferences ?? {}, context.createdIds)
  const applied = applyPatchObject(current, resolved, (property) => type.defaults?.[property])
  const patched = type.normalize?.(applied) ?? applied
  const fixed = [...serverSetOf(type), ...(type.immutable ?? [])]
  const bad = Object.keys(patched).filter(
    (property) =>
      !property.startsWith('~') &&
      ((fixed.includes(property) && !jsonEqual(patched[property], current[property])) ||
        (!type.properties.includes(property) && !(type.isDynamicProperty?.(property) ?? false))),
  )
  const removedFixed = fixed.filter((property) => property in current && !(property in patched))
  if (bad.length + removedFixed.length > 0) {
    throw invalidProperties(
      [...bad, ...removedFixed],
      'server-set, immutable or unknown properties',
    )
  }
  const invalid = type.validate?.(patched, context, current) ?? []
  if (invalid.length > 0) throw invalidProperties(invalid)
  store.update(id, patched)
  type.afterChange?.({ kind: 'updated', id, before: current, after: patched }, context)
  return patched
}

/**
 * Destroys one record; throws a RecordRejectedError on failure.
 *
 * @see RFC 8620 §5.3
 */
export function destroyRecord(
  type: DataType,
  id: string,
  context: RecordContext,
  destroying: ReadonlySet<string>,
): void {
  const store = context.account.store(type.name)
  const current = store.get(id)
  if (current === undefined) {
    const target = type.unstoredWrite?.(id, null, context)
    if (target === undefined) throw new RecordRejectedError('notFound')
    updateRecord(type, target.id, target.patch, context)
    return
  }
  if (type.singletonId !== undefined) throw new RecordRejectedError('singleton')
  type.beforeDestroy?.(current, context, destroying)
  store.destroy(id)
  type.afterChange?.({ kind: 'destroyed', id, before: current, after: undefined }, context)
}
