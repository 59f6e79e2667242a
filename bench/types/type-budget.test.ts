// The instantiation budget of the type-cost scenarios: a regression in the
// builder's types (or in a package's witnesses) fails here, in CI, before it
// reaches a user's editor. Budgets are the measured counts plus about 15 %.
import { beforeAll, describe, expect, it } from 'vitest'
import { chainCostsWithApi } from './chain-scaling.js'
import { type IsolatedCost, isolatedCosts } from './measure-scenarios.js'

const budgets: Readonly<Record<string, number>> = {
  chain: 2_100,
  'twenty-calls': 6_500,
  'all-packages': 820,
}

/**
 * Requests of 1 and 40 calls of the query → get → thread chain
 * (bench/types/chain-scaling.ts), measured 2,749 and 10,561 on TS 6.0. The
 * 1-call request is mostly what a program's first request pays once (the
 * builder's variance annotations keep TypeScript from measuring it there).
 */
const chainBudgets: Readonly<Record<number, number>> = { 1: 3_200, 40: 12_200 }

describe('type-checking cost of the bench scenarios', () => {
  let ours: ReadonlyMap<string, IsolatedCost> = new Map()
  let theirs: ReadonlyMap<string, IsolatedCost> = new Map()
  beforeAll(() => {
    ours = isolatedCosts('typed-jmap')
    theirs = isolatedCosts('jmap-jam')
  }, 300_000)

  it('checks every scenario without errors, and never too deep (TS2589)', () => {
    // A scenario with an error would measure a broken request, not the builder.
    expect(ours.size).toBe(3)
    expect([...ours.values()].flatMap((cost) => cost.errors)).toEqual([])
  })

  it.each(Object.entries(budgets))('keeps %s within %i instantiations', (scenario, budget) => {
    expect(ours.get(scenario)?.instantiations).toBeLessThanOrEqual(budget)
  })

  it('costs no more instantiations than jmap-jam for the query → get → thread chain', () => {
    expect(ours.get('chain')?.instantiations).toBeLessThanOrEqual(
      theirs.get('chain')?.instantiations ?? 0,
    )
  })
})

/**
 * The same requests with calls by data type (`t.Email.get(…)`), measured
 * 3,442 and 8,306 on TS 6.0, and the cost of each call added between 40
 * and 80 calls, measured 19.5: the goal is at most twice jmap-jam's
 * (~12), so 24.
 */
const methodChainBudgets: Readonly<Record<number, number>> = { 1: 4_000, 40: 9_600 }
const methodPerAddedCallBudget = 24

describe('type-checking cost of 1- and 40-call requests', () => {
  it('stays within the budgets, without errors', () => {
    const costs = chainCostsWithApi('typed-jmap', [1, 40])
    expect(costs.errors).toEqual([])
    for (const [calls, budget] of Object.entries(chainBudgets)) {
      expect(costs.instantiations.get(Number(calls))).toBeLessThanOrEqual(budget)
    }
  }, 300_000)
})

describe('type-checking cost of requests of calls by data type', () => {
  it('stays within the budgets, without errors, each added call at most 2x jmap-jam', () => {
    const costs = chainCostsWithApi('typed-jmap-methods', [1, 40, 80])
    expect(costs.errors).toEqual([])
    for (const [calls, budget] of Object.entries(methodChainBudgets)) {
      expect(costs.instantiations.get(Number(calls))).toBeLessThanOrEqual(budget)
    }
    const perAddedCall =
      ((costs.instantiations.get(80) ?? Number.NaN) - (costs.instantiations.get(40) ?? 0)) / 40
    expect(perAddedCall).toBeLessThanOrEqual(methodPerAddedCallBudget)
  }, 300_000)
})
