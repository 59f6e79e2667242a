import { createClient, type Id } from '@typed-jmap/core'
import { describe, expectTypeOf, test } from 'vitest'
import { mdn, quota, vacationResponse } from '../capabilities/mail-capabilities.js'
import type { Quota } from '../quota/quota.js'
import type { VacationResponse } from '../vacation-response/vacation-response.js'
import { vacationResponseId } from '../vacation-response/vacation-response.js'
import type { Mdn } from './mdn.js'

declare const accountId: string
declare const someId: Id
const jmap = createClient({
  sessionUrl: 'https://jmap.example/session',
  capabilities: [mdn, quota, vacationResponse],
})

describe('MDN', () => {
  test('MDN/send needs a disposition with RFC values and reaches its implicit Email/set', async () => {
    const { sent, flagged } = await jmap.request((b) => {
      const sent = b.call('MDN/send', {
        accountId,
        identityId: someId,
        send: {
          k1: {
            forEmailId: someId,
            disposition: {
              actionMode: 'manual-action',
              sendingMode: 'mdn-sent-manually',
              type: 'displayed',
            },
          },
        },
        onSuccessUpdateEmail: { [someId]: { 'keywords/$mdnsent': true } },
      })
      return { sent, flagged: sent.implicit('Email/set') }
    })
    expectTypeOf(sent.sent).toEqualTypeOf<Record<string, Partial<Mdn>> | null>()
    expectTypeOf(flagged).not.toBeAny()
    await jmap.request((b) =>
      b.call('MDN/send', {
        accountId,
        identityId: someId,
        // @ts-expect-error: the disposition type is lower case and one of four values
        send: {
          k1: {
            forEmailId: someId,
            disposition: {
              actionMode: 'manual-action',
              sendingMode: 'mdn-sent-manually',
              type: 'Read',
            },
          },
        },
      }),
    )
  })

  test('MDN/parse answers MDNs by blob id', async () => {
    const parsed = await jmap.request((b) => b.call('MDN/parse', { accountId, blobIds: [someId] }))
    expectTypeOf(parsed.parsed).toEqualTypeOf<Record<Id, Mdn> | null>()
  })
})

describe('Quota and VacationResponse', () => {
  test('Quota/get narrows and Quota/query filters by type and scope', async () => {
    const { got, found } = await jmap.request((b) => ({
      got: b.call('Quota/get', { accountId, ids: null, properties: ['used', 'hardLimit'] }),
      found: b.call('Quota/query', {
        accountId,
        filter: { type: 'Email', scope: 'account' },
        sort: [{ property: 'used' }],
      }),
    }))
    expectTypeOf(got.list).toEqualTypeOf<Pick<Quota, 'id' | 'used' | 'hardLimit'>[]>()
    expectTypeOf(found.ids).toEqualTypeOf<Id[]>()
    await jmap.request((b) =>
      // @ts-expect-error: Quota is read-only; there is no Quota/set
      b.call('Quota/set', { accountId }),
    )
  })

  test('VacationResponse/set updates the singleton', async () => {
    const set = await jmap.request((b) =>
      b.call('VacationResponse/set', {
        accountId,
        update: { [vacationResponseId]: { isEnabled: true, subject: 'Away' } },
      }),
    )
    expectTypeOf(set.updated).toEqualTypeOf<Record<Id, Partial<VacationResponse> | null> | null>()
    await jmap.request((b) =>
      b.call('VacationResponse/set', {
        accountId,
        // @ts-expect-error: isEnabled is a boolean
        update: { [vacationResponseId]: { isEnabled: 'yes' } },
      }),
    )
  })
})
