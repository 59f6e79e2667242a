import type { RecordContext } from '../data-type.js'
import type { JsonObject } from '../json.js'
import type { MethodContext } from '../server/server-runtime.js'
import type { AccountData } from '../store/account-data.js'

/** The context data-type hooks get for one account during one call. */
export function recordContext(
  context: MethodContext,
  account: AccountData,
  args: JsonObject,
): RecordContext {
  return { runtime: context.runtime, account, args, createdIds: context.createdIds }
}
