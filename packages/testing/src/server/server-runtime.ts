import type { DataType } from '../data-type.js'
import type { JsonObject } from '../json.js'
import { MethodError } from '../protocol/method-error.js'
import { TestServerUsageError } from '../protocol/test-server-usage-error.js'
import { AccountData, type AccountOptions } from '../store/account-data.js'
import { TypeStore } from '../store/type-store.js'

/** Everything a method handler sees while one call runs. */
export interface MethodContext {
  readonly runtime: ServerRuntime
  /** The capabilities in the request's `using`. */
  readonly using: ReadonlySet<string>
  /** The request-wide creation-id map (RFC 8620 §5.3). */
  readonly createdIds: Map<string, string>
  readonly callId: string
  /** Looks up an account that supports `capability`, or throws the RFC method error. */
  account(accountId: unknown, capability: string): AccountData
}

/** A method implementation: returns one or more responses (implicit ones follow the first). */
export type MethodHandler = (
  args: JsonObject,
  context: MethodContext,
) => Array<[name: string, args: JsonObject]>

/** A method and the capability that must be in `using` to call it. */
export interface MethodDefinition {
  readonly capability: string
  readonly handler: MethodHandler
}

/** A capability's session-level object and, when it has data, its account-level object. */
export interface CapabilityDefinition {
  readonly session: JsonObject
  /** `undefined` for capabilities that never appear in `accountCapabilities` (core, websocket). */
  readonly account?: JsonObject
}

/**
 * A bundle of capabilities, data types and methods; mail, calendars and tasks
 * are plugins, and so is anything a capability package adds.
 *
 * @example server.register({ name: 'notes', capabilities: { 'https://example.com/notes': { session: {}, account: {} } }, dataTypes: [note] })
 */
export interface TestServerPlugin {
  readonly name: string
  readonly capabilities: Readonly<Record<string, CapabilityDefinition>>
  readonly dataTypes?: readonly DataType[]
  readonly methods?: Readonly<Record<string, MethodDefinition>>
  /** Runs once per account after registration (e.g. to create default records). */
  readonly initAccount?: (account: AccountData, runtime: ServerRuntime) => void
}

/** The `StateChange` push object. */
export interface StateChange {
  readonly '@type': 'StateChange'
  readonly changed: Record<string, Record<string, string>>
}

/** A message an EmailSubmission would have sent; recorded, never delivered. */
export interface SentMessage {
  readonly accountId: string
  readonly submissionId: string
  readonly identityId: string
  readonly emailId: string
  readonly envelope: { readonly mailFrom: string; readonly rcptTo: readonly string[] }
  /** The RFC 5322 message as it would have gone out. */
  readonly raw: string
  readonly sendAt: string
}

/** The limits of the `urn:ietf:params:jmap:core` capability. */
export interface CoreLimits {
  readonly maxSizeUpload: number
  readonly maxConcurrentUpload: number
  readonly maxSizeRequest: number
  readonly maxConcurrentRequests: number
  readonly maxCallsInRequest: number
  readonly maxObjectsInGet: number
  readonly maxObjectsInSet: number
  readonly collationAlgorithms: readonly string[]
}

/**
 * The server's data and registries, independent of HTTP: accounts, data
 * types, methods, clock and pending push notifications.
 */
export class ServerRuntime {
  readonly limits: CoreLimits
  readonly username: string
  readonly maxChangeLogLength: number
  readonly capabilities: Map<string, CapabilityDefinition> = new Map()
  readonly dataTypes: Map<string, DataType> = new Map()
  readonly methods: Map<string, MethodDefinition> = new Map()
  readonly accounts: Map<string, AccountData> = new Map()
  /** Called with every StateChange the server emits (EventSource, WebSocket, PushSubscription). */
  readonly pushListeners: Set<(change: StateChange) => void> = new Set()
  /** Messages EmailSubmission/set recorded instead of sending. */
  readonly outbox: SentMessage[] = []
  private readonly plugins: TestServerPlugin[] = []
  private readonly accountOptions: readonly AccountOptions[]
  private readonly pendingChanges = new Map<string, Set<string>>()
  private idCounter = 0
  private sessionCounter = 0
  private clock: () => Date

  constructor(options: {
    limits: CoreLimits
    username: string
    accounts: readonly AccountOptions[]
    maxChangeLogLength: number
    now: () => Date
  }) {
    this.limits = options.limits
    this.username = options.username
    this.accountOptions = options.accounts
    this.maxChangeLogLength = options.maxChangeLogLength
    this.clock = options.now
  }

  /** The session state; changes whenever the session object would change. */
  get sessionState(): string {
    return `S${this.sessionCounter}`
  }

  /** The current time of the server clock. */
  now(): Date {
    return this.clock()
  }

  /** Replaces the clock (tests that need fixed `receivedAt`/`sendAt`). */
  setClock(now: () => Date): void {
    this.clock = now
  }

  /** A new server-wide unique id that starts with `prefix`. */
  newId(prefix: string): string {
    this.idCounter += 1
    return `${prefix}${this.idCounter.toString(36)}`
  }

  /** Adds a plugin's capabilities, data types and methods; the session state changes. */
  register(
    plugin: TestServerPlugin,
    makeStandardMethods: (type: DataType) => Record<string, MethodDefinition>,
  ): void {
    for (const [urn, definition] of Object.entries(plugin.capabilities)) {
      this.capabilities.set(urn, definition)
    }
    for (const type of plugin.dataTypes ?? []) {
      if (this.dataTypes.has(type.name)) {
        throw new TestServerUsageError(`data type ${type.name} is already registered`)
      }
      this.dataTypes.set(type.name, type)
      for (const [name, method] of Object.entries(makeStandardMethods(type))) {
        this.methods.set(name, method)
      }
    }
    for (const [name, method] of Object.entries(plugin.methods ?? {})) {
      this.methods.set(name, method)
    }
    this.plugins.push(plugin)
    this.rebuildAccounts()
    for (const account of this.accounts.values()) plugin.initAccount?.(account, this)
    this.sessionCounter += 1
  }

  /** A registered data type, or a usage error. */
  dataType(name: string): DataType {
    const type = this.dataTypes.get(name)
    if (type === undefined) throw new TestServerUsageError(`data type ${name} is not registered`)
    return type
  }

  /** An account by id, or a usage error (for seeding). */
  requireAccount(accountId: string | undefined): AccountData {
    const id = accountId ?? this.primaryAccountId()
    const account = this.accounts.get(id)
    if (account === undefined) throw new TestServerUsageError(`no account "${id}"`)
    return account
  }

  /** The first configured account. */
  primaryAccountId(): string {
    const first = this.accountOptions[0]
    if (first === undefined) throw new TestServerUsageError('the server has no account')
    return first.id
  }

  /** Finds an account for a method call, with the RFC 8620 errors. */
  accountFor(accountId: unknown, capability: string, notFound = 'accountNotFound'): AccountData {
    if (typeof accountId !== 'string') {
      throw new MethodError('invalidArguments', '"accountId" must be a string', {
        arguments: ['accountId'],
      })
    }
    const account = this.accounts.get(accountId)
    if (account === undefined) throw new MethodError(notFound)
    if (!account.capabilities.has(capability)) {
      throw new MethodError(
        notFound === 'accountNotFound'
          ? 'accountNotSupportedByMethod'
          : 'fromAccountNotSupportedByMethod',
      )
    }
    return account
  }

  /** Records a push-only pseudo-type change (e.g. `EmailDelivery`). */
  bumpPseudoState(account: AccountData, typeName: string): void {
    account.pseudoStates.set(typeName, (account.pseudoStates.get(typeName) ?? 0) + 1)
    this.noteChange(account.id, typeName)
  }

  /** Sends one StateChange for everything that changed since the last flush. */
  flushStateChanges(): void {
    if (this.pendingChanges.size === 0) return
    const changed: Record<string, Record<string, string>> = {}
    for (const [accountId, typeNames] of this.pendingChanges) {
      const account = this.accounts.get(accountId)
      if (account === undefined) continue
      const states: Record<string, string> = {}
      for (const typeName of typeNames) states[typeName] = this.stateOf(account, typeName)
      changed[accountId] = states
    }
    this.pendingChanges.clear()
    const change: StateChange = { '@type': 'StateChange', changed }
    for (const listener of this.pushListeners) listener(change)
  }

  /** The current state of a data type or pseudo-type in an account. */
  stateOf(account: AccountData, typeName: string): string {
    const pseudo = account.pseudoStates.get(typeName)
    return pseudo === undefined ? account.store(typeName).state : String(pseudo)
  }

  private noteChange(accountId: string, typeName: string): void {
    let types = this.pendingChanges.get(accountId)
    if (types === undefined) {
      types = new Set()
      this.pendingChanges.set(accountId, types)
    }
    types.add(typeName)
  }

  private rebuildAccounts(): void {
    const dataCapabilities = [...this.capabilities.entries()]
      .filter(([, definition]) => definition.account !== undefined)
      .map(([urn]) => urn)
    for (const options of this.accountOptions) {
      const existing = this.accounts.get(options.id)
      const capabilities = new Set(options.capabilities ?? dataCapabilities)
      if (existing !== undefined && options.capabilities !== undefined) continue
      if (existing !== undefined) {
        for (const urn of dataCapabilities) (existing.capabilities as Set<string>).add(urn)
        continue
      }
      this.accounts.set(
        options.id,
        new AccountData(
          {
            id: options.id,
            name: options.name ?? options.id,
            isPersonal: options.isPersonal ?? true,
            isReadOnly: options.isReadOnly ?? false,
            capabilities,
          },
          () => this.newId('B'),
          (typeName) =>
            new TypeStore(typeName, this.maxChangeLogLength, () =>
              this.noteChange(options.id, typeName),
            ),
        ),
      )
    }
  }
}
