import { type SchemaValidation, validateWithSchema } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ContactsAccountCapabilitySchema } from './contacts-capability.js'
import { contacts } from './contacts-registry.js'

/** Validates one response the way the client does: with the schema for the call's arguments. */
function validate(
  method: keyof typeof contacts.methods,
  args: Readonly<Record<string, unknown>>,
  response: unknown,
) {
  const runtime = contacts.methods[method].response
  const result = validateWithSchema(
    typeof runtime === 'function' ? runtime(args) : runtime,
    response,
  )
  return result.ok
    ? { success: true, output: result.value, issues: [] }
    : { success: false, output: undefined, issues: result.issues }
}

/** The dotted paths of the issues of a failed validation. */
function issuePaths(result: {
  readonly issues: Extract<SchemaValidation, { ok: false }>['issues']
}) {
  return result.issues.map((issue) =>
    (issue.path ?? [])
      .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
      .join('.'),
  )
}

// RFC 9610 §5.1, "Fetching Initial Data": the server's answer, verbatim.
const addressBookGetExample = {
  accountId: 'a0x9',
  list: [
    {
      id: '062adcfa-105d-455c-bc60-6db68b69c3f3',
      name: 'Personal',
      description: null,
      sortOrder: 0,
      isDefault: true,
      isSubscribed: true,
      shareWith: {
        '3f1502e0-63fe-4335-9ff3-e739c188f5dd': {
          mayRead: true,
          mayWrite: false,
          mayShare: false,
          mayDelete: false,
        },
      },
      myRights: { mayRead: true, mayWrite: true, mayShare: true, mayDelete: false },
    },
    {
      id: 'cd40089d-35f9-4fd7-980b-ba3a9f1d74fe',
      name: 'Autosaved',
      description: null,
      sortOrder: 1,
      isDefault: false,
      isSubscribed: true,
      shareWith: null,
      myRights: { mayRead: true, mayWrite: true, mayShare: true, mayDelete: false },
    },
  ],
  notFound: [],
  state: '~4144',
}

const contactCardGetExample = {
  accountId: 'a0x9',
  list: [
    {
      id: '3',
      addressBookIds: { '062adcfa-105d-455c-bc60-6db68b69c3f3': true },
      name: {
        components: [
          { kind: 'given', value: 'Joe' },
          { kind: 'surname', value: 'Bloggs' },
        ],
        isOrdered: true,
      },
      emails: { '0': { contexts: { private: true }, address: 'joe.bloggs@example.com' } },
    },
  ],
  notFound: [],
  state: 'ewarbckaqJ::112',
}

describe('contacts runtime table against the RFC 9610 examples', () => {
  it('reads the AddressBook/get example with its sharing rights', () => {
    const result = validate('AddressBook/get', { accountId: 'a0x9' }, addressBookGetExample)
    expect(result.success).toBe(true)
    expect(result.output).toMatchObject({
      list: [
        {
          name: 'Personal',
          isDefault: true,
          shareWith: { '3f1502e0-63fe-4335-9ff3-e739c188f5dd': { mayRead: true } },
        },
        { name: 'Autosaved', shareWith: null },
      ],
    })
  })

  it('reads the ContactCard/get example once it carries the uid RFC 9553 makes mandatory', () => {
    // The RFC shortens its example ("something like") and leaves out uid, @type and version.
    // @type and version can only be "Card" and "1.0" and read as such; a missing uid cannot be
    // made up, so it is an error that names the property.
    const withoutUid = validate('ContactCard/get', { accountId: 'a0x9' }, contactCardGetExample)
    expect(withoutUid.success).toBe(false)
    expect(issuePaths(withoutUid)).toContain('list.0.uid')

    const card = { ...contactCardGetExample.list[0], uid: 'urn:uuid:joe' }
    const result = validate(
      'ContactCard/get',
      { accountId: 'a0x9' },
      { ...contactCardGetExample, list: [card] },
    )
    expect(result.success).toBe(true)
    expect(result.output).toMatchObject({
      list: [
        { '@type': 'Card', version: '1.0', emails: { '0': { address: 'joe.bloggs@example.com' } } },
      ],
    })
  })

  it('reads the AddressBook/set answer of "Changing the Default Address Book"', () => {
    const result = validate(
      'AddressBook/set',
      { accountId: 'a0x9', onSuccessSetIsDefault: 'cd40089d-35f9-4fd7-980b-ba3a9f1d74fe' },
      {
        accountId: 'a0x9',
        oldState: '~4144',
        newState: '~4148',
        updated: {
          'cd40089d-35f9-4fd7-980b-ba3a9f1d74fe': { isDefault: true },
          '062adcfa-105d-455c-bc60-6db68b69c3f3': { isDefault: false },
        },
      },
    )
    expect(result.success).toBe(true)
  })

  it('narrows the validation to the properties asked for', () => {
    const result = validate(
      'ContactCard/get',
      { accountId: 'a0x9', properties: ['emails'] },
      {
        accountId: 'a0x9',
        state: 's1',
        notFound: [],
        list: [{ id: '3', emails: { e1: { address: 'joe@example.com' } } }],
      },
    )
    expect(result.success).toBe(true)
  })

  it('rejects nested JSContact objects that break RFC 9553, saying where', () => {
    const card = (extra: object) => ({
      accountId: 'a0x9',
      state: 's1',
      notFound: [],
      list: [{ id: '3', uid: 'u', addressBookIds: { A: true }, ...extra }],
    })
    const cases: [object, string][] = [
      [
        { emails: { e1: { '@type': 'Phone', address: 'x@example.com' } } },
        'list.0.emails.e1.@type',
      ],
      [{ phones: { p1: { number: '1', pref: 0 } } }, 'list.0.phones.p1.pref'],
      [{ name: { isOrdered: true } }, 'list.0.name'],
      [
        { anniversaries: { a1: { kind: 'birth', date: { day: 3 } } } },
        'list.0.anniversaries.a1.date',
      ],
      [{ media: { m1: { kind: 'photo' } } }, 'list.0.media.m1'],
      [{ addressBookIds: {} }, 'list.0.addressBookIds'],
      [{ '@type': 'Event' }, 'list.0.@type'],
      [{ updated: '2022-09-30T14:35:10.000Z' }, 'list.0.updated'],
    ]
    for (const [extra, path] of cases) {
      const result = validate('ContactCard/get', { accountId: 'a0x9' }, card(extra))
      expect(result.success, JSON.stringify(extra)).toBe(false)
      expect(issuePaths(result)).toContain(path)
    }
  })

  it('keeps vendor properties and reads a Timestamp anniversary by its @type', () => {
    const result = validate(
      'ContactCard/get',
      { accountId: 'a0x9' },
      {
        accountId: 'a0x9',
        state: 's1',
        notFound: [],
        list: [
          {
            id: '3',
            uid: 'u',
            addressBookIds: { A: true },
            'example.com:foo': { bar: 1234 },
            anniversaries: {
              a1: { kind: 'birth', date: { '@type': 'Timestamp', utc: '1953-10-15T23:10:00Z' } },
            },
          },
        ],
      },
    )
    expect(result.success).toBe(true)
    expect(result.output).toMatchObject({
      list: [
        {
          'example.com:foo': { bar: 1234 },
          anniversaries: { a1: { date: { utc: '1953-10-15T23:10:00Z' } } },
        },
      ],
    })
  })

  it('checks the account capability: maxAddressBooksPerCard is at least 1 or null', () => {
    expect(
      v.safeParse(ContactsAccountCapabilitySchema, {
        maxAddressBooksPerCard: null,
        mayCreateAddressBook: true,
      }).success,
    ).toBe(true)
    expect(
      v.safeParse(ContactsAccountCapabilitySchema, {
        maxAddressBooksPerCard: 0,
        mayCreateAddressBook: true,
      }).success,
    ).toBe(false)
  })
})
