import type { DataType } from '../../data-type.js'
import { cloneJson, isJsonObject, type JsonObject } from '../../json.js'
import { MethodError } from '../../protocol/method-error.js'
import {
  invalidProperties,
  isRecordRejectedError,
  RecordRejectedError,
} from '../../protocol/record-rejected-error.js'
import type { MethodHandler } from '../../server/server-runtime.js'
import { resolveCreationId, resolveReferencesInRecord } from '../creation-id.js'
import {
  readBoolean,
  readObjectMap,
  readOptionalString,
  rejectUnknownArguments,
} from '../method-arguments.js'
import { recordContext } from '../record-context.js'
import { runSet } from './standard-set.js'

/**
 * `Foo/copy` between two accounts, with the implicit `Foo/set` that destroys
 * the originals when `onSuccessDestroyOriginal` is true.
 *
 * @see RFC 8620 §5.4
 * @example ["Email/copy", { "fromAccountId": "u1", "accountId": "u2", "create": { "k1": { "id": "Ma", "mailboxIds": { "Mb": true } } } }, "c0"]
 */
export function standardCopy(type: DataType): MethodHandler {
  return (args, context) => {
    rejectUnknownArguments(args, [
      'fromAccountId',
      'ifFromInState',
      'accountId',
      'ifInState',
      'create',
      'onSuccessDestroyOriginal',
      'destroyFromIfInState',
    ])
    const from = context.runtime.accountFor(
      args.fromAccountId,
      type.capability,
      'fromAccountNotFound',
    )
    const to = context.account(args.accountId, type.capability)
    if (from.id === to.id) {
      throw new MethodError('invalidArguments', 'accountId must differ from fromAccountId', {
        arguments: ['accountId'],
      })
    }
    if (to.isReadOnly) throw new MethodError('accountReadOnly')
    const ifFromInState = readOptionalString(args, 'ifFromInState')
    const ifInState = readOptionalString(args, 'ifInState')
    const create = readObjectMap(args, 'create')
    if (create === null) {
      throw new MethodError('invalidArguments', '"create" is required', { arguments: ['create'] })
    }
    const destroyOriginal = readBoolean(args, 'onSuccessDestroyOriginal', false)
    const destroyFromIfInState = readOptionalString(args, 'destroyFromIfInState')
    if (Object.keys(create).length > context.runtime.limits.maxObjectsInSet) {
      throw new MethodError('requestTooLarge')
    }
    const fromStore = from.store(type.name)
    const toStore = to.store(type.name)
    if (ifFromInState !== null && ifFromInState !== fromStore.state)
      throw new MethodError('stateMismatch')
    if (ifInState !== null && ifInState !== toStore.state) throw new MethodError('stateMismatch')
    const oldState = toStore.state
    const hooks = recordContext(context, to, args)
    const serverSet = ['id', ...(type.serverSet ?? [])]
    const overridable =
      type.copyOverridable ?? type.properties.filter((property) => !serverSet.includes(property))
    const created: JsonObject = {}
    const notCreated: JsonObject = {}
    const copiedOriginals: string[] = []
    for (const [cid, value] of Object.entries(create)) {
      try {
        if (!isJsonObject(value) || typeof value.id !== 'string') {
          throw invalidProperties(['id'], 'each copy must name the original "id"')
        }
        const sourceId = resolveCreationId(value.id, context.createdIds) as string
        const source = fromStore.get(sourceId)
        if (source === undefined) throw new RecordRejectedError('notFound')
        const { id: _ignored, ...rest } = value
        const overrides = resolveReferencesInRecord(
          rest,
          type.idReferences ?? {},
          context.createdIds,
        )
        const bad = Object.keys(overrides).filter((property) => !overridable.includes(property))
        if (bad.length > 0) throw invalidProperties(bad, 'these properties cannot be set on copy')
        const record =
          type.copy === undefined
            ? {
                ...Object.fromEntries(
                  Object.entries(source).filter(([property]) => !serverSet.includes(property)),
                ),
                ...cloneJson(overrides),
              }
            : type.copy(source, overrides, from, hooks)
        const existing = type.findDuplicate?.(record, hooks)
        if (existing !== undefined) {
          throw new RecordRejectedError('alreadyExists', undefined, { existingId: existing })
        }
        const invalid = type.validate?.(record, hooks, undefined) ?? []
        if (invalid.length > 0) throw invalidProperties(invalid)
        // Server-set properties are computed afresh in the target account.
        const built =
          type.copy === undefined && type.create !== undefined ? type.create(record, hooks) : record
        const id = context.runtime.newId(type.idPrefix)
        const stored: JsonObject = { ...built, id }
        toStore.create(id, stored)
        type.afterChange?.({ kind: 'created', id, before: undefined, after: stored }, hooks)
        context.createdIds.set(cid, id)
        const answer: JsonObject = { id }
        for (const property of type.serverSet ?? []) answer[property] = cloneJson(stored[property])
        created[cid] = answer
        copiedOriginals.push(sourceId)
      } catch (error) {
        if (!isRecordRejectedError(error)) throw error
        notCreated[cid] = error.toJSON()
      }
    }
    const responses: Array<[string, JsonObject]> = [
      [
        `${type.name}/copy`,
        {
          fromAccountId: from.id,
          accountId: to.id,
          oldState,
          newState: toStore.state,
          created: Object.keys(created).length > 0 ? created : null,
          notCreated: Object.keys(notCreated).length > 0 ? notCreated : null,
        },
      ],
    ]
    if (destroyOriginal && copiedOriginals.length > 0) {
      try {
        responses.push([
          `${type.name}/set`,
          runSet(
            type,
            { accountId: from.id, ifInState: destroyFromIfInState, destroy: copiedOriginals },
            context,
          ),
        ])
      } catch (error) {
        if (!(error instanceof MethodError)) throw error
        responses.push(['error', error.toJSON()])
      }
    }
    return responses
  }
}
