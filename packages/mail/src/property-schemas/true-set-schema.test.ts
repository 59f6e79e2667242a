import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { trueSetSchema } from './true-set-schema.js'

describe('trueSetSchema', () => {
  it('keeps __proto__ and constructor as ordinary members without polluting prototypes', () => {
    const args = responseBody(loadFixture('mail', 'edge', 'proto-keys-in-email'))
      .methodResponses[0]?.[1]
    const { list } = v.parse(
      v.object({ list: v.array(v.object({ keywords: v.unknown(), mailboxIds: v.unknown() })) }),
      args,
    )
    const keywords = v.parse(trueSetSchema, list[0]?.keywords)
    expect(Object.keys(keywords).sort()).toEqual(['$seen', '__proto__', 'constructor'])
    expect(Object.getPrototypeOf(keywords)).toBe(Object.prototype)
    expect(Object.hasOwn(Object.prototype, 'MBinbox')).toBe(false)
    expect(Object.keys(v.parse(trueSetSchema, list[0]?.mailboxIds))).toContain('__proto__')
  })

  it.each([[null], [[]], [{ a: 1 }], [{ a: false }]])('refuses %j', (value) => {
    expect(v.safeParse(trueSetSchema, value).success).toBe(false)
  })
})
