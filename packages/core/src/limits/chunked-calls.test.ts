import { Id } from '@typed-jmap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { inMemoryMailSetup } from '../../test/support/in-memory-mail-server.js'
import {
  type ScriptedJmapServer,
  startScriptedJmapServer,
} from '../../test/support/scripted-jmap-server.js'
import { todo } from '../../test/support/todo-capability.js'
import { createClient } from '../client/create-client.js'
import { creationIdReference } from '../creation-id/creation-id.js'
import { isLimitError } from '../errors/limit-error.js'
import { isMethodCallError } from '../method-errors/method-call-error.js'
import { isStateChangedError } from '../paging/state-changed-error.js'
import { getInChunks } from './get-in-chunks.js'
import { setInChunks } from './set-in-chunks.js'

const servers: ScriptedJmapServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

function smallLimits() {
  return inMemoryMailSetup({ limits: { maxObjectsInGet: 2, maxObjectsInSet: 2 } })
}

describe('getInChunks', () => {
  it('cuts ids by maxObjectsInGet into calls of one request and merges them', async () => {
    const setup = smallLimits()
    const ids = ['A', 'B', 'C', 'D'].map((name) => Id(setup.server.seed.mailbox({ name })))
    const result = await getInChunks(setup.jmap, 'Mailbox/get', {
      accountId: setup.server.accountId,
      ids: [...ids, Id('missing')],
      properties: ['name'],
    })
    expect(result.list.map((mailbox) => mailbox.name)).toEqual(['A', 'B', 'C', 'D'])
    expect(result.notFound).toEqual(['missing'])
    expect(setup.posted).toHaveLength(1)
    expect(setup.posted[0]?.methodCalls.map(([, args]) => args.ids)).toEqual([
      ids.slice(0, 2),
      ids.slice(2, 4),
      ['missing'],
    ])
  })

  it('sends one call for an empty list of ids', async () => {
    const setup = smallLimits()
    const result = await getInChunks(setup.jmap, 'Mailbox/get', {
      accountId: setup.server.accountId,
      ids: [],
    })
    expect(result.list).toEqual([])
    expect(setup.posted[0]?.methodCalls).toHaveLength(1)
  })

  it('throws a StateChangedError when chunks were read at different states', async () => {
    let calls = 0
    const server = await startScriptedJmapServer((request) => ({
      sessionState: 's1',
      methodResponses: request.methodCalls.map(([name, args, callId]) => [
        name,
        { accountId: 'u1', state: `t${calls++}`, list: [], notFound: args.ids },
        callId,
      ]),
    }))
    servers.push(server)
    const jmap = createClient({ sessionUrl: server.sessionUrl, capabilities: [todo] })
    const ids = Array.from({ length: 150 }, (_, index) => Id(`T${index}`))
    const error = await getInChunks(jmap, 'Todo/get', { accountId: 'u1', ids }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isStateChangedError(error)).toBe(true)
    expect(error).toMatchObject({ method: 'Todo/get', expectedState: 't0', actualState: 't1' })
  })
})

describe('setInChunks', () => {
  it('counts create, update and destroy together and merges the results', async () => {
    const setup = smallLimits()
    const [a, b] = ['A', 'B'].map((name) => Id(setup.server.seed.mailbox({ name })))
    const result = await setInChunks(setup.jmap, 'Mailbox/set', {
      accountId: setup.server.accountId,
      create: { k1: { name: 'One' }, k2: { name: 'Two' }, k3: { name: 'Three' } },
      update: { [a as Id]: { name: 'A2' } },
      destroy: [b as Id],
    })
    expect(Object.keys(result.created ?? {})).toEqual(['k1', 'k2', 'k3'])
    expect(Object.keys(result.updated ?? {})).toEqual([a])
    expect(result.destroyed).toEqual([b])
    expect(result.notCreated).toBeNull()
    expect(setup.posted).toHaveLength(1)
    expect(
      setup.posted[0]?.methodCalls.map(([, args]) => [
        Object.keys((args.create as object | undefined) ?? {}),
        Object.keys((args.update as object | undefined) ?? {}),
        args.destroy ?? [],
      ]),
    ).toEqual([
      [['k1', 'k2'], [], []],
      [['k3'], [a], []],
      [[], [], [b]],
    ])
  })

  it('keeps a reference to a creation of an earlier chunk working', async () => {
    const setup = smallLimits()
    const result = await setInChunks(setup.jmap, 'Mailbox/set', {
      accountId: setup.server.accountId,
      create: {
        k1: { name: 'Parent' },
        k2: { name: 'Other' },
        k3: { name: 'Child', parentId: creationIdReference('k1') },
      },
    })
    const parent = result.created?.k1?.id
    const child = result.created?.k3?.id as Id
    const { list } = await setup.jmap.request((b) =>
      b.call('Mailbox/get', {
        accountId: setup.server.accountId,
        ids: [child],
        properties: ['parentId'],
      }),
    )
    expect(list[0]?.parentId).toBe(parent)
  })

  it('refuses, before sending, a reference to a creation in a later chunk', async () => {
    const setup = smallLimits()
    const error = await setInChunks(setup.jmap, 'Mailbox/set', {
      accountId: setup.server.accountId,
      create: {
        k1: { name: 'Child', parentId: creationIdReference('k3') },
        k2: { name: 'Other' },
        k3: { name: 'Parent' },
      },
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isLimitError(error) && error.limit).toBe('maxObjectsInSet')
    expect(String(error)).toMatch(/'#k3'.*chunk 2/)
    expect(setup.posted).toHaveLength(0)
  })

  it('chains ifInState from chunk to chunk through result references', async () => {
    const setup = smallLimits()
    const ids = ['A', 'B', 'C'].map((name) => Id(setup.server.seed.mailbox({ name })))
    const { state } = await setup.jmap.request((b) =>
      b.call('Mailbox/get', { accountId: setup.server.accountId, ids: [] }),
    )
    const result = await setInChunks(setup.jmap, 'Mailbox/set', {
      accountId: setup.server.accountId,
      ifInState: state,
      destroy: ids,
    })
    expect(result.destroyed).toEqual(ids)
    expect(result.oldState).toBe(state)
    const calls = setup.posted.at(-1)?.methodCalls ?? []
    expect(calls[0]?.[1].ifInState).toBe(state)
    expect(calls[1]?.[1]['#ifInState']).toEqual({
      resultOf: calls[0]?.[2],
      name: 'Mailbox/set',
      path: '/newState',
    })
  })

  it('throws a MethodCallError, every chunk result attached, when a chunk fails', async () => {
    const setup = smallLimits()
    const error = await setInChunks(setup.jmap, 'Mailbox/set', {
      accountId: setup.server.accountId,
      ifInState: 'not-the-state',
      destroy: [Id('x'), Id('y'), Id('z')],
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isMethodCallError(error) && error.error.type).toBe('stateMismatch')
    expect(isMethodCallError(error) && (error.results as unknown[]).length).toBe(2)
  })
})
