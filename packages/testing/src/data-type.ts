import type { JsonObject } from './json.js'
import type { ServerRuntime } from './server/server-runtime.js'
import type { AccountData } from './store/account-data.js'

/** The standard methods RFC 8620 §5 defines; a data type says which it offers. */
export type StandardMethodName = 'get' | 'changes' | 'set' | 'copy' | 'query' | 'queryChanges'

/** How a property holds ids of other records, so `#creationId` references can be replaced. */
export type IdReferenceShape = 'id' | 'idMap' | 'idList'

/** What a data type's hooks can see while a method runs. */
export interface RecordContext {
  readonly runtime: ServerRuntime
  readonly account: AccountData
  /** The arguments of the method call being processed (after result references). */
  readonly args: JsonObject
  /** The creation-id map of the request. */
  readonly createdIds: ReadonlyMap<string, string>
}

/** A comparator as sent in `sort`. */
export interface SortComparator {
  readonly property: string
  readonly isAscending: boolean
  readonly collation: string | undefined
  /** The whole comparator object, for type-specific fields such as `keyword`. */
  readonly raw: JsonObject
}

/** Compares two stored records for one comparator property (ascending order). */
export type RecordComparator = (
  a: JsonObject,
  b: JsonObject,
  comparator: SortComparator,
  context: RecordContext,
) => number

/** What happened to a record, for side effects in other types (counts, threads). */
export interface RecordChange {
  readonly kind: 'created' | 'updated' | 'destroyed'
  readonly id: string
  readonly before: JsonObject | undefined
  readonly after: JsonObject | undefined
}

/**
 * A data type served by the test server through the generic standard methods.
 * Capability packages describe their types with this interface at the wire
 * level (JSON) and register them with `server.register(…)`.
 *
 * @see RFC 8620 §5
 * @example
 * const note: DataType = {
 *   name: 'Note', capability: 'https://example.com/jmap/notes', idPrefix: 'N',
 *   properties: ['id', 'title'], defaults: { title: '' },
 *   methods: ['get', 'changes', 'set', 'query', 'queryChanges'],
 * }
 */
export interface DataType {
  /** The type name used in method names and StateChange, e.g. `Mailbox`. */
  readonly name: string
  /** The capability URN whose `using` entry enables the methods. */
  readonly capability: string
  /** Letter(s) that start every id the server makes for this type (ids must not start with a digit). */
  readonly idPrefix: string
  /** Every property the type has (for `/get` `properties` and `/set` checks). */
  readonly properties: readonly string[]
  /** Properties only the server sets (`id` is always server-set). */
  readonly serverSet?: readonly string[]
  /** Properties that cannot change after creation. */
  readonly immutable?: readonly string[]
  /** Values given to omitted properties on create and to properties patched to `null`. */
  readonly defaults?: Readonly<JsonObject>
  /** Properties holding ids, so `#creationId` values (or keys) are replaced. */
  readonly idReferences?: Readonly<Record<string, IdReferenceShape>>
  /** Whether `/changes` adds `updatedProperties` (RFC 8621 Mailbox/changes). */
  readonly reportsUpdatedProperties?: boolean
  /** Which standard methods exist. */
  readonly methods: readonly StandardMethodName[]
  /** Whether `/get` accepts `ids: null` (default true). */
  readonly getAllowsNullIds?: boolean
  /** The only id of a singleton type (`VacationResponse` has `"singleton"`). */
  readonly singletonId?: string
  /**
   * Whether `/get` leaves out a property the record does not have instead of returning `null`
   * (JSContact has no null values: an optional property is absent, RFC 9553 §1.3.1).
   */
  readonly omitsAbsentProperties?: boolean
  /** Properties returned when `/get` has `properties: null` (default: all of `properties`). */
  readonly defaultGetProperties?: readonly string[]
  /** Accepts property names beyond `properties` (e.g. `header:From:asAddresses`). */
  readonly isDynamicProperty?: (property: string) => boolean
  /** Computes a property on read; `undefined` falls back to the stored value. */
  readonly read?: (record: JsonObject, property: string, context: RecordContext) => unknown
  /** Puts a record in canonical form before validation (e.g. lowercase keywords). */
  readonly normalize?: (record: JsonObject) => JsonObject
  /** Returns the names of invalid properties of a full record (empty when valid). */
  readonly validate?: (
    record: JsonObject,
    context: RecordContext,
    previous: JsonObject | undefined,
  ) => readonly string[]
  /** Turns a validated create input into the stored record (id already assigned). */
  readonly create?: (record: JsonObject, context: RecordContext) => JsonObject
  /** The `created` answer for one record (default: the server-set and defaulted properties). */
  readonly createdResponse?: (stored: JsonObject, input: JsonObject) => JsonObject
  /** Throws a `RecordRejectedError` when a record may not be destroyed. */
  readonly beforeDestroy?: (
    record: JsonObject,
    context: RecordContext,
    destroying: ReadonlySet<string>,
  ) => void
  /** Side effects after a record changed (other types' records, counts). */
  readonly afterChange?: (change: RecordChange, context: RecordContext) => void
  /** FilterCondition properties the type understands. */
  readonly filterProperties?: readonly string[]
  /** Names the properties of one FilterCondition whose values are malformed (empty when valid). */
  readonly invalidFilterValues?: (condition: JsonObject) => readonly string[]
  /** Tests one FilterCondition (never an operator) against a stored record. */
  readonly matches?: (record: JsonObject, condition: JsonObject, context: RecordContext) => boolean
  /** Sortable properties and how to compare them. */
  readonly comparators?: Readonly<Record<string, RecordComparator>>
  /** Extra method arguments the type accepts, per standard method. */
  readonly extraArguments?: Readonly<Partial<Record<StandardMethodName, readonly string[]>>>
  /** Checks the type's own `/query` arguments before the query runs (throws a `MethodError`). */
  readonly checkQueryArguments?: (context: RecordContext) => void
  /**
   * The records a `/query` filters and sorts in place of one stored record (default: the record
   * itself): a recurring event's instances, each with its own id, when the query asks for
   * `expandRecurrences`.
   */
  readonly queryCandidates?: (record: JsonObject, context: RecordContext) => readonly JsonObject[]
  /**
   * Resolves a `/get` id that is not stored, such as the instance id an expanded `/query`
   * returned (`undefined`: not found).
   */
  readonly unstoredRecord?: (id: string, context: RecordContext) => JsonObject | undefined
  /**
   * Turns a `/set` update (`patch`) or destroy (`null`) of an id that is not stored into an
   * update of a stored record, such as an instance id's change to its recurring event's
   * override (`undefined`: not found).
   */
  readonly unstoredWrite?: (
    id: string,
    patch: JsonObject | null,
    context: RecordContext,
  ) => { readonly id: string; readonly patch: JsonObject } | undefined
  /** Reorders or thins query results after sorting (e.g. Email `collapseThreads`). */
  readonly afterQuery?: (ids: string[], context: RecordContext) => string[]
  /** Properties a `/copy` may override (default: all but server-set ones). */
  readonly copyOverridable?: readonly string[]
  /** Builds the stored copy for `/copy` (default: the source minus server-set properties, plus overrides). */
  readonly copy?: (
    source: JsonObject,
    overrides: JsonObject,
    from: AccountData,
    context: RecordContext,
  ) => JsonObject
  /** The id of an identical record already in the target account, for `alreadyExists`. */
  readonly findDuplicate?: (record: JsonObject, context: RecordContext) => string | undefined
}
