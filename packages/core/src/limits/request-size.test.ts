import { describe, expect, it } from 'vitest'
import { LimitError } from '../errors/limit-error.js'
import { assertRequestSize } from './request-size.js'

describe('assertRequestSize', () => {
  it('counts UTF-8 bytes, not UTF-16 units', () => {
    const body = JSON.stringify({ text: 'é'.repeat(40) })
    expect(() => assertRequestSize(body, body.length + 10)).toThrow(LimitError)
    expect(() => assertRequestSize(body, body.length * 2)).not.toThrow()
  })
})
