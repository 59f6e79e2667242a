import type { RecordContext } from '../data-type.js'
import type { JsonObject } from '../json.js'
import { afterEmailChange } from '../mail/email-store.js'
import { emailRecordFromBytes, invalidEmailMetadata } from '../mail/email-type.js'
import { createRecord } from '../methods/standard/record-writer.js'
import { isRecordRejectedError } from '../protocol/record-rejected-error.js'
import { TestServerUsageError } from '../protocol/test-server-usage-error.js'
import type { ServerRuntime } from '../server/server-runtime.js'

/** What {@link SeedHelpers.email} accepts: a raw message, or the parts of a simple one. */
export interface SeedEmail {
  /** Mailbox ids the Email is in (at least one). */
  readonly mailboxIds: readonly string[]
  /** A complete RFC 5322 message; when given, the fields below are ignored. */
  readonly raw?: string
  readonly from?: string
  readonly to?: string | readonly string[]
  readonly subject?: string
  /** Plain-text body. */
  readonly text?: string
  /** HTML body (with `text`, the message is multipart/alternative). */
  readonly html?: string
  readonly messageId?: string
  /** Message-ID this one replies to (puts it in that thread). */
  readonly inReplyTo?: string
  /** The Date header, RFC 3339. */
  readonly sentAt?: string
  readonly keywords?: readonly string[]
  /** `receivedAt` (default: the server clock). */
  readonly receivedAt?: string
  readonly accountId?: string
}

/**
 * Puts data in place directly (no API call); each helper returns the new id
 * and sends the StateChange a real delivery would.
 *
 * @example const inbox = server.seed.mailbox({ name: 'Inbox', role: 'inbox' })
 */
export interface SeedHelpers {
  /** Creates any registered type's record through its validation; returns the id. */
  record(typeName: string, properties: JsonObject, accountId?: string): string
  /** Creates a Mailbox. */
  mailbox(properties: JsonObject & { readonly name: string }, accountId?: string): string
  /** Delivers an Email (also bumps the `EmailDelivery` push state). */
  email(email: SeedEmail): string
  /** Creates an Identity. */
  identity(properties: JsonObject & { readonly email: string }, accountId?: string): string
  /** Creates a Calendar. */
  calendar(properties: JsonObject & { readonly name: string }, accountId?: string): string
  /** Creates a CalendarEvent (JSCalendar Event JSON plus `calendarIds`). */
  calendarEvent(properties: JsonObject, accountId?: string): string
  /** Creates a TaskList. */
  taskList(properties: JsonObject & { readonly name: string }, accountId?: string): string
  /** Creates a Task (JSCalendar Task JSON plus `taskListId`). */
  task(properties: JsonObject, accountId?: string): string
}

function rawFrom(email: SeedEmail, now: Date, seed: string): string {
  if (email.raw !== undefined) return email.raw
  const to = typeof email.to === 'string' ? [email.to] : (email.to ?? [])
  const lines = [
    `From: ${email.from ?? 'sender@example.com'}`,
    ...(to.length > 0 ? [`To: ${to.join(', ')}`] : []),
    `Subject: ${email.subject ?? ''}`,
    `Date: ${new Date(email.sentAt ?? now.toISOString()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${email.messageId ?? `${seed}@jmap.test`}>`,
    ...(email.inReplyTo === undefined
      ? []
      : [`In-Reply-To: <${email.inReplyTo}>`, `References: <${email.inReplyTo}>`]),
    'MIME-Version: 1.0',
  ]
  const text = email.text ?? (email.html === undefined ? '' : undefined)
  if (text !== undefined && email.html !== undefined) {
    const boundary = `=_seed_${seed}`
    return `${lines.join('\r\n')}\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${email.html}\r\n--${boundary}--\r\n`
  }
  const type = text === undefined ? 'text/html' : 'text/plain'
  return `${lines.join('\r\n')}\r\nContent-Type: ${type}; charset=utf-8\r\n\r\n${text ?? email.html ?? ''}\r\n`
}

/** Builds the seed helpers of a server. */
export function createSeedHelpers(runtime: ServerRuntime): SeedHelpers {
  const contextFor = (accountId: string | undefined): RecordContext => ({
    runtime,
    account: runtime.requireAccount(accountId),
    args: {},
    createdIds: new Map(),
  })
  const record = (typeName: string, properties: JsonObject, accountId?: string): string => {
    const context = contextFor(accountId)
    try {
      const stored = createRecord(runtime.dataType(typeName), properties, context)
      return String(stored.id)
    } catch (error) {
      if (!isRecordRejectedError(error)) throw error
      throw new TestServerUsageError(
        `cannot seed ${typeName}: ${JSON.stringify(error.toJSON())}`,
        error,
      )
    } finally {
      runtime.flushStateChanges()
    }
  }
  return {
    record,
    mailbox: (properties, accountId) => record('Mailbox', properties, accountId),
    identity: (properties, accountId) => record('Identity', properties, accountId),
    calendar: (properties, accountId) => record('Calendar', properties, accountId),
    calendarEvent: (properties, accountId) => record('CalendarEvent', properties, accountId),
    taskList: (properties, accountId) => record('TaskList', properties, accountId),
    task: (properties, accountId) => record('Task', properties, accountId),
    email(email) {
      const context = contextFor(email.accountId)
      const mailboxIds = Object.fromEntries(email.mailboxIds.map((id) => [id, true]))
      const keywords = Object.fromEntries((email.keywords ?? []).map((keyword) => [keyword, true]))
      const invalid = invalidEmailMetadata({ mailboxIds, keywords }, context)
      if (invalid.length > 0)
        throw new TestServerUsageError(`cannot seed Email: invalid ${invalid.join(', ')}`)
      const id = runtime.newId('E')
      const raw = rawFrom(email, runtime.now(), id)
      const stored = {
        ...emailRecordFromBytes(
          new TextEncoder().encode(raw.replace(/\r?\n/g, '\r\n')),
          { mailboxIds, keywords, receivedAt: email.receivedAt },
          context,
        ),
        id,
      }
      context.account.store('Email').create(id, stored)
      afterEmailChange('created', undefined, stored, context)
      runtime.bumpPseudoState(context.account, 'EmailDelivery')
      runtime.flushStateChanges()
      return id
    },
  }
}
