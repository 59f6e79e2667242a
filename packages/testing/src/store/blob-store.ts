/** An uploaded or server-made blob. */
export interface StoredBlob {
  readonly id: string
  readonly data: Uint8Array
  readonly type: string
}

/**
 * The blobs of one account; identical content gets the existing blobId back,
 * which RFC 8620 §6.1 allows.
 *
 * @see RFC 8620 §6
 */
export class BlobStore {
  private readonly blobs = new Map<string, StoredBlob>()
  private readonly newId: () => string

  constructor(newId: () => string) {
    this.newId = newId
  }

  /** Stores bytes and returns the blob (an existing one when the bytes are identical). */
  add(data: Uint8Array, type: string): StoredBlob {
    for (const blob of this.blobs.values()) {
      if (blob.data.length === data.length && blob.data.every((byte, i) => byte === data[i])) {
        return blob
      }
    }
    const blob = { id: this.newId(), data: new Uint8Array(data), type }
    this.blobs.set(blob.id, blob)
    return blob
  }

  /** Reads a blob or `undefined`. */
  get(id: string): StoredBlob | undefined {
    return this.blobs.get(id)
  }
}
