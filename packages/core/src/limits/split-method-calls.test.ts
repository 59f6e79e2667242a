import { describe, expect, it } from 'vitest'
import { isLimitError } from '../errors/limit-error.js'
import type { Invocation } from '../protocol/request.js'
import { splitMethodCalls } from './split-method-calls.js'

const echo = (id: string): Invocation => ['Core/echo', {}, id]

describe('splitMethodCalls', () => {
  it('keeps a short request whole', () => {
    expect(splitMethodCalls([echo('a'), echo('b')], 3)).toEqual([[echo('a'), echo('b')]])
  })

  it('splits independent calls into ordered groups', () => {
    const calls = ['a', 'b', 'c', 'd', 'e'].map(echo)
    expect(splitMethodCalls(calls, 2).map((group) => group.map((call) => call[2]))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ])
  })

  it('allows references inside one group', () => {
    const calls: Invocation[] = [
      ['Email/query', {}, 'q'],
      ['Email/get', { '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } }, 'g'],
      echo('x'),
    ]
    expect(splitMethodCalls(calls, 2)).toHaveLength(2)
  })

  it('refuses a reference that would cross groups', () => {
    const calls: Invocation[] = [
      echo('a'),
      ['Email/query', {}, 'q'],
      ['Email/get', { '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } }, 'g'],
    ]
    let thrown: unknown
    try {
      splitMethodCalls(calls, 2)
    } catch (error) {
      thrown = error
    }
    expect(isLimitError(thrown)).toBe(true)
    expect(thrown).toMatchObject({ limit: 'maxCallsInRequest', maximum: 2, actual: 3 })
    expect(String(thrown)).toMatch(/call g .* refers to the result of call q/)
  })
})
