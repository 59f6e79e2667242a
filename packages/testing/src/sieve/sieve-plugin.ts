import type { DataType, RecordContext } from '../data-type.js'
import type { JsonObject } from '../json.js'
import { resolveCreationId } from '../methods/creation-id.js'
import { readBoolean, rejectUnknownArguments } from '../methods/method-arguments.js'
import { rejectUnknownSetArguments, runSet } from '../methods/standard/standard-set.js'
import { RecordRejectedError } from '../protocol/record-rejected-error.js'
import type { TestServerPlugin } from '../server/server-runtime.js'
import type { AccountData } from '../store/account-data.js'
import { checkSieveSyntax, supportedSieveExtensions } from './sieve-syntax.js'

/** The URN of RFC 9661. */
export const sieveCapability = 'urn:ietf:params:jmap:sieve'

/** The script text of a blob, or the SetError that says why there is none. */
function scriptText(account: AccountData, blobId: unknown): string {
  const blob = typeof blobId === 'string' ? account.blobs.get(blobId) : undefined
  if (blob === undefined)
    throw new RecordRejectedError('blobNotFound', undefined, { notFound: [String(blobId)] })
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(blob.data)
  } catch {
    throw new RecordRejectedError('invalidSieve', 'the script is not UTF-8')
  }
}

function checkScript(account: AccountData, blobId: unknown): void {
  const problem = checkSieveSyntax(scriptText(account, blobId))
  if (problem !== undefined) throw new RecordRejectedError('invalidSieve', problem)
}

const sieveScriptType: DataType = {
  name: 'SieveScript',
  capability: sieveCapability,
  idPrefix: 'S',
  properties: ['id', 'name', 'blobId', 'isActive'],
  serverSet: ['isActive'],
  idReferences: { blobId: 'id' },
  defaults: { name: null, isActive: false },
  methods: ['get', 'changes', 'query', 'queryChanges', 'set'],
  filterProperties: ['name', 'isActive'],
  extraArguments: { set: ['onSuccessActivateScript', 'onSuccessDeactivateScript'] },
  validate: (record: JsonObject, context: RecordContext, previous: JsonObject | undefined) => {
    if (record.name !== null && typeof record.name !== 'string') return ['name']
    const existing = context.account
      .store('SieveScript')
      .all()
      .find((other) => other.name === record.name && other.id !== previous?.id)
    if (record.name !== null && existing !== undefined)
      throw new RecordRejectedError('alreadyExists', 'a script has this name', {
        existingId: String(existing.id),
      })
    checkScript(context.account, record.blobId)
    return []
  },
  create: (record, context) => ({
    ...record,
    name: record.name ?? context.runtime.newId('script-'),
  }),
  beforeDestroy: (record) => {
    if (record.isActive === true)
      throw new RecordRejectedError('sieveIsActive', 'deactivate the script first')
  },
  matches: (record, condition) =>
    (typeof condition.name !== 'string' || String(record.name).includes(condition.name)) &&
    (typeof condition.isActive !== 'boolean' || record.isActive === condition.isActive),
}

/** Switches the active script after a fully successful /set, and reports it. */
function applyActivation(
  args: JsonObject,
  response: JsonObject,
  context: { account: AccountData; createdIds: ReadonlyMap<string, string> },
): void {
  const failed = ['notCreated', 'notUpdated', 'notDestroyed'].some(
    (member) => response[member] !== null && response[member] !== undefined,
  )
  const activate = args.onSuccessActivateScript
  const deactivate = readBoolean(args, 'onSuccessDeactivateScript', false)
  if (failed || (typeof activate !== 'string' && !deactivate)) return
  const store = context.account.store('SieveScript')
  const target =
    typeof activate === 'string'
      ? String(resolveCreationId(activate, context.createdIds))
      : undefined
  // RFC 9661: an unknown id is ignored, and the active script stays as it is.
  if (target !== undefined && !store.has(target)) return
  const updated: JsonObject = { ...((response.updated as JsonObject | null) ?? {}) }
  for (const script of store.all()) {
    const id = String(script.id)
    const active = id === target
    if (script.isActive === active) continue
    store.update(id, { ...script, isActive: active }, ['isActive'])
    const created = Object.entries((response.created as JsonObject | null) ?? {}).find(
      ([, answer]) => (answer as JsonObject).id === id,
    )
    if (created !== undefined) (created[1] as JsonObject).isActive = active
    else updated[id] = { ...((updated[id] as JsonObject | null) ?? {}), isActive: active }
  }
  response.updated = Object.keys(updated).length > 0 ? updated : null
  response.newState = store.state
}

/**
 * JMAP for Sieve Scripts (RFC 9661): SieveScript get, changes, query,
 * queryChanges, set (with `onSuccessActivateScript` and
 * `onSuccessDeactivateScript`; `invalidSieve`, `sieveIsActive`,
 * `alreadyExists` SetErrors) and validate. Script text lives in blobs
 * (upload it, or `Blob/upload` it in the same request).
 *
 * Not a Sieve engine: syntax is checked minimally (see `checkSieveSyntax`),
 * and the active script is never run — delivered mail is not filtered.
 *
 * @see RFC 9661
 * @example createTestServer() // served by default, beside mail
 */
export const sievePlugin: TestServerPlugin = {
  name: 'sieve',
  capabilities: {
    [sieveCapability]: {
      session: {},
      account: {
        implementation: 'typed-jmap test server',
        maxSizeScriptName: 512,
        maxSizeScript: 65_536,
        maxNumberScripts: null,
        maxNumberRedirects: null,
        sieveExtensions: [...supportedSieveExtensions],
        notificationMethods: null,
        externalLists: null,
      },
    },
  },
  dataTypes: [sieveScriptType],
  methods: {
    'SieveScript/set': {
      capability: sieveCapability,
      handler: (args, context) => {
        rejectUnknownSetArguments(sieveScriptType, args)
        const response = runSet(sieveScriptType, args, context)
        const account = context.account(args.accountId, sieveCapability)
        applyActivation(args, response, { account, createdIds: context.createdIds })
        return [['SieveScript/set', response]]
      },
    },
    'SieveScript/validate': {
      capability: sieveCapability,
      handler: (args, context) => {
        rejectUnknownArguments(args, ['accountId', 'blobId'])
        const account = context.account(args.accountId, sieveCapability)
        let error: JsonObject | null = null
        try {
          checkScript(account, resolveCreationId(args.blobId, context.createdIds))
        } catch (caught) {
          if (!(caught instanceof RecordRejectedError)) throw caught
          error = caught.toJSON()
        }
        return [['SieveScript/validate', { accountId: account.id, error }]]
      },
    },
  },
}
