import { Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { inMemoryMailSetup } from '../../test/support/in-memory-mail-server.js'
import { readBackCreated } from '../errors/read-back-created.js'
import { SetOperationError } from '../errors/set-operation-error.js'
import { isMethodCallError } from '../method-errors/method-call-error.js'
import { drainChangesWithObjects } from './drain-changes-with-objects.js'

interface Mailbox {
  readonly id: Id
  readonly name: string
}

describe('drainChangesWithObjects', () => {
  it('merges pages: created stays created with its newest data, created+destroyed vanishes, updated+destroyed is destroyed', async () => {
    const { jmap, server, posted } = inMemoryMailSetup()
    const accountId = server.accountId
    const kept = Id(server.seed.mailbox({ name: 'Kept' }))
    const doomed = Id(server.seed.mailbox({ name: 'Doomed' }))
    const start = await jmap.request((b) => b.call('Mailbox/get', { accountId, ids: [] }))
    const made = await jmap.request((b) =>
      b.call('Mailbox/set', { accountId, create: { a: { name: 'A' }, b: { name: 'B' } } }),
    )
    const [a, bId] = [made.created?.a?.id, made.created?.b?.id] as [Id, Id]
    await jmap.request((b) =>
      b.call('Mailbox/set', {
        accountId,
        update: { [a]: { name: 'A2' }, [kept]: { name: 'Kept2' }, [doomed]: { name: 'x' } },
      }),
    )
    await jmap.request((b) => b.call('Mailbox/set', { accountId, destroy: [bId, doomed] }))
    const before = posted.length

    const drained = await drainChangesWithObjects<Mailbox>(jmap, 'Mailbox/changes', {
      accountId,
      sinceState: start.state,
      maxChanges: 1,
    })

    expect(drained.created.map((box) => [box.id, box.name])).toEqual([[a, 'A2']])
    expect(drained.updated.map((box) => [box.id, box.name])).toEqual([[kept, 'Kept2']])
    expect(drained.destroyed).toEqual([doomed])
    expect(drained.requests).toBeGreaterThan(1)
    expect(posted.length - before).toBe(drained.requests)
    // One request per page: /changes and both /get by reference, maxChanges passed on.
    expect(posted[before]?.methodCalls.map(([name, args]) => [name, args.maxChanges])).toEqual([
      ['Mailbox/changes', 1],
      ['Mailbox/get', undefined],
      ['Mailbox/get', undefined],
    ])
    const now = await jmap.request((b) => b.call('Mailbox/get', { accountId, ids: [] }))
    expect(drained.token).toBe(now.state)
  })

  it('throws the MethodCallError of cannotCalculateChanges (the APIs have no resync value)', async () => {
    const { jmap, server } = inMemoryMailSetup()
    const accountId = server.accountId
    const start = await jmap.request((b) => b.call('Mailbox/get', { accountId, ids: [] }))
    server.seed.mailbox({ name: 'New' })
    server.trimChangeLogs()
    const error = await drainChangesWithObjects(jmap, 'Mailbox/changes', {
      accountId,
      sinceState: start.state,
    }).catch((caught: unknown) => caught)
    expect(isMethodCallError(error) && error.error.type).toBe('cannotCalculateChanges')
  })
})

describe('readBackCreated', () => {
  class NotReadBack extends Error {}
  const errors = { refused: SetOperationError, notReadBack: (m: string) => new NotReadBack(m) }

  it('returns the record the /get found for the creation id', async () => {
    const { jmap, server } = inMemoryMailSetup()
    const accountId = server.accountId
    const results = await jmap.requestSettled((b) => ({
      set: b.call('Mailbox/set', { accountId, create: { box: { name: 'Made' } } }),
      get: b.call('Mailbox/get', { accountId, ids: null }),
    }))
    expect(readBackCreated(results.set, results.get, 'box', errors).name).toBe('Made')
    expect(() => readBackCreated(results.set, results.get, 'other', errors)).toThrow(
      new NotReadBack('the created other could not be read back'),
    )
  })

  it('throws the refusal before a /get failure, and a method error as MethodCallError', async () => {
    const { jmap, server } = inMemoryMailSetup()
    const accountId = server.accountId
    const refused = await jmap.requestSettled((b) => ({
      set: b.call('Mailbox/set', { accountId, create: { box: { name: '' } } }),
      get: b.call('Mailbox/get', { accountId: 'nobody', ids: null }),
    }))
    expect(refused.get.ok).toBe(false)
    expect(() => readBackCreated(refused.set, refused.get, 'box', errors)).toThrow(
      SetOperationError,
    )
    const failed = await jmap.requestSettled((b) => ({
      set: b.call('Mailbox/set', { accountId: 'nobody', create: { box: { name: 'x' } } }),
      get: b.call('Mailbox/get', { accountId, ids: null }),
    }))
    let caught: unknown
    try {
      readBackCreated(failed.set, failed.get, 'box', errors)
    } catch (error) {
      caught = error
    }
    expect(isMethodCallError(caught) && caught.error.type).toBe('accountNotFound')
  })
})
