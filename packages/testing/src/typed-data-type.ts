import type { Methods } from '@typed-jmap/core'
import type { DataType, IdReferenceShape, RecordComparator, RecordContext } from './data-type.js'

/**
 * The type names the client registry can read: every `Foo` with a `Foo/get` witness in core's
 * `Methods` (augmented by mail, calendars, tasks, contacts and any capability package).
 *
 * @see RFC 8620 §5.1
 */
export type ClientDataTypeName = {
  readonly [TMethod in keyof Methods & string]: TMethod extends `${infer TName}/get` ? TName : never
}[keyof Methods & string]

/**
 * The record type the client reads for `TName`: the object of its `TName/get` witness.
 *
 * @see RFC 8620 §5.1
 * @example ClientRecordOf<'Mailbox'> // Mailbox, as @typed-jmap/mail declares it
 */
export type ClientRecordOf<TName extends string> = `${TName}/get` extends keyof Methods
  ? Methods[`${TName}/get`] extends { readonly '~object': infer TRecord }
    ? TRecord
    : never
  : never

/** Every key of every member of a union (`keyof` of a union keeps only the common keys). */
type KeysOfUnion<T> = T extends unknown ? keyof T & string : never

/**
 * A value as JSON holds it: a branded string or number (`Id`, `UnsignedInt`) is any string or
 * number, since the brand is a client-side check, while literal unions (`'enabled' | …`) stay.
 */
type WireValueOf<T> = T extends string
  ? [Exclude<keyof T, keyof string>] extends [never]
    ? T
    : string
  : T extends number
    ? [Exclude<keyof T, keyof number>] extends [never]
      ? T
      : number
    : T

/** The `/query` arguments of `TName`'s witness, or `never` when the client has no `TName/query`. */
type ClientQueryArgumentsOf<TName extends string> = `${TName}/query` extends keyof Methods
  ? Methods[`${TName}/query`] extends { readonly args: infer TArgs }
    ? TArgs
    : never
  : never

/**
 * The FilterCondition properties the client may send in `TName/query` (`never` when the client
 * has no `TName/query`). An operator (`{ operator, conditions }`) is not a condition.
 *
 * @see RFC 8620 §5.5
 * @example ClientFilterPropertyOf<'Mailbox'> // 'parentId' | 'name' | 'role' | …
 */
export type ClientFilterPropertyOf<TName extends string> =
  ClientQueryArgumentsOf<TName> extends { readonly filter?: infer TFilter }
    ? KeysOfUnion<Exclude<NonNullable<TFilter>, { readonly operator: unknown }>>
    : never

/**
 * The comparator properties the client may send in `TName/query`'s `sort` (`never` when the
 * client has no `TName/query`).
 *
 * @see RFC 8620 §5.5
 * @example ClientSortPropertyOf<'Mailbox'> // 'name' | 'sortOrder'
 */
export type ClientSortPropertyOf<TName extends string> =
  ClientQueryArgumentsOf<TName> extends { readonly sort?: infer TSort }
    ? NonNullable<TSort> extends readonly (infer TComparator)[]
      ? TComparator extends { readonly property: infer TProperty extends string }
        ? TProperty
        : never
      : never
    : never

/**
 * A stored record as a hook sees it: JSON, with only the client's property names readable,
 * so `record.tittle` is a compile error.
 */
export type WireRecordOf<TName extends string> = {
  readonly [TProperty in keyof ClientRecordOf<TName> & string]?: unknown
}

/** One FilterCondition as a hook sees it: JSON, with only the client's filter property names. */
export type WireFilterConditionOf<TName extends string> = {
  readonly [TProperty in ClientFilterPropertyOf<TName>]?: unknown
}

/**
 * A {@link DataType} whose names are checked against the client's witnesses of the same type:
 * `properties`, `serverSet`, `immutable`, `defaults` (with the client's value types),
 * `idReferences`, `defaultGetProperties` and `copyOverridable` take only properties of the
 * client's record; `filterProperties` and `matches` only its FilterCondition properties;
 * `comparators` only its sort properties. Every other member is as in {@link DataType}.
 *
 * @see RFC 8620 §5
 */
export interface ClientTypedDataType<TName extends ClientDataTypeName>
  extends Omit<
    DataType,
    | 'name'
    | 'properties'
    | 'serverSet'
    | 'immutable'
    | 'defaults'
    | 'idReferences'
    | 'defaultGetProperties'
    | 'copyOverridable'
    | 'read'
    | 'filterProperties'
    | 'matches'
    | 'comparators'
  > {
  /** The type name, as in the client's method names (`TName/get`). */
  readonly name: TName
  /** Every property the type has; each one a property of the client's record. */
  readonly properties: readonly (keyof ClientRecordOf<TName> & string)[]
  /** Properties only the server sets. */
  readonly serverSet?: readonly (keyof ClientRecordOf<TName> & string)[]
  /** Properties that cannot change after creation. */
  readonly immutable?: readonly (keyof ClientRecordOf<TName> & string)[]
  /** Values for omitted properties, typed as the client reads them. */
  readonly defaults?: {
    readonly [TProperty in keyof ClientRecordOf<TName>]?: WireValueOf<
      ClientRecordOf<TName>[TProperty]
    >
  }
  /** Properties holding ids, so `#creationId` values (or keys) are replaced. */
  readonly idReferences?: {
    readonly [TProperty in keyof ClientRecordOf<TName> & string]?: IdReferenceShape
  }
  /** Properties returned when `/get` has `properties: null`. */
  readonly defaultGetProperties?: readonly (keyof ClientRecordOf<TName> & string)[]
  /** Properties a `/copy` may override. */
  readonly copyOverridable?: readonly (keyof ClientRecordOf<TName> & string)[]
  /** Computes a property on read; `undefined` falls back to the stored value. */
  readonly read?: (
    record: WireRecordOf<TName>,
    property: keyof ClientRecordOf<TName> & string,
    context: RecordContext,
  ) => unknown
  /** FilterCondition properties the type understands: the client's, no others. */
  readonly filterProperties?: readonly ClientFilterPropertyOf<TName>[]
  /** Tests one FilterCondition (never an operator) against a stored record. */
  readonly matches?: (
    record: WireRecordOf<TName>,
    condition: WireFilterConditionOf<TName>,
    context: RecordContext,
  ) => boolean
  /** Sortable properties (the client's sort properties) and how to compare them. */
  readonly comparators?: { readonly [TProperty in ClientSortPropertyOf<TName>]?: RecordComparator }
}

/**
 * Checks a test-server data type against the client's witnesses of the same name (see
 * {@link ClientTypedDataType}) and returns it as the {@link DataType} `server.register` takes,
 * so a property, filter or sort name the client does not know is a compile error here instead
 * of an `invalidArguments` at run time.
 *
 * @see RFC 8620 §5
 * @example
 * const maskedEmailType = defineDataType({
 *   name: 'MaskedEmail', capability: 'https://www.fastmail.com/dev/maskedemail', idPrefix: 'ME',
 *   properties: ['id', 'email', 'state', 'forDomain', 'description', 'url', 'lastMessageAt', 'createdAt', 'createdBy'],
 *   serverSet: ['email', 'createdAt', 'createdBy', 'lastMessageAt'],
 *   methods: ['get', 'set'],
 * })
 */
export function defineDataType<TName extends ClientDataTypeName>(
  type: ClientTypedDataType<TName>,
): DataType {
  // The typed form only narrows names: at run time the server hands the hooks the same JSON
  // objects (a stored record and a FilterCondition have only the names checked here), so the
  // hooks' narrower parameter types hold; TypeScript cannot see that through the mapped types.
  return type as unknown as DataType
}
