/**
 * One sort criterion of a `/query`.
 *
 * @see RFC 8620 §5.5
 * @example { "property": "receivedAt", "isAscending": false }
 */
export interface Comparator<TProperty extends string> {
  /** The property to sort by. */
  readonly property: TProperty
  /** Ascending unless `false`. */
  readonly isAscending?: boolean
  /** An RFC 4790 collation, e.g. `i;unicode-casemap`. */
  readonly collation?: string
}

/**
 * The comparator type of a `/query` witness: `Comparator<TSort>` when `TSort`
 * is a union of property names, or `TSort` itself when a data type needs a
 * richer comparator (Email's `keyword`).
 */
export type ComparatorOf<TSort> = [TSort] extends [string] ? Comparator<TSort> : TSort
