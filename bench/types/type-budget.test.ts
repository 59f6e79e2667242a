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

/** The request of 40 calls of the query → get → thread chain (bench/types/chain-scaling.ts). */
const fortyCallBudget = 15_500

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

describe('type-checking cost of a 40-call request', () => {
  it(`stays within ${fortyCallBudget} instantiations, without errors`, () => {
    const costs = chainCostsWithApi('typed-jmap', [40])
    expect(costs.errors).toEqual([])
    expect(costs.instantiations.get(40)).toBeLessThanOrEqual(fortyCallBudget)
  }, 300_000)
})
