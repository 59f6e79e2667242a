// A small webmail + calendar page: mailboxes, messages with unread state, a
// reading pane, this week's events, and live updates pushed over an RFC 8887
// WebSocket that the browser authenticates with a ticket (browsers cannot
// send Authorization on a WebSocket). Rendered with textContent only, so no
// server data is ever parsed as HTML.
import { calendars } from '@typed-jmap/calendars'
import { createClient, type Id } from '@typed-jmap/core'
import { mail } from '@typed-jmap/mail'

/** Where the server is and whom to sign in as. */
export interface AppConfig {
  readonly sessionUrl: string
  readonly username: string
  readonly password: string
}

function item(doc: Document, text: string, onClick?: () => void): HTMLLIElement {
  const li = doc.createElement('li')
  li.textContent = text
  if (onClick !== undefined) li.addEventListener('click', onClick)
  return li
}

/** Monday 00:00 to the next Monday, in local time, as JMAP LocalDateTimes. */
function thisWeek(now: Date): { after: string; before: string } {
  const monday = new Date(
    now.getFullYear(),
    now.getMonth(),
    now.getDate() - ((now.getDay() + 6) % 7),
  )
  const next = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7)
  const local = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}T00:00:00`
  return { after: local(monday), before: local(next) }
}

/**
 * Connects, renders everything once, then keeps it current from pushes.
 *
 * @example await startApp(document, { sessionUrl, username: 'alice', password: 'secret' })
 */
export async function startApp(doc: Document, config: AppConfig): Promise<void> {
  const jmap = createClient({
    sessionUrl: config.sessionUrl,
    auth: { basic: { username: config.username, password: config.password } },
    capabilities: [mail, calendars],
  })
  const accountId = await jmap.connection.accountFor('urn:ietf:params:jmap:mail')
  const calendarAccountId = await jmap.connection.accountFor('urn:ietf:params:jmap:calendars')
  const status = doc.querySelector('#status') as HTMLElement
  const mailboxList = doc.querySelector('#mailboxes') as HTMLElement
  const messageList = doc.querySelector('#messages') as HTMLElement
  const readingPane = doc.querySelector('#reading-pane') as HTMLElement
  const weekList = doc.querySelector('#week') as HTMLElement
  let selectedMailbox: Id | undefined
  let openMessage: Id | undefined

  async function showMailboxes(): Promise<void> {
    const { mailboxes } = await jmap.request((b) => ({
      mailboxes: b.call('Mailbox/get', {
        accountId,
        ids: null,
        properties: ['name', 'role', 'unreadEmails', 'sortOrder'],
      }),
    }))
    const sorted = [...mailboxes.list].sort((a, b) => a.sortOrder - b.sortOrder)
    selectedMailbox ??= (sorted.find((box) => box.role === 'inbox') ?? sorted[0])?.id
    mailboxList.replaceChildren(
      ...sorted.map((box) => {
        const li = item(
          doc,
          box.unreadEmails > 0 ? `${box.name} (${box.unreadEmails})` : box.name,
          () => {
            selectedMailbox = box.id
            void refresh()
          },
        )
        li.setAttribute('aria-current', String(box.id === selectedMailbox))
        return li
      }),
    )
  }

  async function showMessages(): Promise<void> {
    if (selectedMailbox === undefined) return
    const inMailbox = selectedMailbox
    const { emails } = await jmap.request((b) => {
      const found = b.call('Email/query', {
        accountId,
        filter: { inMailbox },
        sort: [{ property: 'receivedAt', isAscending: false }],
        limit: 50,
      })
      return {
        emails: b.call('Email/get', {
          accountId,
          ids: found.ref('/ids'),
          properties: ['subject', 'from', 'keywords', 'receivedAt'],
        }),
      }
    })
    messageList.replaceChildren(
      ...emails.list.map((email) => {
        const sender = email.from?.[0]?.name ?? email.from?.[0]?.email ?? ''
        const li = item(doc, `${email.subject ?? '(no subject)'} — ${sender}`, () => {
          void openEmail(email.id)
        })
        if (email.keywords.$seen !== true) li.classList.add('unread')
        li.setAttribute('aria-current', String(email.id === openMessage))
        li.dataset.emailId = email.id
        return li
      }),
    )
  }

  async function openEmail(id: Id): Promise<void> {
    openMessage = id
    const { emails } = await jmap.request((b) => ({
      emails: b.call('Email/get', {
        accountId,
        ids: [id],
        properties: ['subject', 'from', 'textBody', 'bodyValues', 'keywords'],
        fetchTextBodyValues: true,
      }),
    }))
    const email = emails.list[0]
    if (email === undefined) return
    const heading = doc.createElement('h2')
    heading.textContent = email.subject ?? '(no subject)'
    const from = doc.createElement('p')
    from.textContent = `From: ${email.from?.map((a) => a.email).join(', ') ?? ''}`
    const body = doc.createElement('div')
    body.className = 'body'
    body.textContent = email.textBody
      .map((part) => (part.partId === null ? '' : (email.bodyValues[part.partId]?.value ?? '')))
      .join('\n')
    readingPane.replaceChildren(heading, from, body)
    if (email.keywords.$seen !== true) {
      await jmap.request((b) => ({
        seen: b.call('Email/set', { accountId, update: { [id]: { 'keywords/$seen': true } } }),
      }))
    }
    await refresh()
  }

  async function showWeek(): Promise<void> {
    const { after, before } = thisWeek(new Date())
    const { events } = await jmap.request((b) => {
      const found = b.call('CalendarEvent/query', {
        accountId: calendarAccountId,
        filter: { after, before },
        sort: [{ property: 'start' }],
      })
      return {
        events: b.call('CalendarEvent/get', {
          accountId: calendarAccountId,
          ids: found.ref('/ids'),
          properties: ['title', 'start'],
        }),
      }
    })
    weekList.replaceChildren(
      ...events.list.map((event) =>
        item(doc, `${(event.start ?? '').slice(0, 16).replace('T', ' ')} ${event.title ?? ''}`),
      ),
    )
  }

  async function refresh(): Promise<void> {
    await showMailboxes()
    await showMessages()
  }

  await Promise.all([refresh(), showWeek()])
  const socket = await jmap.connection.webSocket({
    // Browsers cannot send Authorization on a WebSocket: fetch a one-time
    // ticket with the normal credentials and put it in the URL.
    authorize: async ({ url, fetch }) => {
      const answer = await fetch(new URL(`${url.pathname}/ticket`, url), { method: 'POST' })
      const { ticket } = (await answer.json()) as { ticket: string }
      return `${url.href}?ticket=${encodeURIComponent(ticket)}`
    },
  })
  status.textContent = 'live (WebSocket push)'
  for await (const change of socket.push({ dataTypes: ['Email', 'Mailbox', 'CalendarEvent'] })) {
    const types = Object.values(change.changed).flatMap((states) => Object.keys(states))
    if (types.includes('Email') || types.includes('Mailbox')) await refresh()
    if (types.includes('CalendarEvent')) await showWeek()
  }
}
