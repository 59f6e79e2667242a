import type { RecordContext } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import type { StoredBlob } from '../store/blob-store.js'
import { asMessageIds } from './header-forms.js'
import { mailboxCountProperties } from './mail-capabilities.js'
import { lastHeader, type ParsedMessage, parseMessage } from './rfc5322-message.js'

const parsedByBlob = new WeakMap<StoredBlob, ParsedMessage>()

/** The parsed form of an Email's raw message (parsed once per blob). */
export function parsedEmail(email: JsonObject, context: RecordContext): ParsedMessage {
  const blob = context.account.blobs.get(String(email.blobId))
  if (blob === undefined) return parseMessage('')
  let parsed = parsedByBlob.get(blob)
  if (parsed === undefined) {
    parsed = parseMessage(new TextDecoder().decode(blob.data))
    parsedByBlob.set(blob, parsed)
  }
  return parsed
}

/**
 * Picks the thread of a new message: the thread of an Email whose Message-ID
 * it answers (In-Reply-To/References), else a new thread id.
 */
export function threadIdFor(parsed: ParsedMessage, context: RecordContext): string {
  const parents = [
    ...(asMessageIds(lastHeader(parsed.headers, 'In-Reply-To') ?? '') ?? []),
    ...(asMessageIds(lastHeader(parsed.headers, 'References') ?? '') ?? []),
  ]
  if (parents.length > 0) {
    for (const email of context.account.store('Email').all()) {
      const ids =
        asMessageIds(lastHeader(parsedEmail(email, context).headers, 'Message-ID') ?? '') ?? []
      if (ids.some((id) => parents.includes(id))) return String(email.threadId)
    }
  }
  return context.runtime.newId('T')
}

function mailboxIdsOf(email: JsonObject | undefined): string[] {
  return email !== undefined && isJsonObject(email.mailboxIds) ? Object.keys(email.mailboxIds) : []
}

function seen(email: JsonObject | undefined): boolean {
  return email !== undefined && isJsonObject(email.keywords) && email.keywords.$seen === true
}

/**
 * Keeps Threads and Mailbox counts in step with an Email change: the thread
 * gains or loses the id, and every affected mailbox gets a counts-only update.
 *
 * @see RFC 8621 §2.2, §3
 */
export function afterEmailChange(
  kind: 'created' | 'updated' | 'destroyed',
  before: JsonObject | undefined,
  after: JsonObject | undefined,
  context: RecordContext,
): void {
  const threads = context.account.store('Thread')
  const emails = context.account.store('Email')
  const byReceived = (ids: string[]): string[] =>
    ids.sort((a, b) =>
      String(emails.peek(a)?.receivedAt ?? '').localeCompare(
        String(emails.peek(b)?.receivedAt ?? ''),
      ),
    )
  if (kind === 'created' && after !== undefined) {
    const threadId = String(after.threadId)
    const thread = threads.get(threadId)
    if (thread === undefined) threads.create(threadId, { id: threadId, emailIds: [after.id] })
    else
      threads.update(threadId, {
        ...thread,
        emailIds: byReceived([...(thread.emailIds as string[]), String(after.id)]),
      })
  }
  if (kind === 'destroyed' && before !== undefined) {
    const threadId = String(before.threadId)
    const thread = threads.get(threadId)
    if (thread !== undefined) {
      const emailIds = (thread.emailIds as string[]).filter((id) => id !== before.id)
      if (emailIds.length === 0) threads.destroy(threadId)
      else threads.update(threadId, { ...thread, emailIds })
    }
  }
  const touched = new Set([...mailboxIdsOf(before), ...mailboxIdsOf(after)])
  const moved = mailboxIdsOf(before).join() !== mailboxIdsOf(after).join()
  if (kind !== 'updated' || moved || seen(before) !== seen(after)) {
    for (const mailboxId of touched)
      context.account.store('Mailbox').touch(mailboxId, mailboxCountProperties)
  }
}
