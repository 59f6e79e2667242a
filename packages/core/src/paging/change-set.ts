/**
 * Merges `/changes` pages in order: an id created then destroyed disappears,
 * an id created then updated stays created, an id updated then destroyed is
 * only destroyed.
 *
 * @see RFC 8620 §5.2
 */
export class ChangeSet<TId extends string> {
  readonly #status = new Map<TId, 'created' | 'updated' | 'destroyed'>()

  /** Adds one page. */
  add(page: {
    readonly created: readonly TId[]
    readonly updated: readonly TId[]
    readonly destroyed: readonly TId[]
  }): void {
    for (const id of page.created) this.#status.set(id, 'created')
    for (const id of page.updated)
      if (this.#status.get(id) !== 'created') this.#status.set(id, 'updated')
    for (const id of page.destroyed) {
      if (this.#status.get(id) === 'created') this.#status.delete(id)
      else this.#status.set(id, 'destroyed')
    }
  }

  /** The ids in one state, in the order first seen. */
  ids(wanted: 'created' | 'updated' | 'destroyed'): TId[] {
    return [...this.#status].filter(([, status]) => status === wanted).map(([id]) => id)
  }
}
