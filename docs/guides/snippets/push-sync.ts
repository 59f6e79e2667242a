// The complete snippet of docs/guides/push-sync.md; type-checked with the project (tsconfig.json
// includes docs/guides/snippets) and run against the in-memory server by guides.test.ts.
import {
  type AvailableMethods,
  changesWithObjects,
  isMethodCallError,
  type JmapClient,
} from '@typed-jmap/core'
import { type MailChanges, type MailSyncState, type mail, syncMailChanges } from '@typed-jmap/mail'

// What createClient({ sessionUrl, auth, capabilities: [mail] }) returns.
export type SyncClient = JmapClient<AvailableMethods<readonly [typeof mail]>>

// Every /get answers with the type's current state; `ids: []` asks for nothing else.
export async function currentMailState(
  jmap: SyncClient,
  accountId: string,
): Promise<MailSyncState> {
  const { mailboxes, emails } = await jmap.request((b) => ({
    mailboxes: b.call('Mailbox/get', { accountId, ids: [] }),
    emails: b.call('Email/get', { accountId, ids: [] }),
  }))
  return { mailboxState: mailboxes.state, emailState: emails.state }
}

export interface MailFollower {
  /** Called with each round of changes, in order. */
  readonly onChanges: (changes: MailChanges) => void
  /** Called when the server cannot calculate changes from our states: reload everything. */
  readonly onResync: () => Promise<MailSyncState>
}

// A StateChange says only that a type changed, and its new state; /changes says what changed.
export async function followMail(
  jmap: SyncClient,
  accountId: string,
  follower: MailFollower,
  signal: AbortSignal,
): Promise<void> {
  let state = await currentMailState(jmap, accountId)
  const events = jmap.connection.events({ types: ['Mailbox', 'Email'], signal })
  for await (const change of events) {
    const changed = change.changed[accountId]
    if (changed === undefined) continue
    if (changed.Email === state.emailState && changed.Mailbox === state.mailboxState) continue
    try {
      let changes: MailChanges
      do {
        changes = await syncMailChanges(jmap, { accountId, ...state })
        follower.onChanges(changes)
        state = changes.next
      } while (changes.hasMoreChanges)
    } catch (error) {
      if (!isMethodCallError(error) || error.error.type !== 'cannotCalculateChanges') throw error
      state = await follower.onResync()
    }
  }
}

// One type, any capability: changesWithObjects sends Foo/changes and the two Foo/gets of what
// was created and updated in one request, typed by the registry and narrowed to `properties`.
export async function renamedMailboxes(
  jmap: SyncClient,
  accountId: string,
  sinceState: string,
): Promise<{ readonly names: string[]; readonly next: string } | 'resync'> {
  const names: string[] = []
  let state = sinceState
  for (;;) {
    const delta = await changesWithObjects(jmap, 'Mailbox/changes', {
      accountId,
      sinceState: state,
      get: { properties: ['name'] },
    })
    if (delta.kind === 'resync') return 'resync'
    names.push(...[...delta.created, ...delta.updated].map((mailbox) => mailbox.name))
    state = delta.newState
    if (!delta.hasMoreChanges) return { names, next: state }
  }
}
