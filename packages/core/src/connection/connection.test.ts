import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import {
  echoResponse,
  type Handler,
  type LocalHttpServer,
  type ReceivedRequest,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { isLimitError } from '../errors/limit-error.js'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { isSessionError } from '../errors/session-error.js'
import { isTransportError } from '../errors/transport-error.js'
import type { JmapRequest } from '../protocol/request.js'
import { type ConnectionOptions, createConnection } from './connection.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const basic = { basic: { username: 'test', password: 'test' } }
const echo = (id: string): JmapRequest['methodCalls'][number] => ['Core/echo', { id }, id]
const core = 'urn:ietf:params:jmap:core'

/** A JMAP server: Cyrus-like session at /jmap (with a 301 from /.well-known/jmap), API at /jmap/. */
async function jmapServer(
  api: (request: ReceivedRequest, response: ServerResponse) => void,
  session: () => Record<string, unknown> = () => sessionBody(),
  other?: Handler,
): Promise<LocalHttpServer> {
  const server = await startLocalHttpServer((request, response, raw) => {
    if (request.url === '/.well-known/jmap') {
      response.writeHead(301, { location: `${server.origin}/jmap` }).end()
    } else if (request.method === 'GET' && request.url === '/jmap') {
      if (request.headers.authorization === undefined) response.writeHead(401).end()
      else sendJson(response, 200, session())
    } else if (request.method === 'POST' && request.url === '/jmap/') {
      api(request, response)
    } else if (other !== undefined) {
      return other(request, response, raw)
    } else {
      response.writeHead(404).end()
    }
  })
  servers.push(server)
  return server
}
const apiCalls = (server: LocalHttpServer) =>
  server.requests.filter((request) => request.method === 'POST' && request.url === '/jmap/')
const connect = (server: LocalHttpServer, options: Partial<ConnectionOptions> = {}) =>
  createConnection({
    host: server.origin,
    auth: basic,
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

describe('session', () => {
  it('discovers through /.well-known/jmap and resolves relative URLs', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const session = await connect(server).session()
    expect(session.apiUrl).toBe(`${server.origin}/jmap/`)
    expect(session.downloadUrl).toBe(
      `${server.origin}/jmap/download/{accountId}/{blobId}/{name}?accept={type}`,
    )
    expect(session.eventSourceUrl).toBe(
      `${server.origin}/jmap/eventsource/?types={types}&closeafter={closeafter}&ping={ping}`,
    )
  })

  it.each([
    ['javascript:alert(1)', 'untrustedUrl'],
    ['https://evil.example/jmap/', 'untrustedUrl'],
    ['//evil.example/jmap/', 'untrustedUrl'],
    ['http://user:pw@127.0.0.1:1/jmap/', 'untrustedUrl'],
    ['file:///etc/passwd', 'untrustedUrl'],
  ])('refuses a session whose apiUrl is %s', async (apiUrl, problem) => {
    const server = await jmapServer(
      () => undefined,
      () => sessionBody({ apiUrl }),
    )
    const error = await failure(connect(server).session())
    expect(isSessionError(error) && error.problem).toBe(problem)
  })

  it('accepts another origin that is explicitly trusted, sending credentials there', async () => {
    const api = await startLocalHttpServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    servers.push(api)
    const server = await jmapServer(
      () => undefined,
      () => sessionBody({ apiUrl: `${api.origin}/api/` }),
    )
    const connection = connect(server, { trustedOrigins: [api.origin] })
    await connection.send({ using: [core], methodCalls: [echo('a')] })
    expect(api.requests[0]?.headers.authorization).toBeDefined()
  })

  it('names the missing field of an invalid session', async () => {
    const server = await jmapServer(
      () => undefined,
      () => {
        const body = sessionBody()
        delete body.apiUrl
        return body
      },
    )
    const error = await failure(connect(server).session())
    expect(isSessionError(error) && error.problem).toBe('invalid')
    expect(String(error)).toContain('apiUrl')
  })

  it('picks accounts by primaryAccounts, then by scanning, and says when none has it', async () => {
    const server = await jmapServer(
      () => undefined,
      () =>
        sessionBody({
          capabilities: {
            ...(sessionBody().capabilities as object),
            'urn:ietf:params:jmap:submission': {},
            'urn:ietf:params:jmap:contacts': {},
          },
          accounts: {
            u1: (sessionBody().accounts as Record<string, unknown>).u1,
            u2: {
              name: 'shared',
              isPersonal: false,
              isReadOnly: true,
              accountCapabilities: { 'urn:ietf:params:jmap:submission': {} },
            },
          },
        }),
    )
    const connection = connect(server)
    expect(await connection.accountFor('urn:ietf:params:jmap:mail')).toBe('u1')
    expect(await connection.accountFor('urn:ietf:params:jmap:submission')).toBe('u2')
    const none = await failure(connection.accountFor('urn:ietf:params:jmap:contacts'))
    expect(isSessionError(none) && none.problem).toBe('noAccount')
    const unknown = await failure(connection.accountFor('urn:example:nope'))
    expect(isSessionError(unknown) && unknown.problem).toBe('missingCapability')
  })

  it('refetches the session after a response reports another sessionState', async () => {
    let state = 's1'
    const server = await jmapServer(
      (request, response) => sendJson(response, 200, echoResponse(request.body, 's2')),
      () => sessionBody({ state }),
    )
    const connection = connect(server)
    await connection.send({ using: [core], methodCalls: [echo('a')] })
    state = 's2'
    expect((await connection.session()).state).toBe('s2')
    expect((await connection.session()).state).toBe('s2')
    const sessionFetches = server.requests.filter((request) => request.url === '/jmap')
    expect(sessionFetches).toHaveLength(2)
  })
})

describe('send', () => {
  it('echoes a request', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const response = await connect(server).send({ using: [core], methodCalls: [echo('a')] })
    expect(response.methodResponses).toEqual([echo('a')])
    expect(JSON.parse(apiCalls(server)[0]?.body ?? '')).toEqual({
      using: [core],
      methodCalls: [echo('a')],
    })
  })

  it('refuses, before sending, a capability the server does not advertise', async () => {
    const server = await jmapServer(() => undefined)
    const error = await failure(
      connect(server).send({ using: [core, 'urn:example:nope'], methodCalls: [echo('a')] }),
    )
    expect(isSessionError(error) && error.problem).toBe('missingCapability')
    expect(String(error)).toContain('urn:example:nope')
    expect(apiCalls(server)).toHaveLength(0)
  })

  it('splits independent calls by maxCallsInRequest and carries createdIds', async () => {
    const server = await jmapServer((request, response) => {
      const body = JSON.parse(request.body) as { createdIds?: Record<string, string> }
      sendJson(response, 200, {
        ...echoResponse(request.body),
        createdIds: { ...body.createdIds, [`k${apiCalls(server).length}`]: 'X' },
      })
    })
    const calls = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(echo)
    const response = await connect(server).send({ using: [core], methodCalls: calls })
    expect(apiCalls(server)).toHaveLength(3)
    expect(response.methodResponses.map((call) => call[2])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ])
    expect(JSON.parse(apiCalls(server)[2]?.body ?? '').createdIds).toEqual({ k1: 'X', k2: 'X' })
    expect(response.createdIds).toBeUndefined()
  })

  it('refuses an over-long request whose calls reference each other, before sending', async () => {
    const server = await jmapServer(() => undefined)
    const error = await failure(
      connect(server).send({
        using: [core],
        methodCalls: [
          echo('a'),
          echo('b'),
          ['Email/query', {}, 'q'],
          ['Email/get', { '#ids': { resultOf: 'q', name: 'Email/query', path: '/ids' } }, 'g'],
        ],
      }),
    )
    expect(isLimitError(error)).toBe(true)
    expect(apiCalls(server)).toHaveLength(0)
  })

  it('refuses a request over maxSizeRequest before sending', async () => {
    const server = await jmapServer(() => undefined)
    const error = await failure(
      connect(server).send({
        using: [core],
        methodCalls: [['Core/echo', { blob: 'x'.repeat(200_000) }, 'a']],
      }),
    )
    expect(isLimitError(error) && error.limit).toBe('maxSizeRequest')
    expect(apiCalls(server)).toHaveLength(0)
  })

  it('queues requests beyond maxConcurrentRequests', async () => {
    let active = 0
    let peak = 0
    const server = await jmapServer((request, response) => {
      active++
      peak = Math.max(peak, active)
      setTimeout(() => {
        active--
        sendJson(response, 200, echoResponse(request.body))
      }, 20)
    })
    const connection = connect(server)
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => connection.send({ using: [core], methodCalls: [echo(`c${n}`)] })),
    )
    expect(peak).toBe(2)
  })
})

describe('bad input, nothing lost', () => {
  const request: JmapRequest = {
    using: [core],
    methodCalls: [['Email/set', { accountId: 'u1' }, 's']],
  }
  const cases: [string, (response: ServerResponse) => void, (error: unknown) => boolean][] = [
    [
      'malformed JSON',
      (response) =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"methodResponses": [['),
      (error) => isResponseValidationError(error) && /not valid JSON/.test(error.message),
    ],
    [
      'an HTML page with 200',
      (response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Login</html>'),
      (error) => isResponseValidationError(error) && /text\/html/.test(error.message),
    ],
    [
      'a wrong content type',
      (response) =>
        response.writeHead(200, { 'content-type': 'text/plain' }).end('{"methodResponses":[]}'),
      (error) => isResponseValidationError(error) && /text\/plain/.test(error.message),
    ],
    [
      'a truncated body',
      (response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
        response.write('{"methodResponses":[["Email/set",')
        setTimeout(() => response.socket?.destroy(), 10)
      },
      (error) => isTransportError(error) && error.failure === 'body' && error.writeMayHaveHappened,
    ],
    [
      'missing required fields',
      (response) =>
        sendJson(response, 200, { methodResponses: [['Email/set', { created: {} }, 's']] }),
      (error) => isResponseValidationError(error) && error.path === 'response.sessionState',
    ],
    [
      'a call response of the wrong shape',
      (response) =>
        sendJson(response, 200, {
          methodResponses: [['Email/set', null, 's']],
          sessionState: 's1',
        }),
      (error) =>
        isResponseValidationError(error) &&
        error.methodName === 'Email/set' &&
        error.callId === 's' &&
        error.path === 'response.methodResponses[0][1]',
    ],
    [
      'a method error without a type',
      (response) =>
        sendJson(response, 200, { methodResponses: [['error', {}, 's']], sessionState: 's1' }),
      (error) =>
        isResponseValidationError(error) && error.path === 'response.methodResponses[0][1].type',
    ],
    [
      'a connection reset in the middle of a /set',
      (response) => response.socket?.destroy(),
      (error) => isTransportError(error) && error.writeMayHaveHappened,
    ],
  ]

  it.each(cases)('%s ends in a typed error and is sent once', async (_name, answer, check) => {
    const server = await jmapServer((_request, response) => answer(response))
    const error = await failure(connect(server).send(request))
    expect(check(error), String(error)).toBe(true)
    expect(apiCalls(server)).toHaveLength(1)
  })

  it('refuses an oversized body', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, { ...echoResponse(request.body), padding: 'x'.repeat(5_000) }),
    )
    const error = await failure(connect(server, { maxResponseBytes: 1_000 }).send(request))
    expect(isResponseValidationError(error) && /exceeds 1000/.test(error.message)).toBe(true)
  })

  it('parses unknown error types, extra properties and __proto__ keys without pollution', async () => {
    const server = await jmapServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(
        '{"methodResponses":[["error",{"type":"brandNewError","hint":1},"s"],["Email/get",{"list":[],"__proto__":{"polluted":1}},"g"]],"sessionState":"s1","extra":true}',
      )
    })
    const response = await connect(server).send(request)
    expect(response.methodResponses[0]).toEqual(['error', { type: 'brandNewError', hint: 1 }, 's'])
    const merged = { ...response.methodResponses[1]?.[1] }
    expect(merged).toEqual({ list: [] })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('skips envelope validation when validate is false', async () => {
    const server = await jmapServer((_request, response) =>
      sendJson(response, 200, { methodResponses: [['Email/set', null, 's']] }),
    )
    const response = await connect(server, { validate: false }).send(request)
    expect(response.methodResponses[0]?.[1]).toBeNull()
  })
})

describe('enqueue (auto-batching)', () => {
  it('sends calls of the same tick as ceil(N / maxCallsInRequest) requests', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const connection = connect(server)
    await connection.session()
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, index) =>
        connection.enqueue({ name: 'Core/echo', args: { n: index }, using: [core] }),
      ),
    )
    expect(apiCalls(server)).toHaveLength(3)
    expect(results.map((responses) => responses[0]?.[1])).toEqual(
      Array.from({ length: 7 }, (_, index) => ({ n: index })),
    )
  })

  it('returns implicit responses that share a call id', async () => {
    const server = await jmapServer((request, response) => {
      const body = JSON.parse(request.body) as JmapRequest
      const id = body.methodCalls[0]?.[2] ?? ''
      sendJson(response, 200, {
        methodResponses: [
          ['EmailSubmission/set', { created: {} }, id],
          ['Email/set', { updated: {} }, id],
        ],
        sessionState: 's1',
      })
    })
    const responses = await connect(server).enqueue({
      name: 'EmailSubmission/set',
      args: {},
      using: ['urn:ietf:params:jmap:mail'],
    })
    expect(responses.map((response) => response[0])).toEqual(['EmailSubmission/set', 'Email/set'])
  })

  it('drops a call aborted before the batch leaves', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const connection = connect(server)
    const controller = new AbortController()
    const kept = connection.enqueue({ name: 'Core/echo', args: { keep: 1 }, using: [core] })
    const dropped = connection.enqueue(
      { name: 'Core/echo', args: { drop: 1 }, using: [core] },
      { signal: controller.signal },
    )
    controller.abort(new Error('changed my mind'))
    await expect(dropped).rejects.toThrow('changed my mind')
    expect((await kept)[0]?.[1]).toEqual({ keep: 1 })
    const sent = JSON.parse(apiCalls(server)[0]?.body ?? '{}') as JmapRequest
    expect(sent.methodCalls).toHaveLength(1)
  })

  it('rejects only the call whose capability is missing', async () => {
    const server = await jmapServer((request, response) =>
      sendJson(response, 200, echoResponse(request.body)),
    )
    const connection = connect(server)
    const [good, bad] = await Promise.allSettled([
      connection.enqueue({ name: 'Core/echo', args: {}, using: [core] }),
      connection.enqueue({ name: 'X/get', args: {}, using: ['urn:example:nope'] }),
    ])
    expect(good.status).toBe('fulfilled')
    expect(bad.status === 'rejected' && isSessionError(bad.reason)).toBe(true)
  })
})

describe('blobs', () => {
  it('uploads with progress and downloads with an expanded, encoded URL', async () => {
    const server = await jmapServer(
      () => undefined,
      undefined,
      (request, response) => {
        if (request.method === 'POST' && request.url === '/jmap/upload/u1/') {
          sendJson(response, 201, {
            accountId: 'u1',
            blobId: 'B1',
            type: request.headers['content-type'],
            size: Buffer.byteLength(request.body),
          })
        } else if (request.method === 'GET' && request.url.startsWith('/jmap/download/')) {
          response
            .writeHead(200, { 'content-type': 'text/plain' })
            .end(`you asked for ${request.url}`)
        } else response.writeHead(404).end()
      },
    )
    const connection = connect(server)
    const progress: number[] = []
    const uploaded = await connection.upload('u1', new TextEncoder().encode('hello world'), {
      type: 'text/plain',
      onProgress: (sent) => progress.push(sent),
    })
    expect(uploaded).toEqual({ accountId: 'u1', blobId: 'B1', type: 'text/plain', size: 11 })
    expect(progress.at(-1)).toBe(11)
    const download = await connection.download('u1', 'B1', {
      name: 'a b/c.txt',
      type: 'text/plain',
    })
    expect(await download.text()).toBe(
      'you asked for /jmap/download/u1/B1/a%20b%2Fc.txt?accept=text%2Fplain',
    )
  })

  it('uploads a ReadableStream and streams a download', async () => {
    const server = await jmapServer(
      () => undefined,
      undefined,
      (request, response) => {
        if (request.method === 'POST') {
          sendJson(response, 201, {
            accountId: 'u1',
            blobId: 'B2',
            type: 'application/octet-stream',
            size: request.body.length,
          })
        } else {
          response.writeHead(200, { 'content-type': 'application/octet-stream' })
          response.write('first ')
          setTimeout(() => response.end('second'), 20)
        }
      },
    )
    const connection = connect(server)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('part one, '))
        controller.enqueue(new TextEncoder().encode('part two'))
        controller.close()
      },
    })
    const uploaded = await connection.upload('u1', stream)
    expect(uploaded.size).toBe('part one, part two'.length)
    const download = await connection.download('u1', 'B2')
    const chunks: string[] = []
    const decoder = new TextDecoder()
    // A reader rather than for-await: TypeScript 5.9's DOM lib has no async iterator on streams.
    const reader = download.body?.getReader()
    for (
      let part = await reader?.read();
      part !== undefined && !part.done;
      part = await reader?.read()
    ) {
      chunks.push(decoder.decode(part.value))
    }
    expect(chunks.join('')).toBe('first second')
  })

  it('refuses an upload over maxSizeUpload before sending', async () => {
    const server = await jmapServer(() => undefined)
    const error = await failure(connect(server).upload('u1', new Uint8Array(1_000_001)))
    expect(isLimitError(error) && error.limit).toBe('maxSizeUpload')
    expect(server.requests.some((request) => request.url.startsWith('/jmap/upload'))).toBe(false)
  })
})
