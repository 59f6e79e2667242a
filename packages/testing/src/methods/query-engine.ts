import type { DataType, RecordContext, SortComparator } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { MethodError } from '../protocol/method-error.js'

const operators = ['AND', 'OR', 'NOT']

/**
 * Checks a FilterOperator/FilterCondition tree before it runs, so an empty
 * store still rejects a bad filter.
 *
 * @see RFC 8620 §5.5
 */
export function checkFilter(type: DataType, filter: unknown): void {
  if (filter === null || filter === undefined) return
  if (!isJsonObject(filter)) throw new MethodError('invalidArguments', '"filter" must be an object')
  if (Object.hasOwn(filter, 'operator')) {
    if (typeof filter.operator !== 'string' || !operators.includes(filter.operator)) {
      throw new MethodError(
        'invalidArguments',
        `unknown operator ${JSON.stringify(filter.operator)}`,
        {
          arguments: ['filter'],
        },
      )
    }
    if (!Array.isArray(filter.conditions)) {
      throw new MethodError('invalidArguments', 'a FilterOperator needs "conditions"', {
        arguments: ['filter'],
      })
    }
    for (const condition of filter.conditions) checkFilter(type, condition)
    return
  }
  // A property the type does not define makes the filter invalid, not merely
  // unsupported (RFC 8620 §5.5 keeps unsupportedFilter for valid filters).
  const known = type.filterProperties ?? []
  const unknown = Object.keys(filter).filter((property) => !known.includes(property))
  if (unknown.length > 0) {
    throw new MethodError('invalidArguments', `unknown filter properties: ${unknown.join(', ')}`, {
      arguments: unknown.map((property) => `filter/${property}`),
    })
  }
  const invalid = type.invalidFilterValues?.(filter) ?? []
  if (invalid.length > 0) {
    throw new MethodError('invalidArguments', `invalid filter values: ${invalid.join(', ')}`, {
      arguments: invalid.map((property) => `filter/${property}`),
    })
  }
}

function matches(
  type: DataType,
  record: JsonObject,
  filter: JsonObject,
  context: RecordContext,
): boolean {
  if (Object.hasOwn(filter, 'operator')) {
    const conditions = (filter.conditions as unknown[]).filter(isJsonObject)
    const results = conditions.map((condition) => matches(type, record, condition, context))
    if (filter.operator === 'AND') return results.every(Boolean)
    if (filter.operator === 'OR') return results.some(Boolean)
    return !results.some(Boolean)
  }
  return type.matches?.(record, filter, context) ?? true
}

/**
 * Parses and checks `sort`: every property must have a comparator and every
 * collation must be advertised, else `unsupportedSort`.
 *
 * @see RFC 8620 §5.5
 */
export function parseSort(
  type: DataType,
  sort: unknown,
  collations: readonly string[],
): SortComparator[] {
  if (sort === null || sort === undefined) return []
  if (!Array.isArray(sort)) throw new MethodError('invalidArguments', '"sort" must be an array')
  return sort.map((raw: unknown) => {
    if (!isJsonObject(raw) || typeof raw.property !== 'string') {
      throw new MethodError('invalidArguments', 'each Comparator needs a "property" string')
    }
    if (raw.isAscending !== undefined && typeof raw.isAscending !== 'boolean') {
      throw new MethodError('invalidArguments', '"isAscending" must be a boolean')
    }
    if (
      raw.collation !== undefined &&
      (typeof raw.collation !== 'string' || !collations.includes(raw.collation))
    ) {
      throw new MethodError(
        'unsupportedSort',
        `unsupported collation ${JSON.stringify(raw.collation)}`,
      )
    }
    if (type.comparators?.[raw.property] === undefined) {
      throw new MethodError('unsupportedSort', `cannot sort ${type.name} by "${raw.property}"`)
    }
    return {
      property: raw.property,
      isAscending: raw.isAscending ?? true,
      collation: raw.collation,
      raw,
    }
  })
}

/**
 * Filters and sorts every record of the type; ties keep creation order, so
 * the order is stable between calls as RFC 8620 §5.5 requires.
 */
export function runQuery(
  type: DataType,
  filter: unknown,
  sort: readonly SortComparator[],
  context: RecordContext,
): string[] {
  const stored = context.account.store(type.name).all()
  const candidates = type.queryCandidates
  const records =
    candidates === undefined ? stored : stored.flatMap((record) => candidates(record, context))
  const kept = isJsonObject(filter)
    ? records.filter((record) => matches(type, record, filter, context))
    : [...records]
  const order = new Map(records.map((record, index) => [record, index]))
  kept.sort((a, b) => {
    for (const comparator of sort) {
      const compare = type.comparators?.[comparator.property]
      const result = compare === undefined ? 0 : compare(a, b, comparator, context)
      if (result !== 0) return comparator.isAscending ? result : -result
    }
    return (order.get(a) ?? 0) - (order.get(b) ?? 0)
  })
  const ids = kept.map((record) => record.id as string)
  return type.afterQuery === undefined ? ids : type.afterQuery(ids, context)
}

/**
 * Compares two strings with one of the advertised collations
 * (`i;ascii-casemap` by default, as JMAP servers usually do).
 *
 * @see RFC 4790
 */
export function compareStrings(a: string, b: string, collation: string | undefined): number {
  const fold = (text: string): string =>
    collation === 'i;octet'
      ? text
      : collation === 'i;unicode-casemap'
        ? text.normalize('NFKD').toLowerCase()
        : text.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
  const left = fold(a)
  const right = fold(b)
  return left < right ? -1 : left > right ? 1 : 0
}

/** A comparator for one plain property (strings by collation, then numbers, booleans, dates). */
export function compareProperty(
  property: string,
): (a: JsonObject, b: JsonObject, comparator: SortComparator) => number {
  return (a, b, comparator) => {
    const left = a[property]
    const right = b[property]
    if (typeof left === 'string' && typeof right === 'string') {
      return compareStrings(left, right, comparator.collation)
    }
    if (typeof left === 'number' && typeof right === 'number') return left - right
    if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right)
    // null/missing sorts before any value, so the order stays total.
    if (left === right) return 0
    if (left === null || left === undefined) return -1
    if (right === null || right === undefined) return 1
    return 0
  }
}
