import { calendarsPlugin } from '../calendars/calendars-plugin.js'
import { contactsPlugin } from '../contacts/contacts-plugin.js'
import { mailPlugin } from '../mail/mail-plugin.js'
import { tasksPlugin } from '../tasks/tasks-plugin.js'
import type { TestServerPlugin } from './server-runtime.js'

/** The plugins a server gets when `plugins` is not given: mail, calendars, tasks and contacts. */
export const standardPlugins: readonly TestServerPlugin[] = [
  mailPlugin,
  calendarsPlugin,
  tasksPlugin,
  contactsPlugin,
]
