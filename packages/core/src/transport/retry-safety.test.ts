import { describe, expect, it } from 'vitest'
import type { Invocation } from '../protocol/request.js'
import { isRetrySafe } from './retry-safety.js'

const request = (...methodCalls: Invocation[]) => ({ using: [], methodCalls })

describe('isRetrySafe', () => {
  it('allows reads', () => {
    expect(
      isRetrySafe(
        request(
          ['Email/query', {}, 'a'],
          ['Email/get', {}, 'b'],
          ['Mailbox/changes', {}, 'c'],
          ['Email/queryChanges', {}, 'd'],
          ['Core/echo', {}, 'e'],
          ['Email/parse', {}, 'f'],
        ),
      ),
    ).toBe(true)
  })

  it.each([
    'Email/set',
    'Email/copy',
    'Email/import',
    'EmailSubmission/set',
    'MDN/send',
    'Blob/copy',
    'Example/frobnicate',
  ])('refuses %s without ifInState', (name) => {
    expect(isRetrySafe(request(['Email/get', {}, 'a'], [name, { accountId: 'u1' }, 'b']))).toBe(
      false,
    )
  })

  it('allows writes that all carry ifInState', () => {
    expect(
      isRetrySafe(
        request(['Email/set', { ifInState: 's1' }, 'a'], ['Mailbox/set', { ifInState: 's2' }, 'b']),
      ),
    ).toBe(true)
    expect(
      isRetrySafe(request(['Email/set', { ifInState: 's1' }, 'a'], ['Mailbox/set', {}, 'b'])),
    ).toBe(false)
  })

  it('never trusts ifInState on methods it cannot prove state-guarded', () => {
    expect(isRetrySafe(request(['MDN/send', { ifInState: 's' }, 'a']))).toBe(false)
    expect(isRetrySafe(request(['Example/frobnicate', { ifInState: 's' }, 'a']))).toBe(false)
  })
})
