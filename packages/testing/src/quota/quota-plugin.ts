import type { DataType, RecordContext } from '../data-type.js'
import type { JsonObject } from '../json.js'
import { compareProperty } from '../methods/query-engine.js'
import type { TestServerPlugin } from '../server/server-runtime.js'

/** The JMAP Quotas capability URN. */
export const quotaCapability = 'urn:ietf:params:jmap:quota'

/**
 * A quota's current usage, counted from the account's records of the quota's `types`: the
 * number of records for `count`, the sum of their `size` for `octets`.
 */
function usage(record: JsonObject, context: RecordContext): number {
  const types = Array.isArray(record.types) ? record.types.map(String) : []
  let used = 0
  for (const typeName of types) {
    if (!context.runtime.dataTypes.has(typeName)) continue
    for (const stored of context.account.store(typeName).all()) {
      used += record.resourceType === 'octets' ? Number(stored.size ?? 0) : 1
    }
  }
  return used
}

const isUnsignedInt = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

/**
 * The Quota data type: records seeded with `server.seed.record('Quota', …)` (one mail quota
 * per account comes by default), read-only over JMAP, with `used` counted at read time.
 *
 * @see RFC 9425 §4
 */
export const quotaType: DataType = {
  name: 'Quota',
  capability: quotaCapability,
  idPrefix: 'Q',
  properties: [
    'id',
    'resourceType',
    'used',
    'hardLimit',
    'scope',
    'name',
    'types',
    'warnLimit',
    'softLimit',
    'description',
  ],
  serverSet: ['used'],
  defaults: { scope: 'account', warnLimit: null, softLimit: null, description: null },
  // "This specification does not address quota administration": no Quota/set.
  methods: ['get', 'changes', 'query', 'queryChanges'],
  read: (record, property, context) => (property === 'used' ? usage(record, context) : undefined),
  validate(record) {
    const invalid: string[] = []
    if (record.resourceType !== 'count' && record.resourceType !== 'octets')
      invalid.push('resourceType')
    if (!isUnsignedInt(record.hardLimit)) invalid.push('hardLimit')
    if (!['account', 'domain', 'global'].includes(String(record.scope))) invalid.push('scope')
    if (typeof record.name !== 'string') invalid.push('name')
    if (!Array.isArray(record.types) || record.types.some((type) => typeof type !== 'string'))
      invalid.push('types')
    for (const limit of ['warnLimit', 'softLimit'] as const) {
      if (record[limit] !== null && !isUnsignedInt(record[limit])) invalid.push(limit)
    }
    return invalid
  },
  filterProperties: ['name', 'scope', 'resourceType', 'type'],
  matches(record, condition) {
    if (
      typeof condition.name === 'string' &&
      !String(record.name).toLowerCase().includes(condition.name.toLowerCase())
    )
      return false
    if (condition.scope !== undefined && record.scope !== condition.scope) return false
    if (condition.resourceType !== undefined && record.resourceType !== condition.resourceType)
      return false
    if (
      typeof condition.type === 'string' &&
      !(Array.isArray(record.types) && record.types.includes(condition.type))
    )
      return false
    return true
  },
  comparators: {
    name: compareProperty('name'),
    used: (a, b, _comparator, context) => usage(a, context) - usage(b, context),
  },
}

/**
 * JMAP Quotas (RFC 9425): every account starts with a 1 GiB mail storage quota.
 *
 * @see RFC 9425
 * @example server.seed.record('Quota', { name: 'Mail count', resourceType: 'count', hardLimit: 5000, types: ['Email'] })
 */
export const quotaPlugin: TestServerPlugin = {
  name: 'quota',
  capabilities: { [quotaCapability]: { session: {}, account: {} } },
  dataTypes: [quotaType],
  initAccount(account, runtime) {
    const id = runtime.newId('Q')
    account.store('Quota').create(id, {
      id,
      resourceType: 'octets',
      hardLimit: 1024 ** 3,
      scope: 'account',
      name: 'Mail storage',
      types: ['Email'],
      warnLimit: null,
      softLimit: null,
      description: null,
    })
  },
}
