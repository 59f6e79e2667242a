import type { AnyCapabilityDefinition } from '../registry/capability-definition.js'
import type { MethodRuntime } from '../registry/method-runtime.js'

/** One method as the runtime knows it: its capability URN and runtime entry. */
export interface MethodEntry {
  readonly urn: string
  readonly runtime: MethodRuntime
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
  const table = new Map<string, MethodEntry>()
  for (const entry of tables.flat()) {
    for (const [method, runtime] of Object.entries(entry.methods)) {
      table.set(method, { urn: entry.urn, runtime })
    }
  }
  return table
}
