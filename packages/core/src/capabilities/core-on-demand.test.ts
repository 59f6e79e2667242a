import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type LocalHttpServer,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { createClient } from '../client/create-client.js'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { Id } from '../primitives/id.js'
import type { Invocation, JmapRequest } from '../protocol/request.js'
import type { core } from './core.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const auth = { basic: { username: 'test', password: 'test' } }

/** A loopback JMAP server answering every call with `answer`. */
async function serve(answer: (call: Invocation) => Invocation) {
  const server = await startLocalHttpServer((request, response) => {
    if (request.method === 'GET') return sendJson(response, 200, sessionBody({}))
    const body = JSON.parse(request.body) as JmapRequest
    sendJson(response, 200, { methodResponses: body.methodCalls.map(answer), sessionState: 's1' })
  })
  servers.push(server)
  return `${server.origin}/jmap`
}

// Blob/copy and PushSubscription/* validate with code loaded on demand (with the
// blob and push code): the first response of each is still checked.
describe('core methods whose validators load on demand', () => {
  it('checks a Blob/copy response in request, requestSettled and call', async () => {
    const sessionUrl = await serve(([name, , callId]) => [
      name,
      { fromAccountId: 'u1', accountId: 'u2', copied: { B1: 'not an id!' }, notCopied: null },
      callId,
    ])
    const jmap = createClient({ sessionUrl, auth })
    const args = { fromAccountId: 'u1', accountId: 'u2', blobIds: [Id('B1')] }
    const viaRequest = jmap.request((b) => b.call('Blob/copy', args))
    await expect(viaRequest).rejects.toSatisfy(isResponseValidationError)
    await expect(viaRequest).rejects.toThrow(/methodResponses\[0\]\[1\]\["copied"\]\["B1"\]/)
    await expect(jmap.requestSettled((b) => b.call('Blob/copy', args))).rejects.toSatisfy(
      isResponseValidationError,
    )
    await expect(jmap.call('Blob/copy', args)).rejects.toSatisfy(isResponseValidationError)
  })

  it('passes a valid PushSubscription/get response, picked by the properties asked for', async () => {
    const sessionUrl = await serve(([name, , callId]) => [
      name,
      { list: [{ id: 'P1', expires: '2026-12-14T00:00:00Z' }], notFound: [] },
      callId,
    ])
    const jmap = createClient({ sessionUrl, auth })
    const got = await jmap.request((b) =>
      b.call('PushSubscription/get', { ids: null, properties: ['expires'] }),
    )
    expect(got.list).toEqual([{ id: 'P1', expires: '2026-12-14T00:00:00Z' }])
    const all = jmap.request((b) => b.call('PushSubscription/get', { ids: null }))
    await expect(all).rejects.toThrow(/deviceClientId/)
  })

  it('refuses an invalid PushSubscription/set response', async () => {
    const sessionUrl = await serve(([name, , callId]) => [
      name,
      { created: { k1: { id: 'P1', expires: 'tomorrow' } } },
      callId,
    ])
    const jmap = createClient({ sessionUrl, auth })
    const set = jmap.request((b) =>
      b.call('PushSubscription/set', {
        create: { k1: { deviceClientId: 'd1', url: 'https://push.example/x' } },
      }),
    )
    await expect(set).rejects.toThrow(/\["created"\]\["k1"\]\["expires"\]/)
  })

  it('says so when a validator is used before it is loaded', async () => {
    vi.resetModules()
    const fresh: { core: typeof core } = await import('./core.js')
    const runtime = fresh.core.methods['PushSubscription/set']
    expect(() => (runtime.response as (args: object) => unknown)({})).toThrow(
      /before it was loaded/,
    )
  })
})
