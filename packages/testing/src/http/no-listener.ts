import { TestServerUsageError } from '../protocol/test-server-usage-error.js'
import type { Listen } from './listener.js'

/**
 * `listen()` outside Node (browsers, service workers): there is no socket to
 * listen on, so it refuses and points to `server.fetch`.
 *
 * @example await listen(context) // rejects with a TestServerUsageError
 */
export const listen: Listen = async () => {
  throw new TestServerUsageError(
    'listen() needs Node (node:http); in a browser or service worker pass server.fetch as the client fetch instead',
  )
}
