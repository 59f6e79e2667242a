import { afterEach, describe, expect, it } from 'vitest'
import {
  type LocalHttpServer,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { createConnection } from '../connection/connection.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A server whose session answer waits until `release()` is called. */
async function slowSessionServer() {
  let release = (): void => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const server = await startLocalHttpServer(async (_request, response) => {
    await released
    sendJson(response, 200, sessionBody())
  })
  servers.push(server)
  return { server, release }
}

describe('session fetch with an AbortSignal', () => {
  it('rejects the aborted caller with the signal reason; others still get the session', async () => {
    const { server, release } = await slowSessionServer()
    const connection = createConnection({ sessionUrl: `${server.origin}/jmap` })
    const controller = new AbortController()
    const aborted = connection.session({ signal: controller.signal })
    const patient = connection.session()
    controller.abort(new Error('user gave up'))
    await expect(aborted).rejects.toThrow('user gave up')
    release()
    expect((await patient).username).toBe('test')
    expect(server.requests).toHaveLength(1)
  })

  it('rejects at once for a signal already aborted, with a cached session too', async () => {
    const { server, release } = await slowSessionServer()
    release()
    const connection = createConnection({ sessionUrl: `${server.origin}/jmap` })
    await connection.session()
    await expect(connection.session({ signal: AbortSignal.abort('stop') })).rejects.toBe('stop')
    await expect(connection.refreshSession({ signal: AbortSignal.abort('stop') })).rejects.toBe(
      'stop',
    )
  })

  it('stops send() waiting for the session when its signal aborts', async () => {
    const { server } = await slowSessionServer()
    const connection = createConnection({ sessionUrl: `${server.origin}/jmap` })
    const controller = new AbortController()
    const sending = connection.send(
      { using: ['urn:ietf:params:jmap:core'], methodCalls: [['Core/echo', {}, 'c0']] },
      { signal: controller.signal },
    )
    controller.abort(new Error('cancelled'))
    await expect(sending).rejects.toThrow('cancelled')
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
  })
})
