// The connection against loopback servers that misbehave on cue: slow and
// stalled bodies, cut downloads, broken session limits, caller mistakes.
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import {
  echoResponse,
  type LocalHttpServer,
  type ReceivedRequest,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { isInvalidRequestError } from '../errors/invalid-request-error.js'
import { isSessionError } from '../errors/session-error.js'
import { isTransportError } from '../errors/transport-error.js'
import type { JmapRequest } from '../protocol/request.js'
import { type ConnectionOptions, createConnection } from './connection.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const core = 'urn:ietf:params:jmap:core'
const echo = (id: string): JmapRequest['methodCalls'][number] => ['Core/echo', { id }, id]

async function jmapServer(
  api: (request: ReceivedRequest, response: ServerResponse) => void,
  session: Record<string, unknown> = sessionBody(),
  other?: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<LocalHttpServer> {
  const server = await startLocalHttpServer((request, response) => {
    if (request.method === 'GET' && request.url === '/jmap') sendJson(response, 200, session)
    else if (request.method === 'POST' && request.url === '/jmap/') api(request, response)
    else if (other !== undefined) other(request, response)
    else response.writeHead(404).end()
  })
  servers.push(server)
  return server
}
const connect = (server: LocalHttpServer, options: Partial<ConnectionOptions> = {}) =>
  createConnection({
    sessionUrl: `${server.origin}/jmap`,
    auth: { bearer: 't' },
    retry: { limit: 2, backoffLimit: 10 },
    ...options,
  })
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}
/** Settles with `'pending'` when the promise has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([
    promise,
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ])
}

describe('maxConcurrentRequests on the wire', () => {
  it('holds a slot until the response body has been read', async () => {
    let open = 0
    let peak = 0
    const server = await jmapServer((request, response) => {
      open++
      peak = Math.max(peak, open)
      response.on('close', () => open--)
      const text = JSON.stringify(echoResponse(request.body))
      // Headers at once, the body trickles in later: the old gate freed the slot here.
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write(text.slice(0, 5))
      setTimeout(() => response.end(text.slice(5)), 60)
    })
    const connection = connect(server)
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        connection.send({ using: [core], methodCalls: [echo(`c${index}`)] }),
      ),
    )
    expect(answers.map((answer) => answer.methodResponses[0]?.[2])).toEqual(
      Array.from({ length: 8 }, (_, index) => `c${index}`),
    )
    expect(peak).toBeLessThanOrEqual(2)
  })

  it('settles a request aborted while it waits for a slot at once', async () => {
    const server = await jmapServer(() => undefined, sessionBody({}, { maxConcurrentRequests: 1 }))
    const connection = connect(server, { timeout: 10_000 })
    await connection.session()
    const first = connection.send({ using: [core], methodCalls: [echo('a')] })
    first.catch(() => undefined)
    const controller = new AbortController()
    const queued = connection.send(
      { using: [core], methodCalls: [echo('b')] },
      { signal: controller.signal },
    )
    // Abort once the first request holds the only slot on the server.
    while (!server.requests.some((request) => request.method === 'POST')) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    controller.abort(new Error('not any more'))
    const outcome = await within(
      queued.then(
        () => 'resolved',
        (error: unknown) => error,
      ),
      1_000,
    )
    expect(outcome).toMatchObject({ message: 'not any more' })
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
  })
})

describe('timeout', () => {
  it('bounds a body that stalls after the headers: TransportError, not a hang', async () => {
    const server = await jmapServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"methodResponses":[')
    })
    const connection = connect(server, { timeout: 400 })
    await connection.session()
    const outcome = await within(
      failure(connection.send({ using: [core], methodCalls: [echo('a')] })),
      3_000,
    )
    expect(isTransportError(outcome)).toBe(true)
    expect(outcome).toMatchObject({ failure: 'timeout' })
  })
})

describe('session sanity', () => {
  it.each([
    ['maxCallsInRequest', 0],
    ['maxConcurrentRequests', 0],
    ['maxSizeRequest', 2 ** 53],
    ['maxObjectsInGet', 1.5],
  ])('refuses a session whose %s is %d with a SessionError', async (limit, value) => {
    const server = await jmapServer(
      (request, response) => sendJson(response, 200, echoResponse(request.body)),
      sessionBody({}, { [limit]: value }),
    )
    const error = await failure(connect(server).send({ using: [core], methodCalls: [echo('a')] }))
    expect(isSessionError(error) && error.problem).toBe('invalid')
    expect(String(error)).toContain(limit)
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
  })
})

describe('caller mistakes are the caller’s errors, found before sending', () => {
  it.each([
    ['not an object', null, 'request'],
    ['without using', { methodCalls: [] }, 'request.using'],
    [
      'with a call that is not a triple',
      { using: [core], methodCalls: [['Core/echo', {}]] },
      'request.methodCalls[0]',
    ],
  ])('send() given a request %s throws InvalidRequestError', async (_name, request, path) => {
    const server = await jmapServer((_request, response) => response.writeHead(500).end())
    const error = await failure(connect(server).send(request as unknown as JmapRequest))
    expect(isInvalidRequestError(error)).toBe(true)
    expect(error).toMatchObject({ path })
    expect(server.requests).toHaveLength(0)
  })

  it.each([
    [{ accountId: '' }, 'request.methodCalls[0][1].accountId'],
    [{ accountId: 'u1', ids: ['M1', 'has space'] }, 'request.methodCalls[0][1].ids[1]'],
    [{ accountId: 'u1', destroy: [7] }, 'request.methodCalls[0][1].destroy[0]'],
    [{ accountId: 'u1', ids: ['#'] }, 'request.methodCalls[0][1].ids[0]'],
    [{ accountId: 'u1', update: { 'a/b': {} } }, 'request.methodCalls[0][1].update["a/b"]'],
  ])('refuses an invalid Id in %j', async (args, path) => {
    const server = await jmapServer((_request, response) => response.writeHead(500).end())
    const error = await failure(
      connect(server).send({ using: [core], methodCalls: [['Email/get', args, 'c0']] }),
    )
    expect(isInvalidRequestError(error)).toBe(true)
    expect(error).toMatchObject({ path, methodName: 'Email/get', callId: 'c0' })
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
  })

  it('lets valid ids, null ids, result references and #creation ids through', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const args = {
      accountId: 'u1',
      ids: null,
      '#ids': { resultOf: 'c0', name: 'Email/query', path: '/ids' },
      update: { M1: {}, '#k1': {} },
      destroy: ['M2', '#k2'],
    }
    const answer = await connect(server).send({
      using: [core],
      methodCalls: [['Core/echo', args, 'c0']],
    })
    expect(answer.methodResponses[0]?.[1]).toEqual(args)
  })

  it('rejects only the queued call with a bad Id, not its batch', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const connection = connect(server)
    const good = connection.enqueue({ name: 'Core/echo', args: { accountId: 'u1' }, using: [core] })
    const bad = connection.enqueue({ name: 'Core/echo', args: { accountId: 'u 1' }, using: [core] })
    expect(isInvalidRequestError(await failure(bad))).toBe(true)
    expect((await good)[0]?.[1]).toEqual({ accountId: 'u1' })
  })

  it('wraps a download cut mid-body in a TransportError', async () => {
    const server = await jmapServer(
      () => undefined,
      sessionBody(),
      (_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': 1000,
        })
        response.write('0123456789')
        setTimeout(() => response.socket?.destroy(), 20)
      },
    )
    const response = await connect(server).download('u1', 'B1')
    expect(response.status).toBe(200)
    const error = await failure(response.text())
    expect(isTransportError(error)).toBe(true)
    expect(error).toMatchObject({ failure: 'body' })
  })
})
