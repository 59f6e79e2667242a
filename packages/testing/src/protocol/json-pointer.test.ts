import { describe, expect, it } from 'vitest'
import { evaluateJmapPointer, parseJsonPointer } from './json-pointer.js'

describe('parseJsonPointer', () => {
  it('unescapes ~1 and ~0 in that order (RFC 6901 §4)', () => {
    expect(parseJsonPointer('/a~1b/m~0n/~01')).toEqual(['a/b', 'm~n', '~1'])
  })

  it('accepts the empty pointer and rejects text without a leading slash or with a bad escape', () => {
    expect(parseJsonPointer('')).toEqual([])
    expect(parseJsonPointer('ids')).toBeUndefined()
    expect(parseJsonPointer('/a~2')).toBeUndefined()
  })
})

describe('evaluateJmapPointer', () => {
  // The Thread/get response of RFC 8620 §3.7's example.
  const threads = {
    accountId: 'A1',
    state: '123456',
    list: [
      { id: 'trd194', emailIds: ['msg1020', 'msg1021', 'msg1023'] },
      { id: 'trd114', emailIds: ['msg201', 'msg202'] },
    ],
    notFound: [],
  }

  it('maps * over an array and flattens arrays it produces (RFC 8620 §3.7 example)', () => {
    expect(evaluateJmapPointer(threads, '/list/*/emailIds')).toEqual({
      found: true,
      value: ['msg1020', 'msg1021', 'msg1023', 'msg201', 'msg202'],
    })
  })

  it('maps * without flattening scalars', () => {
    expect(evaluateJmapPointer(threads, '/list/*/id')).toEqual({
      found: true,
      value: ['trd194', 'trd114'],
    })
  })

  it('indexes arrays by number and fails past the end or on a non-number', () => {
    expect(evaluateJmapPointer(threads, '/list/1/id')).toEqual({ found: true, value: 'trd114' })
    expect(evaluateJmapPointer(threads, '/list/2/id')).toEqual({ found: false })
    expect(evaluateJmapPointer(threads, '/list/01/id')).toEqual({ found: false })
    expect(evaluateJmapPointer(threads, '/list/-/id')).toEqual({ found: false })
  })

  it('fails when a member is missing, even inside a * mapping', () => {
    expect(evaluateJmapPointer(threads, '/nope')).toEqual({ found: false })
    expect(evaluateJmapPointer(threads, '/list/*/nope')).toEqual({ found: false })
    expect(evaluateJmapPointer({ ids: 'x' }, '/ids/*')).toEqual({ found: false })
  })

  it('returns the whole document for the empty pointer', () => {
    expect(evaluateJmapPointer(threads, '')).toEqual({ found: true, value: threads })
  })
})
