import type { Mailbox, MailboxFilterCondition, MailboxSortProperty } from '@typed-jmap/mail'
import { describe, expectTypeOf, test } from 'vitest'
import type { DataType } from './data-type.js'
import { compareProperty } from './methods/query-engine.js'
import {
  type ClientDataTypeName,
  type ClientFilterPropertyOf,
  type ClientRecordOf,
  type ClientSortPropertyOf,
  defineDataType,
} from './typed-data-type.js'

const capability = 'urn:ietf:params:jmap:mail'

describe('the client-side names of a type', () => {
  test('are read from the registered witnesses', () => {
    expectTypeOf<ClientRecordOf<'Mailbox'>>().toEqualTypeOf<Mailbox>()
    expectTypeOf<ClientFilterPropertyOf<'Mailbox'>>().toEqualTypeOf<
      keyof MailboxFilterCondition & string
    >()
    expectTypeOf<ClientSortPropertyOf<'Mailbox'>>().toEqualTypeOf<MailboxSortProperty>()
    expectTypeOf<'Mailbox' | 'Email' | 'CalendarEvent'>().toExtend<ClientDataTypeName>()
  })

  test('a type without a /query witness has no filter or sort names', () => {
    expectTypeOf<ClientFilterPropertyOf<'Thread'>>().toBeNever()
    expectTypeOf<ClientSortPropertyOf<'Thread'>>().toBeNever()
  })
})

describe('defineDataType', () => {
  test('takes the client names and returns a DataType for server.register', () => {
    const mailbox = defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id', 'name', 'parentId', 'role', 'sortOrder'],
      serverSet: ['totalEmails'],
      immutable: ['role'],
      defaults: { parentId: null, sortOrder: 0 },
      idReferences: { parentId: 'id' },
      methods: ['get', 'set', 'query'],
      filterProperties: ['parentId', 'role', 'hasAnyRole'],
      matches: (record, condition) =>
        condition.role === undefined || record.role === condition.role,
      comparators: { name: compareProperty('name'), sortOrder: compareProperty('sortOrder') },
      read: (record, property) => (property === 'totalEmails' ? 0 : record[property]),
    })
    expectTypeOf(mailbox).toEqualTypeOf<DataType>()
  })

  test('a property the client does not know is a compile error', () => {
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      // @ts-expect-error: Mailbox has `role`, not `rol`
      properties: ['id', 'rol'],
      methods: ['get'],
    })
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id'],
      // @ts-expect-error: server-set names are checked too
      serverSet: ['unreadEmail'],
      methods: ['get'],
    })
  })

  test('a default of the wrong type is a compile error', () => {
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id', 'sortOrder'],
      // @ts-expect-error: the client reads sortOrder as a number
      defaults: { sortOrder: '0' },
      methods: ['get'],
    })
  })

  test('a filter or sort name the client cannot send is a compile error', () => {
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id'],
      methods: ['get', 'query'],
      // @ts-expect-error: MailboxFilterCondition has `hasAnyRole`, not `hasRole`
      filterProperties: ['hasRole'],
    })
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id'],
      methods: ['get', 'query'],
      // @ts-expect-error: Mailbox/query sorts by name and sortOrder only
      comparators: { totalEmails: compareProperty('totalEmails') },
    })
  })

  test('a hook reading a name the client does not know is a compile error', () => {
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id'],
      methods: ['get', 'query'],
      // @ts-expect-error: the condition has `isSubscribed`, not `subscribed`
      matches: (_record, condition) => condition.subscribed === true,
    })
    defineDataType({
      name: 'Mailbox',
      capability,
      idPrefix: 'M',
      properties: ['id'],
      methods: ['get'],
      // @ts-expect-error: the record has `name`, not `title`
      read: (record) => record.title,
    })
  })

  test('a type name the client has no /get for is a compile error', () => {
    defineDataType({
      // @ts-expect-error: there is no `Mailboxes/get` witness
      name: 'Mailboxes',
      capability,
      idPrefix: 'M',
      properties: ['id'],
      methods: ['get'],
    })
  })
})
