import { mail } from './mail-table.js'
import { mdn } from './mdn-table.js'
import { quota } from './quota-table.js'
import { submission } from './submission-table.js'
import { vacationResponse } from './vacation-response-table.js'

// One file per table: an app bundles only the tables it passes to createClient.
export { mail, mdn, quota, submission, vacationResponse }

/**
 * Every capability table of this package, to pass to `createClient` at once.
 *
 * @example createClient({ sessionUrl, capabilities: [mailCapabilities] })
 */
export const mailCapabilities: readonly [
  typeof mail,
  typeof submission,
  typeof vacationResponse,
  typeof mdn,
  typeof quota,
] = [mail, submission, vacationResponse, mdn, quota]
