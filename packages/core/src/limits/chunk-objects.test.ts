import { describe, expect, it } from 'vitest'
import { chunkIds, chunkSetOperations } from './chunk-objects.js'

describe('chunkIds', () => {
  it('cuts ids by maxObjectsInGet', () => {
    expect(chunkIds(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    expect(chunkIds([], 2)).toEqual([])
  })
})

describe('chunkSetOperations', () => {
  it('keeps every chunk within maxObjectsInSet, creates first', () => {
    const chunks = chunkSetOperations(
      { create: { k1: {}, k2: {} }, update: { M1: { name: 'x' } }, destroy: ['M2', 'M3'] },
      2,
    )
    expect(chunks).toEqual([
      { create: { k1: {}, k2: {} } },
      { update: { M1: { name: 'x' } }, destroy: ['M2'] },
      { destroy: ['M3'] },
    ])
  })
})
