import type { DataType } from '../../data-type.js'
import { isJsonObject, type JsonObject } from '../../json.js'
import { MethodError } from '../../protocol/method-error.js'
import { isRecordRejectedError } from '../../protocol/record-rejected-error.js'
import type { MethodContext, MethodHandler } from '../../server/server-runtime.js'
import { referencedCreationIds, resolveCreationId } from '../creation-id.js'
import {
  readObjectMap,
  readOptionalString,
  readStringList,
  rejectUnknownArguments,
} from '../method-arguments.js'
import { recordContext } from '../record-context.js'
import { createdAnswer, createRecord, destroyRecord, updateRecord } from './record-writer.js'

function setErrorOf(error: unknown): JsonObject {
  if (isRecordRejectedError(error)) return error.toJSON()
  throw error
}

/** Orders creates so a record referenced by `#cid` in the same call is created first. */
function creationOrder(type: DataType, create: JsonObject): string[] {
  const pending = new Set(Object.keys(create))
  const order: string[] = []
  while (pending.size > 0) {
    const ready = [...pending].filter((cid) => {
      const value = create[cid]
      const refs = isJsonObject(value) ? referencedCreationIds(value, type.idReferences ?? {}) : []
      return refs.every((ref) => ref === cid || !pending.has(ref))
    })
    // A reference cycle cannot be ordered: process the rest as given and let validation reject them.
    const next = ready.length > 0 ? ready : [...pending]
    for (const cid of next) {
      pending.delete(cid)
      order.push(cid)
    }
  }
  return order
}

/**
 * Runs the create/update/destroy part of a /set on an account already checked;
 * shared by `Foo/set` and implicit sets (`onSuccessDestroyOriginal`, `onSuccessUpdateEmail`).
 *
 * @see RFC 8620 §5.3
 */
export function runSet(type: DataType, args: JsonObject, context: MethodContext): JsonObject {
  const account = context.account(args.accountId, type.capability)
  if (account.isReadOnly) throw new MethodError('accountReadOnly')
  const ifInState = readOptionalString(args, 'ifInState')
  const create = readObjectMap(args, 'create')
  const update = readObjectMap(args, 'update')
  const destroy = readStringList(args, 'destroy')
  const store = account.store(type.name)
  const total =
    Object.keys(create ?? {}).length + Object.keys(update ?? {}).length + (destroy?.length ?? 0)
  if (total > context.runtime.limits.maxObjectsInSet) {
    throw new MethodError(
      'requestTooLarge',
      `more than maxObjectsInSet (${context.runtime.limits.maxObjectsInSet}) changes`,
    )
  }
  if (ifInState !== null && ifInState !== store.state) throw new MethodError('stateMismatch')
  const oldState = store.state
  const hooks = recordContext(context, account, args)
  const created: JsonObject = {}
  const notCreated: JsonObject = {}
  const updated: JsonObject = {}
  const notUpdated: JsonObject = {}
  const destroyed: string[] = []
  const notDestroyed: JsonObject = {}

  for (const cid of creationOrder(type, create ?? {})) {
    const input = create?.[cid]
    try {
      const stored = createRecord(type, input, hooks)
      context.createdIds.set(cid, stored.id as string)
      created[cid] = createdAnswer(type, stored, isJsonObject(input) ? input : {}, hooks)
    } catch (error) {
      notCreated[cid] = setErrorOf(error)
    }
  }
  const destroyIds = (destroy ?? []).map(
    (id) => resolveCreationId(id, context.createdIds) as string,
  )
  const destroying = new Set(destroyIds)
  for (const [key, patch] of Object.entries(update ?? {})) {
    const id = resolveCreationId(key, context.createdIds) as string
    // A singleton is never destroyed, so its update goes ahead.
    if (destroying.has(id) && store.has(id) && type.singletonId === undefined) {
      notUpdated[key] = { type: 'willDestroy' }
      continue
    }
    try {
      updateRecord(type, id, patch, hooks)
      updated[id] = null
    } catch (error) {
      notUpdated[key] = setErrorOf(error)
    }
  }
  for (const [index, id] of destroyIds.entries()) {
    try {
      destroyRecord(type, id, hooks, destroying)
      destroyed.push(id)
    } catch (error) {
      notDestroyed[(destroy ?? [])[index] ?? id] = setErrorOf(error)
    }
  }
  const orNull = (map: JsonObject): JsonObject | null => (Object.keys(map).length > 0 ? map : null)
  return {
    accountId: account.id,
    oldState,
    newState: store.state,
    created: orNull(created),
    updated: orNull(updated),
    destroyed: destroyed.length > 0 ? destroyed : null,
    notCreated: orNull(notCreated),
    notUpdated: orNull(notUpdated),
    notDestroyed: orNull(notDestroyed),
  }
}

/**
 * Rejects (`invalidArguments`) any argument of a `Foo/set` call that is neither one of RFC 8620's
 * nor one the data type adds (`extraArguments.set`, e.g. AddressBook's `onSuccessSetIsDefault`);
 * shared by {@link standardSet} and the /set handlers a plugin writes around {@link runSet}.
 *
 * @see RFC 8620 §5.3
 * @example rejectUnknownSetArguments(addressBookType, { accountId: 'u1', onSuccessSetIsDefault: 'B1' })
 */
export function rejectUnknownSetArguments(type: DataType, args: JsonObject): void {
  rejectUnknownArguments(args, [
    'accountId',
    'ifInState',
    'create',
    'update',
    'destroy',
    ...(type.extraArguments?.set ?? []),
  ])
}

/**
 * `Foo/set` for any data type.
 *
 * @see RFC 8620 §5.3
 * @example ["Mailbox/set", { "accountId": "u1", "create": { "k1": { "name": "Lists" } } }, "c0"]
 */
export function standardSet(type: DataType): MethodHandler {
  return (args, context) => {
    rejectUnknownSetArguments(type, args)
    return [[`${type.name}/set`, runSet(type, args, context)]]
  }
}
