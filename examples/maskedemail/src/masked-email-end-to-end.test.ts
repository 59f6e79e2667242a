import { createClient } from '@typed-jmap/core'
import { maskedEmail, maskedEmailCapability } from '@typed-jmap/example-maskedemail'
import { maskedEmailPlugin } from '@typed-jmap/example-maskedemail/test-server'
import { createTestServer } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'

// The end-to-end example the testing README and docs/guides/own-capability.md quote: the
// client package's witnesses and the test server's data type, one capability, one round trip.
describe('MaskedEmail, client and test server', () => {
  it('creates, reads, updates and destroys a masked address', async () => {
    const server = createTestServer({ now: () => new Date('2026-03-01T09:00:00Z') })
    server.register(maskedEmailPlugin)
    const jmap = createClient({
      sessionUrl: server.sessionUrl,
      fetch: server.fetch,
      capabilities: [maskedEmail],
    })
    const session = await jmap.session()
    const accountId = session.primaryAccounts[maskedEmailCapability] as string

    const made = await jmap.request((b) =>
      b.call('MaskedEmail/set', {
        accountId,
        create: { shop: { forDomain: 'https://shop.example', emailPrefix: 'shop' } },
      }),
    )
    const created = made.created?.shop
    if (created === undefined) throw new Error(`not created: ${JSON.stringify(made.notCreated)}`)
    expect(created).toMatchObject({ email: 'shop.1@masked.example', state: 'pending' })

    const { id } = created
    await jmap.request((b) =>
      b.call('MaskedEmail/set', { accountId, update: { [id]: { state: 'enabled' } } }),
    )
    const { list } = await jmap.request((b) =>
      b.call('MaskedEmail/get', { accountId, ids: [id], properties: ['email', 'state'] }),
    )
    expect(list).toEqual([{ id, email: 'shop.1@masked.example', state: 'enabled' }])

    const gone = await jmap.request((b) => b.call('MaskedEmail/set', { accountId, destroy: [id] }))
    expect(gone.destroyed).toEqual([id])
  })

  it('refuses a malformed emailPrefix with a SetError naming it', async () => {
    const server = createTestServer()
    server.register(maskedEmailPlugin)
    const jmap = createClient({
      sessionUrl: server.sessionUrl,
      fetch: server.fetch,
      capabilities: [maskedEmail],
    })
    const accountId = (await jmap.session()).primaryAccounts[maskedEmailCapability] as string

    const response = await jmap.request((b) =>
      b.call('MaskedEmail/set', {
        accountId,
        create: { bad: { forDomain: 'https://shop.example', emailPrefix: 'Not Valid!' } },
      }),
    )
    expect(response.notCreated?.bad).toMatchObject({
      type: 'invalidProperties',
      properties: ['emailPrefix'],
    })
  })
})
