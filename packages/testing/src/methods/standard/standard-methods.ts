import type { DataType, StandardMethodName } from '../../data-type.js'
import type { MethodDefinition, MethodHandler } from '../../server/server-runtime.js'
import { standardChanges } from './standard-changes.js'
import { standardCopy } from './standard-copy.js'
import { standardGet } from './standard-get.js'
import { standardQuery } from './standard-query.js'
import { standardQueryChanges } from './standard-query-changes.js'
import { standardSet } from './standard-set.js'

const factories: { [K in StandardMethodName]-?: (type: DataType) => MethodHandler } = {
  get: standardGet,
  changes: standardChanges,
  set: standardSet,
  copy: standardCopy,
  query: standardQuery,
  queryChanges: standardQueryChanges,
}

/**
 * The method table for a data type: `Foo/get`, `Foo/set`, … for each standard
 * method the type lists.
 *
 * @see RFC 8620 §5
 */
export function standardMethodsFor(type: DataType): Record<string, MethodDefinition> {
  return Object.fromEntries(
    type.methods.map((method) => [
      `${type.name}/${method}`,
      { capability: type.capability, handler: factories[method](type) },
    ]),
  )
}
