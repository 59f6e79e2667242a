// Scenario (c): one call of each package: core, mail, calendars, tasks.
import { jmap } from './client.js'

declare const accountId: string

export async function onePerPackage(): Promise<number> {
  const results = await jmap.request((b) => ({
    echo: b.call('Core/echo', { hello: true }),
    mailboxes: b.call('Mailbox/get', { accountId, properties: ['name', 'role'] }),
    calendars: b.call('Calendar/get', { accountId }),
    taskLists: b.call('TaskList/get', { accountId }),
  }))
  return (
    results.mailboxes.list.length +
    results.calendars.list.length +
    results.taskLists.list.length +
    (results.echo.hello ? 1 : 0)
  )
}
