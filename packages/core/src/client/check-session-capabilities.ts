import type { CapabilityTables } from '../builder/method-table.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { ResponseValidator } from '../registry/method-runtime.js'
import type { TypedSession } from '../registry/typed-session.js'
import { validateWithSchema } from '../registry/validate-with-schema.js'
import type { Session } from '../session/session.js'

function check(schema: ResponseValidator, value: unknown, path: string, url: string) {
  const result = validateWithSchema(schema, value)
  if (result.ok) return
  throw new ResponseValidationError(
    result.message,
    { url, path: `${path}${result.path}` },
    { cause: result.issues },
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
