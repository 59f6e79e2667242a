import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type LocalHttpServer,
  type ReceivedRequest,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { createConnection } from '../connection/connection.js'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { isSessionError } from '../errors/session-error.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function pushServer(
  stream: (request: ReceivedRequest, response: ServerResponse, attempt: number) => void,
): Promise<LocalHttpServer> {
  let attempt = 0
  const server = await startLocalHttpServer((request, response) => {
    if (request.url === '/jmap/') sendJson(response, 200, sessionBody())
    else if (request.url.startsWith('/jmap/eventsource/')) stream(request, response, attempt++)
    else response.writeHead(404).end()
  })
  servers.push(server)
  return server
}
const change = (state: string) =>
  JSON.stringify({ '@type': 'StateChange', changed: { u1: { Email: state } } })
const connect = (server: LocalHttpServer) =>
  createConnection({ sessionUrl: `${server.origin}/jmap/`, auth: { bearer: 'tok' } })
const streamRequests = (server: LocalHttpServer) =>
  server.requests.filter((request) => request.url.startsWith('/jmap/eventsource/'))

describe('events (EventSource over fetch)', () => {
  it('expands types/closeafter/ping, sends auth, and yields StateChanges', async () => {
    const server = await pushServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('event: ping\ndata: {"interval":5}\n\n')
      response.write(`id: 7\nevent: state\ndata: ${change('7')}\n\n`)
    })
    const events = connect(server).events({
      types: ['Email', 'Mailbox'],
      closeafter: 'no',
      ping: 5,
    })
    for await (const stateChange of events) {
      expect(stateChange.changed).toEqual({ u1: { Email: '7' } })
      break
    }
    const [request] = streamRequests(server)
    expect(request?.url).toBe('/jmap/eventsource/?types=Email%2CMailbox&closeafter=no&ping=5')
    expect(request?.headers.authorization).toBe('Bearer tok')
    expect(request?.headers.accept).toBe('text/event-stream')
  })

  it('reconnects with Last-Event-ID after the stream ends', async () => {
    const server = await pushServer((_request, response, attempt) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end(`retry: 10\nid: s${attempt}\nevent: state\ndata: ${change(String(attempt))}\n\n`)
    })
    const seen: string[] = []
    const events = connect(server).events({ closeafter: 'state', reconnect: { initialDelay: 10 } })
    for await (const stateChange of events) {
      seen.push(stateChange.changed.u1?.Email ?? '')
      if (seen.length === 3) events.close()
    }
    expect(seen).toEqual(['0', '1', '2'])
    const requests = streamRequests(server)
    expect(requests[0]?.headers['last-event-id']).toBeUndefined()
    expect(requests[1]?.headers['last-event-id']).toBe('s0')
    expect(requests[2]?.headers['last-event-id']).toBe('s1')
  })

  it('backs off and reconnects after a connection failure', async () => {
    const server = await pushServer((_request, response, attempt) => {
      if (attempt === 0) {
        response.socket?.destroy()
        return
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(`event: state\ndata: ${change('9')}\n\n`)
    })
    const events = connect(server).events({ reconnect: { initialDelay: 10 } })
    for await (const stateChange of events) {
      expect(stateChange.changed.u1?.Email).toBe('9')
      break
    }
    expect(streamRequests(server).length).toBeGreaterThanOrEqual(2)
  })

  it('says push is unavailable when the server answers 204, as Cyrus 3.6 does', async () => {
    const server = await pushServer((_request, response) => response.writeHead(204).end())
    const events = connect(server).events()
    let error: unknown
    try {
      for await (const _ of events) break
    } catch (caught) {
      error = caught
    }
    expect(isSessionError(error) && error.problem).toBe('pushUnavailable')
    expect(String(error)).toMatch(/push is unavailable/)
  })

  it('rejects an invalid StateChange with a validation error', async () => {
    const server = await pushServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('event: state\ndata: {"@type":"StateChange","changed":{"u1":{"Email":7}}}\n\n')
    })
    let error: unknown
    try {
      for await (const _ of connect(server).events()) break
    } catch (caught) {
      error = caught
    }
    expect(isResponseValidationError(error)).toBe(true)
  })

  it('stops reading when closed', async () => {
    const server = await pushServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(': hello\n\n')
    })
    const events = connect(server).events()
    setTimeout(() => events.close(), 50)
    const received: unknown[] = []
    for await (const stateChange of events) received.push(stateChange)
    expect(received).toEqual([])
  })
})

describe('events from a misbehaving server', () => {
  it('delivers the valid events of a chunk and then reports a non-JSON one as a ResponseValidationError', async () => {
    const server = await pushServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(
        `event: state\ndata: ${change('1')}\n\nevent: state\ndata: not json\n\nevent: state\ndata: ${change('2')}\n\n`,
      )
    })
    const seen: string[] = []
    let error: unknown
    try {
      for await (const stateChange of connect(server).events({ ping: 0 })) {
        seen.push(stateChange.changed.u1?.Email ?? '')
      }
    } catch (caught) {
      error = caught
    }
    expect(seen).toEqual(['1', '2'])
    expect(isResponseValidationError(error)).toBe(true)
    expect(String(error)).toContain('not JSON')
    expect(streamRequests(server)).toHaveLength(1)
  })

  it('skips a bad event and tells the onInvalidEvent hook, going on with the stream', async () => {
    const server = await pushServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(`event: state\ndata: {"@type":"StateChange"}\n\n`)
      response.write(`event: state\ndata: ${change('3')}\n\n`)
    })
    const warnings: unknown[] = []
    const events = connect(server).events({
      ping: 0,
      onInvalidEvent: (error) => warnings.push(error),
    })
    for await (const stateChange of events) {
      expect(stateChange.changed.u1?.Email).toBe('3')
      break
    }
    expect(warnings).toHaveLength(1)
    expect(isResponseValidationError(warnings[0])).toBe(true)
  })

  it('backs off exponentially while the server keeps closing the stream without events', async () => {
    const server = await pushServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end('retry: 50\n\n')
    })
    const events = connect(server).events({ ping: 0, reconnect: { initialDelay: 50 } })
    const iterator = events[Symbol.asyncIterator]()
    const next = iterator.next()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    events.close()
    await next
    // 50 ms without backoff would be ~40 reconnects in 1.5 s (the issue saw ~15
    // in 3 s); doubling from 25–50 ms allows at most 7.
    expect(streamRequests(server).length).toBeGreaterThanOrEqual(3)
    expect(streamRequests(server).length).toBeLessThanOrEqual(7)
  })
})
