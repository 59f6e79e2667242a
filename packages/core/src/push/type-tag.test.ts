import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { pushVerificationSchema } from './push-subscription.js'
import { stateChangeSchema } from './state-change.js'

describe('@type tags of push objects', () => {
  it('accept exactly their tag', () => {
    const change = { '@type': 'StateChange', changed: { u1: { Email: 's1' } }, pushState: 'p1' }
    expect(v.parse(stateChangeSchema, change)).toEqual(change)
    const verification = {
      '@type': 'PushVerification',
      pushSubscriptionId: 'P1',
      verificationCode: 'c',
    }
    expect(v.parse(pushVerificationSchema, verification)).toEqual(verification)
  })

  it('refuse another tag, saying what was expected and what came, at @type', () => {
    for (const [schema, tag] of [
      [stateChangeSchema, 'StateChange'],
      [pushVerificationSchema, 'PushVerification'],
    ] as const) {
      const result = v.safeParse(schema, {
        '@type': 'Foo',
        changed: {},
        pushSubscriptionId: 'P1',
        verificationCode: 'c',
      })
      expect(result.success).toBe(false)
      expect(result.issues?.[0]?.message).toBe(`expected "${tag}", got "Foo"`)
      expect(v.getDotPath(result.issues?.[0] as v.BaseIssue<unknown>)).toBe('@type')
      expect(
        v.safeParse(schema, { changed: {}, pushSubscriptionId: 'P1', verificationCode: 'c' })
          .success,
      ).toBe(false)
    }
  })

  it('refuse a pushState that is not a string', () => {
    expect(
      v.safeParse(stateChangeSchema, { '@type': 'StateChange', changed: {}, pushState: 3 }).success,
    ).toBe(false)
  })
})
