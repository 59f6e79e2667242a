// The smallest typed-jmap app: a client and one Core/echo.
import { createClient } from '@typed-jmap/core'

export async function echo(sessionUrl: string, token: string): Promise<unknown> {
  const jmap = createClient({ sessionUrl, auth: { bearer: token } })
  return jmap.request((b) => ({ echoed: b.call('Core/echo', { hello: true }) }))
}
