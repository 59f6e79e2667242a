import { describe, expect, it } from 'vitest'
import { readPushVerification, verifyPushSubscriptionArgs } from './push-subscription.js'

describe('push subscription verification', () => {
  it('recognizes a PushVerification and builds the PushSubscription/set update', () => {
    const verification = readPushVerification(
      JSON.parse(
        '{"@type":"PushVerification","pushSubscriptionId":"P43","verificationCode":"da1f097b11ca17f06424e30bf02bfa67"}',
      ),
    )
    expect(verification?.pushSubscriptionId).toBe('P43')
    expect(verification && verifyPushSubscriptionArgs(verification)).toEqual({
      update: { P43: { verificationCode: 'da1f097b11ca17f06424e30bf02bfa67' } },
    })
  })

  it('ignores StateChange bodies and malformed ones', () => {
    expect(readPushVerification({ '@type': 'StateChange', changed: {} })).toBeUndefined()
    expect(
      readPushVerification({ '@type': 'PushVerification', pushSubscriptionId: 'P1' }),
    ).toBeUndefined()
    expect(readPushVerification(null)).toBeUndefined()
  })
})
