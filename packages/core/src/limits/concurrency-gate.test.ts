import { describe, expect, it } from 'vitest'
import { createConcurrencyGate } from './concurrency-gate.js'

describe('createConcurrencyGate', () => {
  it('queues beyond the width instead of failing', async () => {
    const gate = createConcurrencyGate(() => 2)
    let running = 0
    let peak = 0
    const task = async (value: number) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      return value
    }
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => gate.run(() => task(value))))
    expect(results).toEqual([1, 2, 3, 4, 5])
    expect(peak).toBe(2)
    expect(gate.active).toBe(0)
  })
})
