import { blob, createClient, isSetOperationError } from '@typed-jmap/core'
import { createTestServer } from '@typed-jmap/testing'
import { describe, expect, it } from 'vitest'
import {
  activateSieveScript,
  isInvalidSieveError,
  isSieveIsActiveError,
  readSieveScript,
  sieve,
  validateSieveScript,
  writeSieveScript,
} from './index.js'

const filing =
  'require "fileinto";\r\nif header :contains "subject" "invoice" {\r\n  fileinto "Invoices";\r\n}\r\n'

function setup() {
  const server = createTestServer()
  const jmap = createClient({
    sessionUrl: server.sessionUrl,
    fetch: server.fetch,
    capabilities: [sieve, blob],
  })
  return { jmap, accountId: 'u1' }
}

describe('Sieve helpers on the in-memory server (RFC 9661)', () => {
  it('writes and activates in one request, reads the active script back with its text', async () => {
    const { jmap, accountId } = setup()
    const written = await writeSieveScript(jmap, {
      accountId,
      name: 'filters',
      text: filing,
      activate: true,
    })
    expect(written.isActive).toBe(true)
    const active = await readSieveScript(jmap, { accountId, active: true })
    expect(active).toMatchObject({ id: written.id, name: 'filters', isActive: true, text: filing })
    expect(await readSieveScript(jmap, { accountId, name: 'other' })).toBeUndefined()
  })

  it('replaces the text of an existing script and keeps the name unique', async () => {
    const { jmap, accountId } = setup()
    const first = await writeSieveScript(jmap, { accountId, name: 'filters', text: filing })
    await writeSieveScript(jmap, { accountId, id: first.id, text: 'keep;\r\n' })
    expect((await readSieveScript(jmap, { accountId, name: 'filters' }))?.text).toBe('keep;\r\n')
    const duplicate = await writeSieveScript(jmap, {
      accountId,
      name: 'filters',
      text: 'keep;',
    }).catch((error: unknown) => error)
    expect(isSetOperationError(duplicate) && duplicate.setError.type).toBe('alreadyExists')
  })

  it('validates without storing: null for good Sieve, invalidSieve with the line for bad', async () => {
    const { jmap, accountId } = setup()
    expect(await validateSieveScript(jmap, { accountId, text: filing })).toBeNull()
    const error = await validateSieveScript(jmap, { accountId, text: 'keep;\nif true { bogus; }' })
    expect(isInvalidSieveError(error) && error.description).toBe('line 2: unknown command "bogus"')
    const written = await writeSieveScript(jmap, { accountId, name: 'x', text: 'if true {' }).catch(
      (caught: unknown) => caught,
    )
    expect(isSetOperationError(written) && isInvalidSieveError(written.setError)).toBe(true)
  })

  it('refuses to destroy the active script, then destroys it once deactivated', async () => {
    const { jmap, accountId } = setup()
    const { id } = await writeSieveScript(jmap, {
      accountId,
      name: 'f',
      text: 'keep;',
      activate: true,
    })
    const refused = await jmap.request((b) =>
      b.call('SieveScript/set', { accountId, destroy: [id] }),
    )
    expect(isSieveIsActiveError(refused.notDestroyed?.[id])).toBe(true)
    await activateSieveScript(jmap, { accountId, id: null })
    const { active, destroyed } = await jmap.request((b) => ({
      active: b.call('SieveScript/query', { accountId, filter: { isActive: true } }),
      destroyed: b.call('SieveScript/set', { accountId, destroy: [id] }),
    }))
    expect(active.ids).toEqual([])
    expect(destroyed.destroyed).toEqual([id])
  })

  it('switches the active script and reports both changes; /changes sees them', async () => {
    const { jmap, accountId } = setup()
    const a = await writeSieveScript(jmap, { accountId, name: 'a', text: 'keep;', activate: true })
    const { state } = await jmap.request((b) => b.call('SieveScript/get', { accountId, ids: [] }))
    const b2 = await writeSieveScript(jmap, { accountId, name: 'b', text: 'keep;' })
    const switched = await jmap.request((b) =>
      b.call('SieveScript/set', { accountId, onSuccessActivateScript: b2.id }),
    )
    expect(switched.updated).toEqual({ [a.id]: { isActive: false }, [b2.id]: { isActive: true } })
    const changes = await jmap.request((b) =>
      b.call('SieveScript/changes', { accountId, sinceState: state }),
    )
    expect(new Set([...changes.created, ...changes.updated])).toEqual(new Set([a.id, b2.id]))
  })
})
