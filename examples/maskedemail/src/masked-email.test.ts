import { createClient, Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { maskedEmail, maskedEmailCapability } from './index.js'

const jmap = createClient({
  sessionUrl: 'https://api.fastmail.com/jmap/session',
  capabilities: [maskedEmail],
})

describe('MaskedEmail requests', () => {
  it('put the MaskedEmail capability in using, after core', () => {
    const request = jmap.prepare((b) =>
      b.call('MaskedEmail/get', { accountId: 'u1', ids: null, properties: ['email'] }),
    )
    expect(request).toEqual({
      using: ['urn:ietf:params:jmap:core', maskedEmailCapability],
      methodCalls: [
        ['MaskedEmail/get', { accountId: 'u1', ids: null, properties: ['email'] }, 'c0'],
      ],
    })
  })

  it('send creation ids as #k1 in a later update', () => {
    const request = jmap.prepare((b) => {
      const created = b.call('MaskedEmail/set', {
        accountId: 'u1',
        create: { k1: { forDomain: 'https://shop.example' } },
      })
      return b.call('MaskedEmail/set', {
        accountId: 'u1',
        update: { [created.created('k1')]: { state: 'enabled' } },
        destroy: [Id('old1')],
      })
    })
    expect(request.methodCalls[1]).toEqual([
      'MaskedEmail/set',
      { accountId: 'u1', update: { '#k1': { state: 'enabled' } }, destroy: ['old1'] },
      'c1',
    ])
  })
})
