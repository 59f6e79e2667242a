import { calendarsPlugin } from '../calendars/calendars-plugin.js'
import { mailPlugin } from '../mail/mail-plugin.js'
import { mdnPlugin } from '../mdn/mdn-plugin.js'
import { quotaPlugin } from '../quota/quota-plugin.js'
import { tasksPlugin } from '../tasks/tasks-plugin.js'
import type { TestServerPlugin } from './server-runtime.js'

/** The plugins a server gets when `plugins` is not given: mail, MDN, quotas, calendars and tasks. */
export const standardPlugins: readonly TestServerPlugin[] = [
  mailPlugin,
  mdnPlugin,
  quotaPlugin,
  calendarsPlugin,
  tasksPlugin,
]
