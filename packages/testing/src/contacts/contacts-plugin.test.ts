import { beforeEach, describe, expect, it } from 'vitest'
import { callOne, request } from '../../test/support/jmap-call.js'
import { createTestServer, type TestServer } from '../server/create-test-server.js'
import { searchTerms } from './contact-text-match.js'

let server: TestServer

beforeEach(() => {
  server = createTestServer()
})

function seedBook(name: string): string {
  return server.seed.record('AddressBook', { name })
}

function seedCard(card: Record<string, unknown>): string {
  return server.seed.record('ContactCard', card)
}

async function query(filter: unknown, sort?: unknown): Promise<unknown[]> {
  const args: Record<string, unknown> = { accountId: 'u1', filter }
  if (sort !== undefined) args.sort = sort
  return (await callOne(server, ['ContactCard/query', args, 'q'])).ids as unknown[]
}

describe('AddressBook (RFC 9610 §2)', () => {
  it('makes the first book the default and fills the defaults and rights', async () => {
    const result = await callOne(server, [
      'AddressBook/set',
      { accountId: 'u1', create: { a: { name: 'Personal' }, b: { name: 'Work' } } },
      's',
    ])
    const created = result.created as Record<string, { id: string; isDefault: boolean }>
    expect(created.a?.isDefault).toBe(true)
    expect(created.b?.isDefault).toBe(false)
    const got = await callOne(server, ['AddressBook/get', { accountId: 'u1', ids: null }, 'g'])
    expect(got.list).toEqual([
      expect.objectContaining({
        name: 'Personal',
        sortOrder: 0,
        description: null,
        shareWith: null,
        isSubscribed: true,
        isDefault: true,
        myRights: { mayRead: true, mayWrite: true, mayShare: true, mayDelete: true },
      }),
      expect.objectContaining({ name: 'Work', isDefault: false }),
    ])
  })

  it('onSuccessSetIsDefault moves the default and reports both books, as in RFC 9610 §5.2', async () => {
    const personal = seedBook('Personal')
    const autosaved = seedBook('Autosaved')
    const result = await callOne(server, [
      'AddressBook/set',
      { accountId: 'u1', onSuccessSetIsDefault: autosaved },
      's',
    ])
    expect(result.updated).toEqual({
      [autosaved]: { isDefault: true },
      [personal]: { isDefault: false },
    })
    expect(result.newState).not.toBe(result.oldState)
  })

  it('onSuccessSetIsDefault takes a creation reference and is skipped when anything failed', async () => {
    seedBook('Personal')
    const made = await callOne(server, [
      'AddressBook/set',
      { accountId: 'u1', create: { w: { name: 'Work' } }, onSuccessSetIsDefault: '#w' },
      's',
    ])
    expect(made.created).toEqual({ w: expect.objectContaining({ isDefault: true }) })
    const failed = await callOne(server, [
      'AddressBook/set',
      {
        accountId: 'u1',
        create: { x: { name: '' }, y: { name: 'Y' } },
        onSuccessSetIsDefault: '#y',
      },
      's',
    ])
    expect(failed.notCreated).toHaveProperty('x')
    expect(failed.created).toEqual({ y: expect.objectContaining({ isDefault: false }) })
  })

  it('refuses to destroy a book with cards unless onDestroyRemoveContents, which keeps cards in other books', async () => {
    const book = seedBook('Old')
    const other = seedBook('Other')
    const only = seedCard({ uid: 'u-only', addressBookIds: { [book]: true } })
    const both = seedCard({ uid: 'u-both', addressBookIds: { [book]: true, [other]: true } })
    const refused = await callOne(server, [
      'AddressBook/set',
      { accountId: 'u1', destroy: [book] },
      's',
    ])
    expect(refused.notDestroyed).toEqual({
      [book]: expect.objectContaining({ type: 'addressBookHasContents' }),
    })
    const removed = await callOne(server, [
      'AddressBook/set',
      { accountId: 'u1', destroy: [book], onDestroyRemoveContents: true },
      's',
    ])
    expect(removed.destroyed).toEqual([book])
    const cards = await callOne(server, [
      'ContactCard/get',
      { accountId: 'u1', ids: [only, both] },
      'g',
    ])
    expect(cards.notFound).toEqual([only])
    expect(cards.list).toEqual([
      expect.objectContaining({ id: both, addressBookIds: { [other]: true } }),
    ])
  })
})

describe('ContactCard (RFC 9610 §3)', () => {
  it('creates a card with @type, version, uid, created and updated filled in', async () => {
    const book = seedBook('Personal')
    const result = await callOne(server, [
      'ContactCard/set',
      {
        accountId: 'u1',
        create: { c: { addressBookIds: { [book]: true }, name: { full: 'Jane Doe' } } },
      },
      's',
    ])
    const created = (result.created as Record<string, Record<string, unknown>>).c
    expect(created).toMatchObject({
      '@type': 'Card',
      version: '1.0',
      uid: expect.stringMatching(/^urn:uuid:/),
    })
  })

  it('rejects a card in no book, in an unknown book, a duplicate uid and an email without address', async () => {
    const book = seedBook('Personal')
    seedCard({ uid: 'taken', addressBookIds: { [book]: true } })
    const result = await callOne(server, [
      'ContactCard/set',
      {
        accountId: 'u1',
        create: {
          none: { uid: 'a', addressBookIds: {} },
          unknown: { uid: 'b', addressBookIds: { nope: true } },
          duplicate: { uid: 'taken', addressBookIds: { [book]: true } },
          email: { uid: 'c', addressBookIds: { [book]: true }, emails: { e1: { label: 'x' } } },
          type: { uid: 'd', addressBookIds: { [book]: true }, '@type': 'Event' },
        },
      },
      's',
    ])
    expect(result.notCreated).toEqual({
      none: expect.objectContaining({ properties: ['addressBookIds'] }),
      unknown: expect.objectContaining({ properties: ['addressBookIds'] }),
      duplicate: expect.objectContaining({ properties: ['uid'] }),
      email: expect.objectContaining({ properties: ['emails/e1'] }),
      type: expect.objectContaining({ properties: ['@type'] }),
    })
  })

  it('patches into Id maps and reports the change', async () => {
    const book = seedBook('Personal')
    const card = seedCard({
      uid: 'u',
      addressBookIds: { [book]: true },
      emails: { e1: { address: 'old@example.com' } },
    })
    const { state } = await callOne(server, ['ContactCard/get', { accountId: 'u1', ids: [] }, 'g'])
    const result = await callOne(server, [
      'ContactCard/set',
      {
        accountId: 'u1',
        update: {
          [card]: {
            'emails/e1/address': 'new@example.com',
            'emails/e2': { address: 'two@example.com' },
          },
        },
      },
      's',
    ])
    expect(result.updated).toEqual({ [card]: null })
    const changes = await callOne(server, [
      'ContactCard/changes',
      { accountId: 'u1', sinceState: state },
      'c',
    ])
    expect(changes.updated).toEqual([card])
    const got = await callOne(server, [
      'ContactCard/get',
      { accountId: 'u1', ids: [card], properties: ['emails'] },
      'g',
    ])
    expect(got.list).toEqual([
      {
        id: card,
        emails: { e1: { address: 'new@example.com' }, e2: { address: 'two@example.com' } },
      },
    ])
  })
})

describe('ContactCard/query filters and sorts (RFC 9610 §3.3)', () => {
  let book: string
  let other: string
  let joe: string
  let jane: string
  let group: string

  beforeEach(() => {
    book = seedBook('Personal')
    other = seedBook('Work')
    joe = seedCard({
      uid: 'urn:uuid:joe',
      addressBookIds: { [book]: true },
      created: '2020-01-01T00:00:00Z',
      updated: '2023-06-01T00:00:00Z',
      name: {
        components: [
          { kind: 'given', value: 'Joe' },
          { kind: 'surname', value: 'Bloggs' },
        ],
        isOrdered: true,
      },
      nicknames: { n: { name: 'Jojo' } },
      emails: { e: { address: 'joe.bloggs@example.com', label: 'home mail' } },
      phones: { p: { number: 'tel:+1-555-0100' } },
      organizations: { o: { name: 'ABC, Inc.' } },
      onlineServices: { s: { service: 'Mastodon', user: '@joe@example.social' } },
      addresses: { a: { components: [{ kind: 'locality', value: 'Reston' }] } },
      notes: { n: { note: 'Met at the "IETF 118" meeting' } },
    })
    jane = seedCard({
      uid: 'urn:uuid:jane',
      addressBookIds: { [other]: true },
      created: '2022-01-01T00:00:00Z',
      updated: '2022-06-01T00:00:00Z',
      name: {
        components: [
          { kind: 'given', value: 'Jane' },
          { kind: 'surname', value: 'Austen' },
          { kind: 'surname2', value: 'Zed' },
        ],
      },
      emails: { e: { address: 'jane@example.org' } },
    })
    group = seedCard({
      uid: 'urn:uuid:family',
      kind: 'group',
      addressBookIds: { [book]: true },
      created: '2021-01-01T00:00:00Z',
      updated: '2021-01-01T00:00:00Z',
      name: { full: 'The Bloggs family' },
      members: { 'urn:uuid:joe': true },
    })
  })

  it('matches each condition', async () => {
    expect(await query({ inAddressBook: other })).toEqual([jane])
    expect(await query({ uid: 'urn:uuid:jane' })).toEqual([jane])
    expect(await query({ hasMember: 'urn:uuid:joe' })).toEqual([group])
    expect(await query({ kind: 'group' })).toEqual([group])
    expect(await query({ kind: 'individual' })).toEqual([joe, jane])
    expect(await query({ createdBefore: '2021-01-01T00:00:00Z' })).toEqual([joe])
    expect(await query({ createdAfter: '2021-01-01T00:00:00Z' })).toEqual([jane, group])
    expect(await query({ updatedBefore: '2022-06-01T00:00:00Z' })).toEqual([group])
    expect(await query({ updatedAfter: '2022-06-01T00:00:00Z' })).toEqual([joe, jane])
    expect(await query({ name: 'bloggs' })).toEqual([joe, group])
    expect(await query({ 'name/given': 'JANE' })).toEqual([jane])
    expect(await query({ 'name/surname': 'bloggs' })).toEqual([joe])
    expect(await query({ 'name/surname2': 'zed' })).toEqual([jane])
    expect(await query({ nickname: 'jojo' })).toEqual([joe])
    expect(await query({ organization: 'abc' })).toEqual([joe])
    expect(await query({ email: 'example.org' })).toEqual([jane])
    expect(await query({ email: 'home mail' })).toEqual([joe])
    expect(await query({ phone: '555-0100' })).toEqual([joe])
    expect(await query({ onlineService: 'mastodon' })).toEqual([joe])
    expect(await query({ address: 'reston' })).toEqual([joe])
    expect(await query({ note: '"ietf 118"' })).toEqual([joe])
    expect(await query({ text: 'bloggs example.com' })).toEqual([joe])
    expect(await query({})).toEqual([joe, jane, group])
  })

  it('combines conditions and operators', async () => {
    expect(await query({ inAddressBook: book, name: 'bloggs', kind: 'individual' })).toEqual([joe])
    expect(await query({ operator: 'NOT', conditions: [{ inAddressBook: book }] })).toEqual([jane])
    expect(
      await query({ operator: 'OR', conditions: [{ 'name/given': 'jane' }, { kind: 'group' }] }),
    ).toEqual([jane, group])
  })

  it('rejects a condition RFC 9610 does not define as invalid, naming it', async () => {
    const { methodResponses } = await request(server, [
      ['ContactCard/query', { accountId: 'u1', filter: { inAddressBooks: [book] } }, 'q'],
    ])
    const [name, args] = methodResponses[0] ?? []
    expect(name).toBe('error')
    expect(args).toMatchObject({ type: 'invalidArguments', arguments: ['filter/inAddressBooks'] })
  })

  it('sorts by created, updated and the first name component of a kind', async () => {
    expect(await query(null, [{ property: 'created' }])).toEqual([joe, group, jane])
    expect(await query(null, [{ property: 'updated', isAscending: false }])).toEqual([
      joe,
      jane,
      group,
    ])
    expect(await query(null, [{ property: 'name/surname' }])).toEqual([group, jane, joe])
    expect(await query(null, [{ property: 'name/given' }])).toEqual([group, jane, joe])
  })
})

describe('searchTerms', () => {
  it('keeps quoted phrases whole, with escapes, and splits the rest on whitespace', () => {
    expect(searchTerms(`"van Gogh" Vincent 'it\\'s'  x`)).toEqual([
      'van gogh',
      'vincent',
      "it's",
      'x',
    ])
  })
})
