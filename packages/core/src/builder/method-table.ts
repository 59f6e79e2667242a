import type { AnyCapabilityDefinition } from '../registry/capability-definition.js'
import type { MethodRuntime } from '../registry/method-runtime.js'

/**
 * One method as the runtime knows it: its capability URN, runtime entry, and
 * every other URN a call of it sends in `using` (the entry's own `using` and
 * the URNs of extension tables that extend its capability).
 */
export interface MethodEntry {
  readonly urn: string
  readonly runtime: MethodRuntime
  readonly using: readonly string[]
}

/**
 * The capability tables a client was created with: one table per URN, or an
 * array of tables (a package covering several URNs may export one).
 *
 * @example [mail, submission] or [mailCapabilities]
 */
export type CapabilityTables = readonly (
  | AnyCapabilityDefinition
  | readonly AnyCapabilityDefinition[]
)[]

/** Indexes capability tables by method name. */
export function methodTable(tables: CapabilityTables): ReadonlyMap<string, MethodEntry> {
  const flat = tables.flat()
  const extensions = new Map<string, string[]>()
  for (const entry of flat) {
    for (const extended of entry.extends ?? []) {
      extensions.set(extended, [...(extensions.get(extended) ?? []), entry.urn])
    }
  }
  const table = new Map<string, MethodEntry>()
  for (const entry of flat) {
    for (const [method, runtime] of Object.entries(entry.methods)) {
      const using = [...(runtime.using ?? []), ...(extensions.get(entry.urn) ?? [])]
      table.set(method, { urn: entry.urn, runtime, using })
    }
  }
  return table
}
