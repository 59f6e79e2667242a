import { createClient, createPushInbox, MethodCallError, subscribeToPush } from '@typed-jmap/core'
import { expect, it } from 'vitest'
import { describeOnServer } from '../../../../scripts/integration/servers.js'

// Neither Cyrus build registers PushSubscription (see the method tables in
// reference/specs/cyrus_methods_*.txt): the typed calls reach the server and
// the refusal comes back as a typed method error, not a crash or a hang.
describeOnServer(
  ['cyrus-3.6', 'cyrus-3.10'],
  'PushSubscription (not offered by Cyrus)',
  (server) => {
    const jmap = createClient({ sessionUrl: server.sessionUrl, auth: { basic: server.user } })

    it('answers PushSubscription/get and /set with unknownMethod, as data', async () => {
      const settled = await jmap.requestSettled((b) => ({
        get: b.call('PushSubscription/get', { ids: null }),
        set: b.call('PushSubscription/set', {
          create: { k: { deviceClientId: 'typed-jmap-test', url: 'https://push.invalid/x' } },
        }),
      }))
      expect(settled.get.ok ? 'ok' : settled.get.error.type).toBe('unknownMethod')
      expect(settled.set.ok ? 'ok' : settled.set.error.type).toBe('unknownMethod')
    })

    it('makes subscribeToPush fail at once with the MethodCallError', async () => {
      const error = await subscribeToPush(jmap, createPushInbox(), {
        deviceClientId: 'typed-jmap-test',
        url: 'https://push.invalid/x',
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(MethodCallError)
      expect((error as MethodCallError).error.type).toBe('unknownMethod')
    })
  },
)
