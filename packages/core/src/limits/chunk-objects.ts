/**
 * Cuts a list of ids into chunks of at most `maxObjectsInGet` for `/get`.
 *
 * @see RFC 8620 §5.1
 * @example chunkIds(['a', 'b', 'c'], 2) // [['a', 'b'], ['c']]
 */
export function chunkIds<TId>(ids: readonly TId[], maxObjectsInGet: number): TId[][] {
  const chunks: TId[][] = []
  for (let start = 0; start < ids.length; start += maxObjectsInGet) {
    chunks.push(ids.slice(start, start + maxObjectsInGet))
  }
  return chunks
}

/**
 * The `create`/`update`/`destroy` part of a `/set` call.
 *
 * @see RFC 8620 §5.3
 * @example { "create": { "k1": { … } }, "destroy": ["M1"] }
 */
export interface SetOperations {
  create?: Record<string, unknown>
  update?: Record<string, unknown>
  destroy?: string[]
}

/**
 * Cuts the operations of one `/set` into several whose total object count stays
 * within `maxObjectsInSet`, keeping creates before updates before destroys.
 *
 * @see RFC 8620 §5.3
 * @example chunkSetOperations({ destroy: ['a', 'b', 'c'] }, 2) // [{ destroy: ['a', 'b'] }, { destroy: ['c'] }]
 */
export function chunkSetOperations(
  operations: SetOperations,
  maxObjectsInSet: number,
): SetOperations[] {
  const chunks: SetOperations[] = []
  let current: SetOperations = {}
  let count = 0
  const next = (): void => {
    if (count === maxObjectsInSet) {
      chunks.push(current)
      current = {}
      count = 0
    }
  }
  for (const [key, value] of Object.entries(operations.create ?? {})) {
    next()
    current.create ??= {}
    current.create[key] = value
    count++
  }
  for (const [key, value] of Object.entries(operations.update ?? {})) {
    next()
    current.update ??= {}
    current.update[key] = value
    count++
  }
  for (const id of operations.destroy ?? []) {
    next()
    current.destroy ??= []
    current.destroy.push(id)
    count++
  }
  if (count > 0) chunks.push(current)
  return chunks
}
