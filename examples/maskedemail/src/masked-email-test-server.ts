import {
  type DataType,
  defineDataType,
  type JsonObject,
  type TestServerPlugin,
} from '@typed-jmap/testing'
import { maskedEmailCapability } from './masked-email.js'

const states: readonly unknown[] = ['pending', 'enabled', 'disabled', 'deleted']

/** `emailPrefix`: up to 64 characters of `a–z`, `0–9` and `_` (create only, never stored). */
const emailPrefixPattern = /^[a-z0-9_]{1,64}$/

/**
 * MaskedEmail for `@typed-jmap/testing`: the same names as the client's `MaskedEmail/get` and
 * `MaskedEmail/set` witnesses (a property the client does not declare would not compile), the
 * standard `/get` and `/set` from the server, and what Fastmail's server does on create:
 * `email` made from `emailPrefix`, `createdAt`, `createdBy` and `state: 'pending'`.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export const maskedEmailType: DataType = defineDataType({
  name: 'MaskedEmail',
  capability: maskedEmailCapability,
  idPrefix: 'ME',
  properties: [
    'id',
    'email',
    'state',
    'forDomain',
    'description',
    'url',
    'lastMessageAt',
    'createdAt',
    'createdBy',
  ],
  serverSet: ['email', 'lastMessageAt', 'createdAt', 'createdBy'],
  defaults: { state: 'pending', forDomain: '', description: '', url: null, lastMessageAt: null },
  methods: ['get', 'set'],
  // `emailPrefix` is an argument of create, not a property: accepted there, never stored.
  isDynamicProperty: (property) => property === 'emailPrefix',
  validate(record) {
    const invalid: string[] = []
    if (!states.includes(record.state)) invalid.push('state')
    if (typeof record.forDomain !== 'string') invalid.push('forDomain')
    if (typeof record.description !== 'string') invalid.push('description')
    if (record.url !== null && typeof record.url !== 'string') invalid.push('url')
    const prefix = record.emailPrefix
    if (prefix !== undefined && (typeof prefix !== 'string' || !emailPrefixPattern.test(prefix)))
      invalid.push('emailPrefix')
    return invalid
  },
  create(record, context): JsonObject {
    const { emailPrefix, ...stored } = record
    const prefix = typeof emailPrefix === 'string' ? emailPrefix : 'masked'
    const serial = context.account.store('MaskedEmail').all().length + 1
    return {
      ...stored,
      email: `${prefix}.${serial}@masked.example`,
      createdAt: context.runtime
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      createdBy: 'typed-jmap test server',
    }
  },
})

/**
 * The plugin to pass to `createTestServer({ plugins: [...standardPlugins, maskedEmailPlugin] })`
 * or `server.register(maskedEmailPlugin)`.
 *
 * @see https://www.fastmail.com/dev/maskedemail
 */
export const maskedEmailPlugin: TestServerPlugin = {
  name: 'maskedemail',
  capabilities: { [maskedEmailCapability]: { session: {}, account: {} } },
  dataTypes: [maskedEmailType],
}
