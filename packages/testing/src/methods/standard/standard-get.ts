import type { DataType } from '../../data-type.js'
import { cloneJson, type JsonObject } from '../../json.js'
import { MethodError } from '../../protocol/method-error.js'
import type { MethodHandler } from '../../server/server-runtime.js'
import { resolveCreationId } from '../creation-id.js'
import { readStringList, rejectUnknownArguments } from '../method-arguments.js'
import { recordContext } from '../record-context.js'

/**
 * Checks the `properties` argument of a /get against what the type has.
 *
 * @see RFC 8620 §5.1
 */
export function checkRequestedProperties(
  type: DataType,
  properties: readonly string[] | null,
): void {
  const unknown = (properties ?? []).filter(
    (property) =>
      !type.properties.includes(property) && !(type.isDynamicProperty?.(property) ?? false),
  )
  if (unknown.length > 0) {
    throw new MethodError('invalidArguments', `unknown properties: ${unknown.join(', ')}`, {
      properties: unknown,
    })
  }
}

/**
 * `Foo/get` for any data type.
 *
 * @see RFC 8620 §5.1
 * @example ["Mailbox/get", { "accountId": "u1", "ids": null }, "c0"]
 */
export function standardGet(type: DataType): MethodHandler {
  return (args, context) => {
    rejectUnknownArguments(args, [
      'accountId',
      'ids',
      'properties',
      ...(type.extraArguments?.get ?? []),
    ])
    const account = context.account(args.accountId, type.capability)
    const store = account.store(type.name)
    const requestedIds = readStringList(args, 'ids')
    const properties = readStringList(args, 'properties')
    checkRequestedProperties(type, properties)
    if (requestedIds === null && type.getAllowsNullIds === false) {
      throw new MethodError('requestTooLarge', `${type.name}/get needs explicit ids`)
    }
    const ids =
      requestedIds === null
        ? store.ids()
        : [
            ...new Set(
              requestedIds.map((id) => resolveCreationId(id, context.createdIds) as string),
            ),
          ]
    if (ids.length > context.runtime.limits.maxObjectsInGet) {
      throw new MethodError(
        'requestTooLarge',
        `more than maxObjectsInGet (${context.runtime.limits.maxObjectsInGet}) ids`,
      )
    }
    const wanted = properties ?? type.defaultGetProperties ?? type.properties
    const hooks = recordContext(context, account, args)
    const list: JsonObject[] = []
    const notFound: string[] = []
    for (const id of ids) {
      const record = store.peek(id) ?? type.unstoredRecord?.(id, hooks)
      if (record === undefined) {
        notFound.push(id)
        continue
      }
      const out: JsonObject = { id }
      for (const property of wanted) {
        if (property === 'id') continue
        const computed = type.read?.(record, property, hooks)
        const value = computed === undefined ? record[property] : computed
        if (value === undefined && type.omitsAbsentProperties === true) continue
        out[property] = value === undefined ? null : cloneJson(value)
      }
      list.push(out)
    }
    return [[`${type.name}/get`, { accountId: account.id, state: store.state, list, notFound }]]
  }
}
