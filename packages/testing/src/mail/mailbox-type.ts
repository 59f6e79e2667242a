import type { DataType, RecordContext } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { compareProperty } from '../methods/query-engine.js'
import { RecordRejectedError } from '../protocol/record-rejected-error.js'
import { mailboxCountProperties, mailCapability } from './mail-capabilities.js'

const fullRights = {
  mayReadItems: true,
  mayAddItems: true,
  mayRemoveItems: true,
  maySetSeen: true,
  maySetKeywords: true,
  mayCreateChild: true,
  mayRename: true,
  mayDelete: true,
  maySubmit: true,
}

function emailsIn(mailboxId: string, context: RecordContext): JsonObject[] {
  return context.account
    .store('Email')
    .all()
    .filter((email) => isJsonObject(email.mailboxIds) && email.mailboxIds[mailboxId] === true)
}

function isUnread(email: JsonObject): boolean {
  return !(isJsonObject(email.keywords) && email.keywords.$seen === true)
}

function counts(mailboxId: string, context: RecordContext): Record<string, number> {
  const emails = emailsIn(mailboxId, context)
  const threads = new Set(emails.map((email) => email.threadId))
  const unreadThreads = new Set(emails.filter(isUnread).map((email) => email.threadId))
  return {
    totalEmails: emails.length,
    unreadEmails: emails.filter(isUnread).length,
    totalThreads: threads.size,
    unreadThreads: unreadThreads.size,
  }
}

/**
 * The RFC 8621 Mailbox type, counts computed from the stored Emails.
 *
 * @see RFC 8621 §2
 */
export const mailboxType: DataType = {
  name: 'Mailbox',
  capability: mailCapability,
  idPrefix: 'M',
  properties: [
    'id',
    'name',
    'parentId',
    'role',
    'sortOrder',
    ...mailboxCountProperties,
    'myRights',
    'isSubscribed',
  ],
  serverSet: [...mailboxCountProperties, 'myRights'],
  defaults: { parentId: null, role: null, sortOrder: 0, isSubscribed: true },
  idReferences: { parentId: 'id' },
  reportsUpdatedProperties: true,
  methods: ['get', 'changes', 'set', 'query', 'queryChanges'],
  extraArguments: {
    set: ['onDestroyRemoveEmails'],
    query: ['sortAsTree', 'filterAsTree'],
    queryChanges: ['sortAsTree', 'filterAsTree'],
  },
  read(record, property, context) {
    if (property === 'myRights') return fullRights
    if (mailboxCountProperties.includes(property))
      return counts(record.id as string, context)[property]
    return undefined
  },
  validate(record, context, previous) {
    const invalid: string[] = []
    const store = context.account.store('Mailbox')
    if (typeof record.name !== 'string' || record.name === '' || record.name.length > 255)
      invalid.push('name')
    if (record.parentId !== null) {
      let cursor: unknown = record.parentId
      const seen = new Set<unknown>([previous?.id])
      while (typeof cursor === 'string' && store.has(cursor) && !seen.has(cursor)) {
        seen.add(cursor)
        cursor = store.peek(cursor)?.parentId ?? null
      }
      if (typeof record.parentId !== 'string' || !store.has(record.parentId) || cursor !== null) {
        invalid.push('parentId')
      }
    }
    const siblings = store
      .all()
      .filter((other) => other.id !== previous?.id && other.parentId === record.parentId)
    if (typeof record.name === 'string' && siblings.some((other) => other.name === record.name)) {
      invalid.push('name')
    }
    if (record.role !== null) {
      const taken = store
        .all()
        .some((other) => other.id !== previous?.id && other.role === record.role)
      if (typeof record.role !== 'string' || record.role !== record.role.toLowerCase() || taken)
        invalid.push('role')
    }
    if (
      typeof record.sortOrder !== 'number' ||
      !Number.isInteger(record.sortOrder) ||
      record.sortOrder < 0 ||
      record.sortOrder >= 2 ** 31
    ) {
      invalid.push('sortOrder')
    }
    if (typeof record.isSubscribed !== 'boolean') invalid.push('isSubscribed')
    return [...new Set(invalid)]
  },
  beforeDestroy(record, context, destroying) {
    const id = record.id as string
    const children = context.account
      .store('Mailbox')
      .all()
      .filter((other) => other.parentId === id && !destroying.has(other.id as string))
    if (children.length > 0) throw new RecordRejectedError('mailboxHasChild')
    const emails = emailsIn(id, context)
    if (emails.length === 0) return
    if (context.args.onDestroyRemoveEmails !== true)
      throw new RecordRejectedError('mailboxHasEmail')
    const emailStore = context.account.store('Email')
    for (const email of emails) {
      const mailboxIds = { ...(email.mailboxIds as JsonObject) }
      delete mailboxIds[id]
      if (Object.keys(mailboxIds).length === 0) emailStore.destroy(email.id as string)
      else emailStore.update(email.id as string, { ...email, mailboxIds })
    }
  },
  filterProperties: ['parentId', 'name', 'role', 'hasAnyRole', 'isSubscribed'],
  matches(record, condition) {
    if ('parentId' in condition && record.parentId !== condition.parentId) return false
    if (
      typeof condition.name === 'string' &&
      !String(record.name).toLowerCase().includes(condition.name.toLowerCase())
    )
      return false
    if ('role' in condition && record.role !== condition.role) return false
    if (
      typeof condition.hasAnyRole === 'boolean' &&
      (record.role !== null) !== condition.hasAnyRole
    )
      return false
    if (
      typeof condition.isSubscribed === 'boolean' &&
      record.isSubscribed !== condition.isSubscribed
    )
      return false
    return true
  },
  comparators: { sortOrder: compareProperty('sortOrder'), name: compareProperty('name') },
}
