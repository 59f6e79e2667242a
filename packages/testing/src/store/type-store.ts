import { cloneJson, type JsonObject } from '../json.js'

/** How one record changed at one state. */
export type ChangeKind = 'created' | 'updated' | 'destroyed'

/** One step of the change log; every change to one record is its own state. */
export interface ChangeLogEntry {
  readonly state: number
  readonly id: string
  readonly kind: ChangeKind
  /** Set when only these (server-computed) properties changed, e.g. Mailbox counts. */
  readonly properties?: readonly string[]
}

/** The changes between two states, as `/changes` reports them. */
export interface ChangesSince {
  readonly created: string[]
  readonly updated: string[]
  readonly destroyed: string[]
  readonly newState: string
  readonly hasMoreChanges: boolean
  /** Union of count-only properties, or `null` when any update touched other properties. */
  readonly updatedProperties: string[] | null
}

/**
 * The records of one data type in one account, with a state counter and a
 * change log; when the log is trimmed, older states honestly stop being usable
 * (`cannotCalculateChanges`).
 *
 * @see RFC 8620 §5.2
 */
export class TypeStore {
  readonly typeName: string
  private readonly records = new Map<string, JsonObject>()
  private log: ChangeLogEntry[] = []
  private counter = 0
  private oldestComputable = 0
  private readonly maxLogLength: number
  private readonly onChange: (store: TypeStore) => void

  constructor(typeName: string, maxLogLength: number, onChange: (store: TypeStore) => void) {
    this.typeName = typeName
    this.maxLogLength = maxLogLength
    this.onChange = onChange
  }

  /** The current state string. */
  get state(): string {
    return String(this.counter)
  }

  /** Number of stored records. */
  get size(): number {
    return this.records.size
  }

  /** Reads a stored record (a copy) or `undefined`. */
  get(id: string): JsonObject | undefined {
    const record = this.records.get(id)
    return record === undefined ? undefined : cloneJson(record)
  }

  /** Reads a stored record without copying; callers must not mutate it. */
  peek(id: string): JsonObject | undefined {
    return this.records.get(id)
  }

  /** Whether a record exists. */
  has(id: string): boolean {
    return this.records.has(id)
  }

  /** All records in creation order, not copied; callers must not mutate them. */
  all(): JsonObject[] {
    return [...this.records.values()]
  }

  /** All ids in creation order. */
  ids(): string[] {
    return [...this.records.keys()]
  }

  /** Parses a state string given by a client; `undefined` if it is not one we can compute from. */
  parseState(state: unknown): number | undefined {
    if (typeof state !== 'string' || !/^(0|[1-9][0-9]*)$/.test(state)) return undefined
    const value = Number(state)
    return value >= this.oldestComputable && value <= this.counter ? value : undefined
  }

  /** Stores a new record. */
  create(id: string, record: JsonObject): void {
    this.records.set(id, cloneJson(record))
    this.append(id, 'created')
  }

  /** Replaces a record; `properties` marks a change of server-computed properties only. */
  update(id: string, record: JsonObject, properties?: readonly string[]): void {
    this.records.set(id, cloneJson(record))
    this.append(id, 'updated', properties)
  }

  /** Records that server-computed properties of a record changed (no stored data changes). */
  touch(id: string, properties: readonly string[]): void {
    if (this.records.has(id)) this.append(id, 'updated', properties)
  }

  /** Removes a record. */
  destroy(id: string): void {
    if (this.records.delete(id)) this.append(id, 'destroyed')
  }

  /** Forgets the change log, so every earlier state gives `cannotCalculateChanges`. */
  trimChangeLog(): void {
    this.log = []
    this.oldestComputable = this.counter
  }

  /** The log entries after a state (which must come from {@link parseState}). */
  entriesSince(since: number): ChangeLogEntry[] {
    return this.log.filter((entry) => entry.state > since)
  }

  /**
   * Computes `/changes` from a state, cutting at an intermediate state so no
   * more than `maxChanges` ids are returned.
   */
  changesSince(since: number, maxChanges: number | null): ChangesSince {
    const perId = new Map<string, { first: ChangeKind; last: ChangeKind; countsOnly: boolean }>()
    const properties = new Set<string>()
    let reached = since
    for (const entry of this.entriesSince(since)) {
      const known = perId.get(entry.id)
      if (known === undefined && maxChanges !== null && perId.size >= maxChanges) break
      const countsOnly = entry.properties !== undefined
      for (const property of entry.properties ?? []) properties.add(property)
      if (known === undefined)
        perId.set(entry.id, { first: entry.kind, last: entry.kind, countsOnly })
      else
        perId.set(entry.id, {
          ...known,
          last: entry.kind,
          countsOnly: known.countsOnly && countsOnly,
        })
      reached = entry.state
    }
    const created: string[] = []
    const updated: string[] = []
    const destroyed: string[] = []
    let allCountsOnly = true
    for (const [id, { first, last, countsOnly }] of perId) {
      if (first === 'created' && last === 'destroyed') continue
      if (first === 'created') created.push(id)
      else if (last === 'destroyed') destroyed.push(id)
      else {
        updated.push(id)
        allCountsOnly &&= countsOnly
      }
    }
    return {
      created,
      updated,
      destroyed,
      newState: String(reached),
      hasMoreChanges: reached < this.counter,
      updatedProperties: updated.length > 0 && allCountsOnly ? [...properties] : null,
    }
  }

  private append(id: string, kind: ChangeKind, properties?: readonly string[]): void {
    this.counter += 1
    this.log.push(
      properties === undefined
        ? { state: this.counter, id, kind }
        : { state: this.counter, id, kind, properties },
    )
    if (this.log.length > this.maxLogLength) {
      const dropped = this.log.splice(0, this.log.length - this.maxLogLength)
      this.oldestComputable = dropped[dropped.length - 1]?.state ?? this.oldestComputable
    }
    this.onChange(this)
  }
}
