import { afterEach, describe, expect, it } from 'vitest'
import {
  type LocalHttpServer,
  sendJson,
  sessionBody,
  startLocalHttpServer,
} from '../../test/support/local-http-server.js'
import { createConnection } from '../connection/connection.js'
import type { Invocation, JmapRequest } from '../protocol/request.js'
import { drainRawChanges } from './changes-drainer.js'
import { rawChangesWithGet } from './changes-with-get.js'
import { pageRawQuery } from './query-pager.js'

const servers: LocalHttpServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

const allIds = Array.from({ length: 7 }, (_, index) => `M${index}`)
const changePages: Record<string, Record<string, unknown>> = {
  s0: {
    oldState: 's0',
    newState: 's1',
    hasMoreChanges: true,
    created: ['A', 'B'],
    updated: ['C'],
    destroyed: [],
  },
  s1: {
    oldState: 's1',
    newState: 's2',
    hasMoreChanges: false,
    created: [],
    updated: ['A', 'D'],
    destroyed: ['B', 'C'],
  },
}

function answer(call: Invocation, earlier: Invocation[]): Invocation {
  const [name, args, id] = call
  if (name === 'Email/query') {
    const start =
      typeof args.anchor === 'string'
        ? allIds.indexOf(args.anchor)
        : ((args.position as number | undefined) ?? 0)
    const ids = allIds.slice(start, start + (args.limit as number))
    return [name, { ids, position: start, total: allIds.length, queryState: 'q1' }, id]
  }
  if (name === 'Email/changes') {
    const page = changePages[args.sinceState as string]
    return page === undefined ? ['error', { type: 'cannotCalculateChanges' }, id] : [name, page, id]
  }
  if (name === 'Email/get') {
    const reference = args['#ids'] as { resultOf: string; path: string }
    const source = earlier.find((invocation) => invocation[2] === reference.resultOf)
    const ids = (source?.[1][reference.path.slice(1)] ?? []) as string[]
    return [name, { list: ids.map((value) => ({ id: value })) }, id]
  }
  return ['error', { type: 'unknownMethod' }, id]
}

async function connect() {
  const server = await startLocalHttpServer((request, response) => {
    if (request.method === 'GET')
      return sendJson(response, 200, sessionBody({}, { maxCallsInRequest: 10 }))
    const body = JSON.parse(request.body) as JmapRequest
    const methodResponses: Invocation[] = []
    for (const call of body.methodCalls) methodResponses.push(answer(call, methodResponses))
    sendJson(response, 200, { methodResponses, sessionState: 's1' })
  })
  servers.push(server)
  const connection = createConnection({ sessionUrl: `${server.origin}/jmap/` })
  return { server, send: (request: JmapRequest) => connection.send(request) }
}
const mail = ['urn:ietf:params:jmap:mail']

describe('pageRawQuery', () => {
  it('pages by position until total', async () => {
    const { send } = await connect()
    const pages: string[][] = []
    for await (const page of pageRawQuery(send, {
      name: 'Email/query',
      using: mail,
      args: { accountId: 'u1' },
      pageSize: 3,
    })) {
      if (page.kind === 'page') pages.push([...page.ids])
    }
    expect(pages).toEqual([['M0', 'M1', 'M2'], ['M3', 'M4', 'M5'], ['M6']])
  })

  it('starts at an anchor, then continues by position', async () => {
    const { send, server } = await connect()
    const ids: string[] = []
    for await (const page of pageRawQuery(send, {
      name: 'Email/query',
      using: mail,
      args: { accountId: 'u1', anchor: 'M4' },
      pageSize: 2,
    })) {
      if (page.kind === 'page') ids.push(...page.ids)
    }
    expect(ids).toEqual(['M4', 'M5', 'M6'])
    const second = JSON.parse(server.requests.at(-1)?.body ?? '{}') as JmapRequest
    expect(second.methodCalls[0]?.[1]).toEqual({ accountId: 'u1', position: 6, limit: 2 })
  })
})

describe('drainRawChanges', () => {
  it('drains while hasMoreChanges and merges pages', async () => {
    const { send } = await connect()
    const result = await drainRawChanges(send, {
      name: 'Email/changes',
      using: mail,
      accountId: 'u1',
      sinceState: 's0',
    })
    expect(result).toEqual({
      kind: 'changes',
      oldState: 's0',
      newState: 's2',
      created: ['A'],
      updated: ['D'],
      destroyed: ['C'],
    })
  })

  it('turns cannotCalculateChanges into a resync value', async () => {
    const { send } = await connect()
    expect(
      await drainRawChanges(send, {
        name: 'Email/changes',
        using: mail,
        accountId: 'u1',
        sinceState: 'gone',
      }),
    ).toEqual({
      kind: 'resync',
      sinceState: 'gone',
    })
  })
})

describe('rawChangesWithGet', () => {
  it('fetches changes and the changed objects in one round trip', async () => {
    const { send, server } = await connect()
    const before = server.requests.length
    const result = await rawChangesWithGet(send, {
      type: 'Email',
      using: mail,
      accountId: 'u1',
      sinceState: 's0',
    })
    expect(result).toMatchObject({
      kind: 'changes',
      created: [{ id: 'A' }, { id: 'B' }],
      updated: [{ id: 'C' }],
      hasMoreChanges: true,
    })
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1)
    expect(server.requests.length - before).toBe(2)
  })
})
