// Scenario (c) with jmap-jam: one call of each package it covers (core and
// mail; it has no calendars or tasks types).
import { jam } from './client.js'

declare const accountId: string

export async function onePerPackage(): Promise<number> {
  const [results] = await jam.requestMany((t) => ({
    echo: t.Core.echo({ hello: true }),
    mailboxes: t.Mailbox.get({ accountId, properties: ['name', 'role'] }),
  }))
  return results.mailboxes.list.length + (results.echo ? 1 : 0)
}
