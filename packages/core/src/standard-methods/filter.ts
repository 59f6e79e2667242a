/**
 * Combines filter conditions with a boolean operator; `NOT` matches when none
 * of the conditions match.
 *
 * @see RFC 8620 §5.5
 * @example { "operator": "OR", "conditions": [{ "from": "a@x" }, { "from": "b@x" }] }
 */
export interface FilterOperator<TCondition> {
  /** How the conditions are combined. */
  readonly operator: 'AND' | 'OR' | 'NOT'
  /** Conditions or nested operators. */
  readonly conditions: readonly (FilterOperator<TCondition> | TCondition)[]
}

/**
 * A `/query` filter: one condition of the data type, or an operator over several.
 *
 * @see RFC 8620 §5.5
 * @example { "inMailbox": "M1", "hasKeyword": "$flagged" }
 */
export type Filter<TCondition> = FilterOperator<TCondition> | TCondition
