import type { DataType, RecordContext } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { compareProperty, compareStrings } from '../methods/query-engine.js'
import { rejectUnknownSetArguments, runSet } from '../methods/standard/standard-set.js'
import { RecordRejectedError } from '../protocol/record-rejected-error.js'
import type { MethodHandler, TestServerPlugin } from '../server/server-runtime.js'
import { matchesText } from './contact-text-match.js'

/** The JMAP Contacts capability URN. */
export const contactsCapability = 'urn:ietf:params:jmap:contacts'

const fullRights = { mayRead: true, mayWrite: true, mayShare: true, mayDelete: true }

const addressBookType: DataType = {
  name: 'AddressBook',
  capability: contactsCapability,
  idPrefix: 'B',
  properties: [
    'id',
    'name',
    'description',
    'sortOrder',
    'isDefault',
    'isSubscribed',
    'shareWith',
    'myRights',
  ],
  serverSet: ['isDefault', 'myRights'],
  defaults: { description: null, sortOrder: 0, isSubscribed: true, shareWith: null },
  // RFC 9610 defines no AddressBook/query.
  methods: ['get', 'changes', 'set'],
  extraArguments: { set: ['onDestroyRemoveContents', 'onSuccessSetIsDefault'] },
  read: (_record, property) => (property === 'myRights' ? fullRights : undefined),
  validate: (record) =>
    typeof record.name === 'string' &&
    record.name !== '' &&
    new TextEncoder().encode(record.name).length <= 255
      ? []
      : ['name'],
  // The first book of an account becomes its default, so there is always one.
  create: (record, context) => ({
    ...record,
    isDefault: !context.account
      .store('AddressBook')
      .all()
      .some((book) => book.isDefault === true),
  }),
  createdResponse: (stored) => ({
    id: stored.id,
    isDefault: stored.isDefault,
    myRights: fullRights,
  }),
  beforeDestroy(record, context) {
    const cards = context.account.store('ContactCard')
    const inBook = cards.all().filter((card) => hasKey(card.addressBookIds, record.id as string))
    if (inBook.length === 0) return
    if (context.args.onDestroyRemoveContents !== true) {
      throw new RecordRejectedError(
        'addressBookHasContents',
        `the address book has ${inBook.length} card(s)`,
      )
    }
    // Cards leave the book; a card in no other book is destroyed with it.
    for (const card of inBook) {
      const remaining = { ...(card.addressBookIds as JsonObject) }
      delete remaining[record.id as string]
      if (Object.keys(remaining).length === 0) cards.destroy(card.id as string)
      else
        cards.update(card.id as string, { ...card, addressBookIds: remaining }, ['addressBookIds'])
    }
  },
}

/**
 * AddressBook/set: the standard /set, then `onSuccessSetIsDefault` once every create, update
 * and destroy succeeded; the books whose `isDefault` changed are reported as updated.
 *
 * @see RFC 9610 §2.3
 */
const addressBookSet: MethodHandler = (args, context) => {
  rejectUnknownSetArguments(addressBookType, args)
  const response = runSet(addressBookType, args, context)
  const wanted = args.onSuccessSetIsDefault
  const failed =
    response.notCreated !== null || response.notUpdated !== null || response.notDestroyed !== null
  if (typeof wanted !== 'string' || failed) return [['AddressBook/set', response]]
  const account = context.account(args.accountId, contactsCapability)
  const store = account.store('AddressBook')
  const id = wanted.startsWith('#') ? context.createdIds.get(wanted.slice(1)) : wanted
  // An unknown id is ignored without an error (RFC 9610 §2.3).
  if (id === undefined || !store.has(id)) return [['AddressBook/set', response]]
  const updated: JsonObject = { ...((response.updated as JsonObject | null) ?? {}) }
  const created = (response.created as JsonObject | null) ?? {}
  for (const book of store.all()) {
    const isDefault = book.id === id
    if (book.isDefault === isDefault) continue
    store.update(book.id as string, { ...book, isDefault }, ['isDefault'])
    const creationId = Object.keys(created).find(
      (key) => (created[key] as JsonObject).id === book.id,
    )
    if (creationId === undefined) updated[book.id as string] = { isDefault }
    else created[creationId] = { ...(created[creationId] as JsonObject), isDefault }
  }
  return [
    [
      'AddressBook/set',
      {
        ...response,
        newState: store.state,
        updated: Object.keys(updated).length > 0 ? updated : null,
      },
    ],
  ]
}

function hasKey(set: unknown, key: string): boolean {
  return isJsonObject(set) && set[key] === true
}

/** The values of the objects of an Id map (`emails`, `phones`, …). */
function entries(record: JsonObject, property: string): JsonObject[] {
  const map = record[property]
  return isJsonObject(map) ? Object.values(map).filter(isJsonObject) : []
}

function strings(...values: unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string')
}

function nameComponents(record: JsonObject, kind?: string): string[] {
  const name = record.name
  if (!isJsonObject(name) || !Array.isArray(name.components)) return []
  return name.components
    .filter(isJsonObject)
    .filter((component) => kind === undefined || component.kind === kind)
    .flatMap((component) => strings(component.value))
}

function nameValues(record: JsonObject): string[] {
  const name = record.name
  return [...nameComponents(record), ...(isJsonObject(name) ? strings(name.full) : [])]
}

function addressValues(record: JsonObject): string[] {
  return entries(record, 'addresses').flatMap((address) => [
    ...strings(address.full),
    ...(Array.isArray(address.components)
      ? address.components.filter(isJsonObject).flatMap((component) => strings(component.value))
      : []),
  ])
}

/** What each text condition of RFC 9610 §3.3.1 looks at. */
const textFields: Readonly<Record<string, (record: JsonObject) => string[]>> = {
  name: nameValues,
  'name/given': (record) => nameComponents(record, 'given'),
  'name/surname': (record) => nameComponents(record, 'surname'),
  'name/surname2': (record) => nameComponents(record, 'surname2'),
  nickname: (record) => entries(record, 'nicknames').flatMap((entry) => strings(entry.name)),
  organization: (record) =>
    entries(record, 'organizations').flatMap((entry) => strings(entry.name)),
  email: (record) =>
    entries(record, 'emails').flatMap((entry) => strings(entry.address, entry.label)),
  phone: (record) =>
    entries(record, 'phones').flatMap((entry) => strings(entry.number, entry.label)),
  onlineService: (record) =>
    entries(record, 'onlineServices').flatMap((entry) =>
      strings(entry.service, entry.uri, entry.user, entry.label),
    ),
  address: addressValues,
  note: (record) => entries(record, 'notes').flatMap((entry) => strings(entry.note)),
}

/** Every string in the card, for the `text` condition. */
function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(allText)
  if (isJsonObject(value)) return Object.values(value).flatMap(allText)
  return []
}

function matchesCard(record: JsonObject, condition: JsonObject): boolean {
  if (
    typeof condition.inAddressBook === 'string' &&
    !hasKey(record.addressBookIds, condition.inAddressBook)
  )
    return false
  if (typeof condition.uid === 'string' && record.uid !== condition.uid) return false
  if (typeof condition.hasMember === 'string' && !hasKey(record.members, condition.hasMember))
    return false
  if (typeof condition.kind === 'string' && (record.kind ?? 'individual') !== condition.kind)
    return false
  const created = typeof record.created === 'string' ? record.created : undefined
  const updated = typeof record.updated === 'string' ? record.updated : undefined
  if (
    typeof condition.createdBefore === 'string' &&
    !(created !== undefined && created < condition.createdBefore)
  )
    return false
  if (
    typeof condition.createdAfter === 'string' &&
    !(created !== undefined && created >= condition.createdAfter)
  )
    return false
  if (
    typeof condition.updatedBefore === 'string' &&
    !(updated !== undefined && updated < condition.updatedBefore)
  )
    return false
  if (
    typeof condition.updatedAfter === 'string' &&
    !(updated !== undefined && updated >= condition.updatedAfter)
  )
    return false
  if (
    typeof condition.text === 'string' &&
    !matchesText(allText(withoutIds(record)), condition.text)
  )
    return false
  for (const [field, values] of Object.entries(textFields)) {
    const query = condition[field]
    if (typeof query === 'string' && !matchesText(values(record), query)) return false
  }
  return true
}

/** The card without its JMAP ids, whose text a user never typed. */
function withoutIds(record: JsonObject): JsonObject {
  const { id: _id, addressBookIds: _books, ...card } = record
  return card
}

function compareFirstComponent(kind: string) {
  return (a: JsonObject, b: JsonObject, comparator: { readonly collation: string | undefined }) => {
    const left = nameComponents(a, kind)[0]
    const right = nameComponents(b, kind)[0]
    if (left === right) return 0
    if (left === undefined) return -1
    if (right === undefined) return 1
    return compareStrings(left, right, comparator.collation)
  }
}

/** The JSContact Card properties (RFC 9553 §2, plus RFC 9555's vCardProps). */
const cardProperties = [
  '@type',
  'version',
  'created',
  'kind',
  'language',
  'members',
  'prodId',
  'relatedTo',
  'uid',
  'updated',
  'name',
  'nicknames',
  'organizations',
  'speakToAs',
  'titles',
  'emails',
  'onlineServices',
  'phones',
  'preferredLanguages',
  'calendars',
  'schedulingAddresses',
  'addresses',
  'cryptoKeys',
  'directories',
  'links',
  'media',
  'localizations',
  'anniversaries',
  'keywords',
  'notes',
  'personalInfo',
  'vCardProps',
]

const mapProperties = cardProperties.filter(
  (property) =>
    ![
      '@type',
      'version',
      'created',
      'kind',
      'language',
      'prodId',
      'uid',
      'updated',
      'name',
      'speakToAs',
      'vCardProps',
      'members',
      'keywords',
    ].includes(property),
)

/** The mandatory member of the objects in each Id map, checked on every write. */
const mandatoryMember: Readonly<Record<string, string>> = {
  emails: 'address',
  phones: 'number',
  nicknames: 'name',
  titles: 'name',
  notes: 'note',
  preferredLanguages: 'language',
  schedulingAddresses: 'uri',
  calendars: 'uri',
  cryptoKeys: 'uri',
  links: 'uri',
  directories: 'uri',
  personalInfo: 'value',
}

function validateCard(record: JsonObject, context: RecordContext): string[] {
  const invalid: string[] = []
  const books = context.account.store('AddressBook')
  const bookIds = isJsonObject(record.addressBookIds) ? Object.keys(record.addressBookIds) : []
  if (
    bookIds.length === 0 ||
    bookIds.some((id) => !books.has(id) || !hasKey(record.addressBookIds, id))
  )
    invalid.push('addressBookIds')
  if (record['@type'] !== 'Card') invalid.push('@type')
  // A create without uid gets one from the `create` hook, which runs after validation.
  if (record.uid !== undefined && (typeof record.uid !== 'string' || record.uid === ''))
    invalid.push('uid')
  else if (
    typeof record.uid === 'string' &&
    context.account
      .store('ContactCard')
      .all()
      .some((other) => other.uid === record.uid && other.id !== record.id)
  )
    invalid.push('uid')
  if (record.kind !== undefined && typeof record.kind !== 'string') invalid.push('kind')
  if (record.members !== undefined && record.kind !== 'group') invalid.push('members')
  const name = record.name
  if (
    name !== undefined &&
    !(isJsonObject(name) && (Array.isArray(name.components) || typeof name.full === 'string'))
  )
    invalid.push('name')
  for (const property of mapProperties) {
    const map = record[property]
    if (map === undefined) continue
    if (!isJsonObject(map)) {
      invalid.push(property)
      continue
    }
    const member = mandatoryMember[property]
    for (const [key, value] of Object.entries(map)) {
      if (!isJsonObject(value) || (member !== undefined && typeof value[member] !== 'string')) {
        invalid.push(`${property}/${key}`)
      }
    }
  }
  return invalid
}

const contactCardType: DataType = {
  name: 'ContactCard',
  capability: contactsCapability,
  idPrefix: 'C',
  properties: ['id', 'addressBookIds', ...cardProperties],
  immutable: ['uid'],
  defaults: { '@type': 'Card', version: '1.0' },
  idReferences: { addressBookIds: 'idMap' },
  omitsAbsentProperties: true,
  methods: ['get', 'changes', 'set', 'copy', 'query', 'queryChanges'],
  // Vendor-specific properties are named domain:name (RFC 9553 §1.8.1).
  isDynamicProperty: (property) => property.includes(':'),
  validate: validateCard,
  create(record, context) {
    const now = context.runtime
      .now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
    return {
      ...record,
      uid: typeof record.uid === 'string' ? record.uid : `urn:uuid:${crypto.randomUUID()}`,
      created: typeof record.created === 'string' ? record.created : now,
      updated: typeof record.updated === 'string' ? record.updated : now,
    }
  },
  createdResponse: (stored, input) => ({
    id: stored.id,
    ...Object.fromEntries(
      ['uid', '@type', 'version', 'created', 'updated']
        .filter((property) => input[property] === undefined)
        .map((property) => [property, stored[property]]),
    ),
  }),
  findDuplicate: (record, context) =>
    context.account
      .store('ContactCard')
      .all()
      .find((other) => other.uid === record.uid)?.id as string | undefined,
  filterProperties: [
    'inAddressBook',
    'uid',
    'hasMember',
    'kind',
    'createdBefore',
    'createdAfter',
    'updatedBefore',
    'updatedAfter',
    'text',
    ...Object.keys(textFields),
  ],
  matches: matchesCard,
  comparators: {
    created: compareProperty('created'),
    updated: compareProperty('updated'),
    'name/given': compareFirstComponent('given'),
    'name/surname': compareFirstComponent('surname'),
    'name/surname2': compareFirstComponent('surname2'),
  },
}

/**
 * JMAP Contacts (RFC 9610): AddressBook and ContactCard, the cards stored as JSContact JSON.
 * Text conditions match case-insensitive substrings, with RFC 9610's phrases and tokens.
 *
 * @see RFC 9610
 */
export const contactsPlugin: TestServerPlugin = {
  name: 'contacts',
  capabilities: {
    [contactsCapability]: {
      session: {},
      account: { maxAddressBooksPerCard: null, mayCreateAddressBook: true },
    },
  },
  dataTypes: [addressBookType, contactCardType],
  methods: { 'AddressBook/set': { capability: contactsCapability, handler: addressBookSet } },
}
