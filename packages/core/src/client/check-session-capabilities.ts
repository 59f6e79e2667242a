import * as v from 'valibot'
import type { CapabilityTables } from '../builder/method-table.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { TypedSession } from '../registry/typed-session.js'
import type { Session } from '../session/session.js'

function check(
  schema: v.GenericSchema<unknown, unknown>,
  value: unknown,
  path: string,
  url: string,
) {
  const result = v.safeParse(schema, value)
  if (result.success) return
  const issue = result.issues[0]
  const where = (issue.path ?? []).map((item) => `[${JSON.stringify(item.key)}]`).join('')
  throw new ResponseValidationError(
    issue.message,
    { url, path: `${path}${where}` },
    { cause: new v.ValiError(result.issues) },
  )
}

/**
 * Checks the capability objects of a session against the schemas of the
 * client's capability tables (those that give one), so the typed session
 * returned holds what its types say.
 *
 * @see RFC 8620 §2
 */
export function checkSessionCapabilities(
  session: Session,
  tables: CapabilityTables,
  url: string,
): TypedSession {
  for (const table of tables.flat()) {
    const own = session.capabilities[table.urn]
    if (table.sessionCapability !== undefined && own !== undefined) {
      check(table.sessionCapability, own, `capabilities[${JSON.stringify(table.urn)}]`, url)
    }
    if (table.accountCapability === undefined) continue
    for (const [accountId, account] of Object.entries(session.accounts)) {
      const value = account.accountCapabilities[table.urn]
      if (value === undefined) continue
      check(
        table.accountCapability,
        value,
        `accounts[${JSON.stringify(accountId)}].accountCapabilities[${JSON.stringify(table.urn)}]`,
        url,
      )
    }
  }
  return session as TypedSession
}
