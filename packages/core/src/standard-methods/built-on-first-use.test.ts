import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { builtOnFirstUse } from './built-on-first-use.js'

describe('builtOnFirstUse', () => {
  it('builds nothing until the first response is checked, then builds once and keeps it', () => {
    let builds = 0
    const factory = builtOnFirstUse(() => {
      builds++
      return v.looseObject({ accountId: v.string() })
    })
    expect(builds).toBe(0)
    const first = factory({ accountId: 'u1' })
    const second = factory({})
    expect(builds).toBe(1)
    expect(second).toBe(first)
    expect(v.safeParse(first, { accountId: 1 }).success).toBe(false)
  })
})
