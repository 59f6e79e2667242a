import type { PushEvents } from './event-source.js'
import type { StateChange } from './state-change.js'

/**
 * A {@link PushEvents} whose implementation is still loading: the connection
 * imports the EventSource code on first use, so an app that never listens for
 * pushes does not bundle it (bundlers put a dynamic import in its own chunk).
 *
 * @example return lazyPushEvents(import('./event-source.js').then((m) => m.openEventSource(context, options)))
 */
export function lazyPushEvents(opening: Promise<PushEvents>): PushEvents {
  let closed = false
  // A load failure surfaces on the first `next()`, not as an unhandled rejection.
  opening.catch(() => undefined)
  return {
    close() {
      closed = true
      void opening.then((events) => events.close()).catch(() => undefined)
    },
    [Symbol.asyncIterator]() {
      let iterator: AsyncIterator<StateChange> | undefined
      const started = async () => {
        iterator ??= (await opening)[Symbol.asyncIterator]()
        return iterator
      }
      return {
        async next() {
          if (closed && iterator === undefined) return { done: true, value: undefined }
          return (await started()).next()
        },
        async return() {
          if (iterator === undefined) {
            closed = true
            void opening.then((events) => events.close()).catch(() => undefined)
            return { done: true, value: undefined }
          }
          return (await iterator.return?.()) ?? { done: true, value: undefined }
        },
      }
    },
  }
}
