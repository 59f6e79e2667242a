import { Id } from '@typed-jmap/core'
import { expect, it } from 'vitest'
import { describeOnServer, type TestServer } from '../../../../scripts/integration/servers.js'
import { type ContactsApi, createContactsApi } from '../../src/contacts-api/contacts-api.js'
import { isContactsApiError } from '../../src/contacts-api/contacts-api-error.js'

/** The contacts API over a fetch that counts the JMAP API requests (POSTs) it makes. */
function countingApi(server: TestServer): { api: ContactsApi; posts: () => number } {
  let posts = 0
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    if (method.toUpperCase() === 'POST') posts++
    return fetch(input, init)
  }
  const api = createContactsApi({
    sessionUrl: server.sessionUrl,
    auth: { basic: server.user },
    fetch: counting,
  })
  return { api, posts: () => posts }
}

// Cyrus 3.10 speaks its own pre-RFC Contact/ContactGroup methods under
// https://cyrusimap.org/ns/jmap/contacts, not RFC 9610; this package does not speak that dialect
// (see the README), so against 3.10 it must say so from the Session, without sending anything.
describeOnServer('cyrus-3.10', 'JMAP Contacts on Cyrus 3.10 (legacy dialect only)', (server) => {
  it('the Session offers the legacy namespace and not urn:ietf:params:jmap:contacts', async () => {
    const session = await countingApi(server).api.client.session()
    const capabilities = Object.keys(session.capabilities)
    expect(capabilities).toContain('https://cyrusimap.org/ns/jmap/contacts')
    expect(capabilities).not.toContain('urn:ietf:params:jmap:contacts')
  })

  it('every contacts API method says so before sending any JMAP request', async () => {
    const { api, posts } = countingApi(server)
    const book = api.addressBook('B1')
    const calls: (() => Promise<unknown>)[] = [
      () => api.listAddressBooks(),
      () => api.defaultAddressBook(),
      () => api.search({ name: 'x' }),
      () => api.syncToken(),
      () => api.changesSince('0'),
      () => book.addContact({ name: { full: 'Never sent' } }),
      () => book.search({ email: 'example.com' }),
      () => book.deleteContact(Id('C1')),
    ]
    for (const call of calls) {
      const error = await call().then(
        () => undefined,
        (caught: unknown) => caught,
      )
      expect(isContactsApiError(error)).toBe(true)
      expect(String(error)).toContain('urn:ietf:params:jmap:contacts')
    }
    expect(posts()).toBe(0)
  })
})
