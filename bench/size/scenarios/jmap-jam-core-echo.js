// The smallest jmap-jam app: a client and one Core/echo.
// Plain JavaScript: jmap-jam's published types need allowImportingTsExtensions.
import { JamClient } from 'jmap-jam'

export async function echo(sessionUrl, token) {
  const jam = new JamClient({ sessionUrl, bearerToken: token })
  return jam.api.Core.echo({ hello: true })
}
