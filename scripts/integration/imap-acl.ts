import { Socket } from 'node:net'
import type { TestServer, TestUser } from './servers.js'

// JMAP has no standard way to share a mailbox on Cyrus 3.6 (RFC 9670 sharing
// of mail is a later draft), so tests that need another user's account grant
// rights over IMAP (RFC 4314 SETACL), as an admin tool would.

function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/**
 * Grants `grantee` the IMAP `rights` (e.g. `lrs`: lookup, read, keep seen) on
 * one of `owner`'s mailboxes; afterwards the owner's account appears in the
 * grantee's JMAP session.
 * @example await grantMailboxRights(server, server.otherUser, 'INBOX', server.user.username, 'lrs')
 */
export async function grantMailboxRights(
  server: TestServer,
  owner: TestUser,
  mailbox: string,
  grantee: string,
  rights: string,
): Promise<void> {
  const socket = new Socket()
  socket.setEncoding('utf8')
  socket.setTimeout(10_000, () => socket.destroy(new Error('IMAP timed out')))
  let received = ''
  const waiters: Array<() => void> = []
  socket.on('data', (chunk: string) => {
    received += chunk
    for (const wake of waiters.splice(0)) wake()
  })
  const closed = new Promise<never>((_, reject) => {
    socket.once('error', reject)
    socket.once('close', () => reject(new Error(`IMAP connection closed: ${received}`)))
  })
  // The socket closes at the end of every exchange; only a wait in progress cares.
  closed.catch(() => {})
  const reply = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const match = pattern.exec(received)
      if (match !== null) return match[0]
      await Promise.race([new Promise<void>((wake) => waiters.push(wake)), closed])
    }
  }
  const command = async (tag: string, text: string): Promise<void> => {
    socket.write(`${tag} ${text}\r\n`)
    const line = await reply(new RegExp(`^${tag} (OK|NO|BAD)[^\\r\\n]*`, 'm'))
    if (!line.startsWith(`${tag} OK`)) throw new Error(`IMAP ${text.split(' ')[0]} failed: ${line}`)
  }
  socket.connect(server.imapPort, '127.0.0.1')
  try {
    await reply(/^\* OK[^\r\n]*/m)
    await command('a1', `LOGIN ${quote(owner.username)} ${quote(owner.password)}`)
    await command('a2', `SETACL ${quote(mailbox)} ${quote(grantee)} ${quote(rights)}`)
    await command('a3', 'LOGOUT')
  } finally {
    socket.destroy()
  }
}
