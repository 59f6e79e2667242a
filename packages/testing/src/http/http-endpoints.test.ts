import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { allCapabilities, request } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'

let server: TestServer
afterEach(async () => {
  await server.close()
})

/** Expands a level-1 URI template as RFC 6570 does (every reserved character escaped). */
function expand(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(values[name] ?? '').replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    ),
  )
}

async function session(
  url = server.sessionUrl,
  fetcher: typeof fetch = server.fetch,
): Promise<Record<string, string>> {
  return (await (await fetcher(url)).json()) as Record<string, string>
}

describe('upload and download (RFC 8620 §6)', () => {
  it('round-trips a blob through the session URL templates', async () => {
    server = createTestServer()
    const { uploadUrl = '', downloadUrl = '' } = await session()
    const uploaded = await server.fetch(expand(uploadUrl, { accountId: 'u1' }), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello blob',
    })
    expect(uploaded.status).toBe(201)
    const blob = (await uploaded.json()) as { blobId: string }
    expect(blob).toEqual({
      accountId: 'u1',
      blobId: expect.any(String),
      type: 'text/plain',
      size: 10,
    })
    const download = await server.fetch(
      expand(downloadUrl, {
        accountId: 'u1',
        blobId: blob.blobId,
        name: 'hello wörld.txt',
        type: 'text/plain;charset=utf-8',
      }),
    )
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('text/plain;charset=utf-8')
    expect(download.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''hello%20w%C3%B6rld.txt",
    )
    expect(await download.text()).toBe('hello blob')
  })

  it('returns the same blobId for identical content, 404 for unknown blobs and accounts', async () => {
    server = createTestServer()
    const post = async (): Promise<string> =>
      (
        (await (
          await server.fetch('http://jmap.test/jmap/upload/u1/', { method: 'POST', body: 'same' })
        ).json()) as { blobId: string }
      ).blobId
    expect(await post()).toBe(await post())
    expect((await server.fetch('http://jmap.test/jmap/download/u1/Bnope/x')).status).toBe(404)
    expect(
      (await server.fetch('http://jmap.test/jmap/upload/nope/', { method: 'POST', body: 'x' }))
        .status,
    ).toBe(404)
  })

  it('refuses uploads beyond maxSizeUpload with a limit problem', async () => {
    server = createTestServer({ limits: { maxSizeUpload: 4 } })
    const response = await server.fetch('http://jmap.test/jmap/upload/u1/', {
      method: 'POST',
      body: 'too big',
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({
      type: 'urn:ietf:params:jmap:error:limit',
      limit: 'maxSizeUpload',
    })
  })

  it('Blob/copy copies between accounts', async () => {
    server = createTestServer({ accounts: [{ id: 'u1' }, { id: 'u2' }] })
    const { blobId } = (await (
      await server.fetch('http://jmap.test/jmap/upload/u1/', { method: 'POST', body: 'b' })
    ).json()) as { blobId: string }
    const { methodResponses } = await request(server, [
      ['Blob/copy', { fromAccountId: 'u1', accountId: 'u2', blobIds: [blobId, 'Bnope'] }, 'c'],
    ])
    expect(methodResponses[0]?.[1]).toMatchObject({
      copied: { [blobId]: expect.any(String) },
      notCopied: { Bnope: { type: 'blobNotFound' } },
    })
  })
})

async function readEvents(response: Response, count: number): Promise<string[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  const events: string[] = []
  while (events.length < count) {
    const { done, value } = await reader.read()
    if (done) break
    text += decoder.decode(value)
    const parts = text.split('\n\n')
    text = parts.pop() ?? ''
    events.push(...parts)
  }
  await reader.cancel()
  return events
}

describe('EventSource push (RFC 8620 §7.3)', () => {
  it('sends state events for the requested types only, with ids', async () => {
    server = createTestServer()
    const inbox = server.seed.mailbox({ name: 'Inbox' })
    const response = await server.fetch(
      'http://jmap.test/jmap/eventsource?types=Email&closeafter=no&ping=0',
    )
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = readEvents(response, 1)
    server.seed.calendar({ name: 'ignored' })
    server.seed.email({ mailboxIds: [inbox], subject: 'x' })
    const [event] = await events
    expect(event).toMatch(/^event: state\nid: 1\ndata: /)
    const data = JSON.parse(event?.split('data: ')[1] ?? '{}')
    expect(data).toEqual({ '@type': 'StateChange', changed: { u1: { Email: expect.any(String) } } })
  })

  it('closeafter=state ends the stream after one state event; * means all types', async () => {
    server = createTestServer()
    const response = await server.fetch(
      'http://jmap.test/jmap/eventsource?types=*&closeafter=state&ping=0',
    )
    await request(server, [['Mailbox/set', { accountId: 'u1', create: { a: { name: 'A' } } }, 's']])
    const text = await response.text()
    expect(text.match(/event: state/g)).toHaveLength(1)
    expect(text).toContain('"Mailbox"')
  })

  it('pings at the requested interval', async () => {
    server = createTestServer()
    const response = await server.fetch(
      'http://jmap.test/jmap/eventsource?types=*&closeafter=no&ping=0.05',
    )
    const [ping] = await readEvents(response, 1)
    expect(ping).toBe('event: ping\ndata: {"interval":0.05}')
  })
})

describe("the caller's AbortSignal, as fetch honours it", () => {
  it('rejects at once when aborted, even while a latency fault holds the answer', async () => {
    server = createTestServer()
    server.faults.latency(5_000, { endpoint: 'api' })
    const controller = new AbortController()
    const started = Date.now()
    const answer = server.fetch('http://jmap.test/jmap/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ using: allCapabilities, methodCalls: [] }),
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(new Error('given up')), 20)
    await expect(answer).rejects.toThrow('given up')
    expect(Date.now() - started).toBeLessThan(2_000)
    server.faults.clear()
  })

  it('rejects a request whose signal is already aborted', async () => {
    server = createTestServer()
    await expect(
      server.fetch(server.sessionUrl, { signal: AbortSignal.abort(new Error('too late')) }),
    ).rejects.toThrow('too late')
  })

  it('ends an EventSource stream when the signal given with init aborts', async () => {
    server = createTestServer()
    const controller = new AbortController()
    const response = await server.fetch(
      'http://jmap.test/jmap/eventsource?types=*&closeafter=no&ping=0',
      { signal: controller.signal },
    )
    const reading = response.text()
    controller.abort()
    await expect(reading).resolves.toBe('')
  })
})

describe('listening on 127.0.0.1', () => {
  it('serves the same API over real HTTP with URLs on its own origin', async () => {
    server = createTestServer()
    const listening = await server.listen()
    expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const body = await session(listening.sessionUrl, fetch)
    expect(body.apiUrl).toBe(`${listening.url}/jmap/api`)
    const response = await fetch(body.apiUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ using: allCapabilities, methodCalls: [['Core/echo', { a: 1 }, 'e']] }),
    })
    expect(await response.json()).toMatchObject({ methodResponses: [['Core/echo', { a: 1 }, 'e']] })
  })

  it('speaks RFC 8887 on the advertised WebSocket URL, with push', async () => {
    server = createTestServer()
    const listening = await server.listen()
    const body = (await (await fetch(listening.sessionUrl)).json()) as {
      capabilities: Record<string, { url: string; supportsPush: boolean }>
    }
    const capability = body.capabilities['urn:ietf:params:jmap:websocket']
    expect(capability).toEqual({
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/jmap\/ws$/),
      supportsPush: true,
    })
    const socket = new WebSocket(capability?.url ?? '', 'jmap')
    const frames: Array<Record<string, unknown>> = []
    const next = (): Promise<Record<string, unknown>> =>
      new Promise((resolve) => {
        const waiting = frames.shift()
        if (waiting !== undefined) resolve(waiting)
        else socket.once('message', () => resolve(frames.shift() ?? {}))
      })
    socket.on('message', (data) => frames.push(JSON.parse(String(data))))
    await new Promise((resolve) => socket.once('open', resolve))
    expect(socket.protocol).toBe('jmap')
    socket.send(
      JSON.stringify({
        '@type': 'Request',
        id: 'r1',
        using: allCapabilities,
        methodCalls: [['Core/echo', { hi: 1 }, 'c']],
      }),
    )
    expect(await next()).toMatchObject({
      '@type': 'Response',
      requestId: 'r1',
      methodResponses: [['Core/echo', { hi: 1 }, 'c']],
    })
    socket.send('not json')
    expect(await next()).toMatchObject({
      '@type': 'RequestError',
      type: 'urn:ietf:params:jmap:error:notJSON',
    })
    socket.send(
      JSON.stringify({
        '@type': 'Request',
        id: 'r2',
        using: ['urn:example:nope'],
        methodCalls: [],
      }),
    )
    expect(await next()).toMatchObject({
      '@type': 'RequestError',
      requestId: 'r2',
      type: 'urn:ietf:params:jmap:error:unknownCapability',
    })
    socket.send(JSON.stringify({ '@type': 'WebSocketPushEnable', dataTypes: ['Mailbox'] }))
    socket.send(
      JSON.stringify({
        '@type': 'Request',
        using: allCapabilities,
        methodCalls: [['Mailbox/set', { accountId: 'u1', create: { a: { name: 'A' } } }, 's']],
      }),
    )
    const answers = [await next(), await next()]
    expect(answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ '@type': 'Response' }),
        {
          '@type': 'StateChange',
          changed: { u1: { Mailbox: expect.any(String) } },
          pushState: '1',
        },
      ]),
    )
    socket.close()
  })

  it('refuses a WebSocket without the jmap subprotocol', async () => {
    server = createTestServer()
    const listening = await server.listen()
    const socket = new WebSocket(`${listening.url.replace('http', 'ws')}/jmap/ws`)
    const code = await new Promise((resolve) => socket.once('close', resolve))
    expect(code).toBe(1002)
  })
})

describe('fault mode', () => {
  it('503 with Retry-After for the next N requests only', async () => {
    server = createTestServer()
    server.faults.unavailable({ retryAfter: 3, times: 2, endpoint: 'api' })
    const statuses: Array<[number, string | null]> = []
    for (let i = 0; i < 3; i += 1) {
      const response = await server.fetch('http://jmap.test/jmap/api', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ using: allCapabilities, methodCalls: [] }),
      })
      statuses.push([response.status, response.headers.get('retry-after')])
    }
    expect(statuses).toEqual([
      [503, '3'],
      [503, '3'],
      [200, null],
    ])
    expect((await server.fetch(server.sessionUrl)).status).toBe(200)
  })

  it('a dropped connection rejects in-process fetch with a TypeError', async () => {
    server = createTestServer()
    server.faults.drop({ times: 1 })
    await expect(server.fetch(server.sessionUrl)).rejects.toThrow(TypeError)
    expect((await server.fetch(server.sessionUrl)).status).toBe(200)
  })

  it('a dropped connection resets the socket when listening', async () => {
    server = createTestServer()
    const listening = await server.listen()
    server.faults.drop({ times: 1 })
    await expect(fetch(listening.sessionUrl)).rejects.toThrow()
  })

  it('a malformed body is served with status 200', async () => {
    server = createTestServer()
    const handle = server.faults.malformed()
    const response = await server.fetch(server.sessionUrl)
    expect(response.status).toBe(200)
    await expect(response.json()).rejects.toThrow(SyntaxError)
    handle.remove()
    expect((await server.fetch(server.sessionUrl)).status).toBe(200)
  })

  it('latency delays the response', async () => {
    server = createTestServer()
    server.faults.latency(60, { times: 1 })
    const started = performance.now()
    await server.fetch(server.sessionUrl)
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
    server.faults.clear()
  })
})
