import { blobPlugin } from '../blob/blob-plugin.js'
import { calendarsPlugin } from '../calendars/calendars-plugin.js'
import { contactsPlugin } from '../contacts/contacts-plugin.js'
import { mailPlugin } from '../mail/mail-plugin.js'
import { mdnPlugin } from '../mdn/mdn-plugin.js'
import { quotaPlugin } from '../quota/quota-plugin.js'
import { sievePlugin } from '../sieve/sieve-plugin.js'
import { tasksPlugin } from '../tasks/tasks-plugin.js'
import type { TestServerPlugin } from './server-runtime.js'

/**
 * The plugins a server gets when `plugins` is not given: mail, MDN, quotas, blob, sieve,
 * calendars, tasks and contacts.
 */
export const standardPlugins: readonly TestServerPlugin[] = [
  mailPlugin,
  mdnPlugin,
  quotaPlugin,
  blobPlugin,
  sievePlugin,
  calendarsPlugin,
  tasksPlugin,
  contactsPlugin,
]
