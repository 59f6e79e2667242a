import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import {
  folderColors,
  regression,
  regressionUrn,
} from '../../test/support/regression-capability.js'
import {
  type ScriptedJmapServer,
  startScriptedJmapServer,
} from '../../test/support/scripted-jmap-server.js'
import { todo } from '../../test/support/todo-capability.js'
import { createClient } from '../client/create-client.js'
import { EchoedIdSchema } from '../creation-id/echoed-id.js'
import { Id } from '../primitives/id.js'
import { setResponseSchema } from '../standard-methods/set-response-schema.js'
import { isRequestBuildError } from './request-build-error.js'

const sessionUrl = 'https://jmap.example/session'
const accountId = 'u1'
const folderId = Id('F1')

const servers: ScriptedJmapServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

describe('5. creation ids from the maps a runtime table names (MDN/send: `send`)', () => {
  const jmap = createClient({ sessionUrl, capabilities: [regression] })

  it('accepts b.creationId for a key of `send` in the same call, and handle.created after it', () => {
    const built = jmap.prepare((b) => {
      const sent = b.call('Receipt/send', {
        accountId,
        send: { r1: { forFolderId: folderId } },
        onSuccessUpdateFolder: { [b.creationId('r1')]: { 'flags/receipt': true } },
      })
      return b.call('Folder/get', { accountId, ids: [sent.created('r1')] })
    })
    expect(built.methodCalls[0]?.[1]).toMatchObject({
      onSuccessUpdateFolder: { '#r1': { 'flags/receipt': true } },
    })
    expect(built.methodCalls[1]?.[1]).toMatchObject({ ids: ['#r1'] })
  })

  it('still refuses a creation id no named map has', () => {
    expect(() =>
      jmap.prepare((b) =>
        b.call('Receipt/send', {
          accountId,
          send: { r1: { forFolderId: folderId } },
          onSuccessUpdateFolder: { [b.creationId('r2')]: { 'flags/receipt': true } },
        }),
      ),
    ).toThrow(expect.objectContaining({ message: expect.stringContaining("creates 'r2'") }))
  })

  it('keeps `create` as the default for tables that name nothing', () => {
    expect(() =>
      jmap.prepare((b) =>
        b.call('Outbox/set', {
          accountId,
          create: { send: { folderId } },
          onSuccessDestroyFolder: [b.creationId('send')],
        }),
      ),
    ).not.toThrow()
  })
})

describe('4. #creationId keys and items that must name the call’s own creations', () => {
  const jmap = createClient({ sessionUrl, capabilities: [regression] })

  it('accepts keys and items the same call creates, and real ids', () => {
    const built = jmap.prepare((b) =>
      b.call('Outbox/set', {
        accountId,
        create: { send: { folderId } },
        onSuccessUpdateFolder: { [b.creationId('send')]: { 'flags/sent': true } },
        onSuccessDestroyFolder: [b.creationId('send'), folderId],
      }),
    )
    expect(built.methodCalls[0]?.[1]).toMatchObject({ onSuccessDestroyFolder: ['#send', 'F1'] })
  })

  it('refuses a key that names a creation of another call', () => {
    expect(() =>
      jmap.prepare((b) => {
        const earlier = b.call('Outbox/set', { accountId, create: { other: { folderId } } })
        return b.call('Outbox/set', {
          accountId,
          create: { send: { folderId } },
          onSuccessUpdateFolder: { [earlier.created('other')]: { 'flags/sent': true } },
        })
      }),
    ).toThrow(
      "'onSuccessUpdateFolder' refers to '#other', which this Outbox/set call neither creates nor changes",
    )
  })

  it('accepts a reference to a record of an earlier call that this call updates or destroys', () => {
    expect(() =>
      jmap.prepare((b) => {
        const earlier = b.call('Outbox/set', {
          accountId,
          create: { a: { folderId }, d: { folderId } },
        })
        return b.call('Outbox/set', {
          accountId,
          update: { [earlier.created('a')]: { folderId } },
          destroy: [earlier.created('d')],
          onSuccessUpdateFolder: { [earlier.created('a')]: { 'flags/sent': true } },
          onSuccessDestroyFolder: [earlier.created('d')],
        })
      }),
    ).not.toThrow()
  })
})

describe('8. ids echoed as #creationId in /set responses', () => {
  it('accepts `#k1` keys in notUpdated/notDestroyed', () => {
    const parsed = v.parse(setResponseSchema(), {
      accountId,
      oldState: 's1',
      newState: 's2',
      notUpdated: { '#k1': { type: 'notFound' } },
      notDestroyed: { '#k2': { type: 'notFound' } },
    })
    expect(parsed).toMatchObject({
      notUpdated: { '#k1': { type: 'notFound' } },
      notDestroyed: { '#k2': { type: 'notFound' } },
    })
  })

  it('EchoedIdSchema takes an Id or # and a creation id, nothing else', () => {
    expect(v.safeParse(EchoedIdSchema, '#').success).toBe(false)
    expect(v.safeParse(EchoedIdSchema, 'a b').success).toBe(false)
    expect(v.safeParse(EchoedIdSchema, '#k1').success).toBe(true)
    expect(v.safeParse(EchoedIdSchema, 'M1').success).toBe(true)
    const set = setResponseSchema()
    const bad = { accountId, newState: 's2', notUpdated: { 'not an id': { type: 'notFound' } } }
    expect(v.safeParse(set, bad).success).toBe(false)
  })
})

describe('9. extra capability URNs in using', () => {
  it('adds the URNs of a call option to using, once, after the method’s own', () => {
    const jmap = createClient({ sessionUrl, capabilities: [regression] })
    const built = jmap.prepare((b) => [
      b.call('Folder/get', { accountId }, { using: ['urn:example:parse'] }),
      b.call('Folder/get', { accountId }, { using: ['urn:example:parse'] }),
    ])
    expect(built.using).toEqual(['urn:ietf:params:jmap:core', regressionUrn, 'urn:example:parse'])
  })

  it('adds an extension table’s URN to every call of the capability it extends', () => {
    const jmap = createClient({ sessionUrl, capabilities: [regression, folderColors] })
    expect(jmap.prepare((b) => b.call('Folder/get', { accountId })).using).toEqual([
      'urn:ietf:params:jmap:core',
      regressionUrn,
      'urn:example:regression:colors',
    ])
    expect(jmap.prepare((b) => b.call('Core/echo', {})).using).toEqual([
      'urn:ietf:params:jmap:core',
    ])
    const without = createClient({ sessionUrl, capabilities: [regression] })
    expect(without.prepare((b) => b.call('Folder/get', { accountId })).using).toEqual([
      'urn:ietf:params:jmap:core',
      regressionUrn,
    ])
  })

  it('refuses to send a URN the server does not advertise', async () => {
    const server = await startScriptedJmapServer(() => ({
      methodResponses: [],
      sessionState: 's1',
    }))
    servers.push(server)
    const jmap = createClient({
      sessionUrl: server.sessionUrl,
      auth: { basic: { username: 'test', password: 'test' } },
      capabilities: [todo],
    })
    await expect(
      jmap.request((b) => b.call('Todo/get', { accountId }, { using: ['urn:example:parse'] })),
    ).rejects.toThrow(/urn:example:parse/)
    expect(server.received).toEqual([])
  })
})

describe('4. the own-creation check at run time, where the compiler cannot see', () => {
  it('an item naming no creation of the call is a RequestBuildError', () => {
    const jmap = createClient({ sessionUrl, capabilities: [regression] })
    try {
      jmap.prepare((b) =>
        b.call('Outbox/set', {
          accountId,
          // @ts-expect-error: the compiler sees it too (array items keep their type)
          onSuccessDestroyFolder: [b.creationId('x')],
        }),
      )
      expect.unreachable()
    } catch (error) {
      expect(isRequestBuildError(error)).toBe(true)
      expect((error as Error).message).toContain("refers to '#x'")
    }
  })
})
