import { BlobStore } from './blob-store.js'
import type { TypeStore } from './type-store.js'

/** How an account is described when the server is created. */
export interface AccountOptions {
  /** Account id (an RFC 8620 Id, e.g. `"u1"`). */
  readonly id: string
  /** Human-readable name; defaults to the id. */
  readonly name?: string
  readonly isPersonal?: boolean
  readonly isReadOnly?: boolean
  /** Capability URNs usable in this account; defaults to every registered data capability. */
  readonly capabilities?: readonly string[]
}

/**
 * One account's data: a {@link TypeStore} per data type, its blobs and its
 * push-only pseudo-type states (e.g. `EmailDelivery`).
 *
 * @see RFC 8620 §1.6.2
 */
export class AccountData {
  readonly id: string
  readonly name: string
  readonly isPersonal: boolean
  readonly isReadOnly: boolean
  readonly capabilities: ReadonlySet<string>
  readonly blobs: BlobStore
  /** States of push-only pseudo-types such as `EmailDelivery`. */
  readonly pseudoStates: Map<string, number> = new Map()
  private readonly stores = new Map<string, TypeStore>()
  private readonly makeStore: (typeName: string) => TypeStore

  constructor(
    options: {
      id: string
      name: string
      isPersonal: boolean
      isReadOnly: boolean
      capabilities: ReadonlySet<string>
    },
    newBlobId: () => string,
    makeStore: (typeName: string) => TypeStore,
  ) {
    this.id = options.id
    this.name = options.name
    this.isPersonal = options.isPersonal
    this.isReadOnly = options.isReadOnly
    this.capabilities = options.capabilities
    this.blobs = new BlobStore(newBlobId)
    this.makeStore = makeStore
  }

  /** The store of one data type, created on first use. */
  store(typeName: string): TypeStore {
    let store = this.stores.get(typeName)
    if (store === undefined) {
      store = this.makeStore(typeName)
      this.stores.set(typeName, store)
    }
    return store
  }

  /** Every store created so far. */
  allStores(): TypeStore[] {
    return [...this.stores.values()]
  }
}
