import type { ServerRuntime, StateChange } from '../server/server-runtime.js'

/**
 * Keeps only the types a subscriber asked for; `null` when nothing is left.
 *
 * @see RFC 8620 §7.3
 */
export function filterStateChange(
  change: StateChange,
  types: ReadonlySet<string> | null,
): StateChange | null {
  if (types === null) return change
  const changed: Record<string, Record<string, string>> = {}
  for (const [accountId, states] of Object.entries(change.changed)) {
    const kept = Object.fromEntries(Object.entries(states).filter(([type]) => types.has(type)))
    if (Object.keys(kept).length > 0) changed[accountId] = kept
  }
  return Object.keys(changed).length > 0 ? { '@type': 'StateChange', changed } : null
}

/**
 * Answers a GET on the eventSourceUrl with a `text/event-stream` of `state`
 * and `ping` events, honouring `types`, `closeafter` and `ping`.
 *
 * @see RFC 8620 §7.3
 * @example GET /jmap/eventsource?types=Email,Mailbox&closeafter=no&ping=30
 */
export function eventSourceResponse(
  runtime: ServerRuntime,
  url: URL,
  signal: AbortSignal,
): Response {
  const typesParam = url.searchParams.get('types') ?? '*'
  const types = typesParam === '*' ? null : new Set(typesParam.split(',').filter(Boolean))
  const closeAfterState = url.searchParams.get('closeafter') === 'state'
  const pingSeconds = Number(url.searchParams.get('ping') ?? '0')
  const encoder = new TextEncoder()
  let eventId = 0
  let cleanup = (): void => {}
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string): void => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          cleanup()
        }
      }
      const listener = (change: StateChange): void => {
        const kept = filterStateChange(change, types)
        if (kept === null) return
        eventId += 1
        send(`event: state\nid: ${eventId}\ndata: ${JSON.stringify(kept)}\n\n`)
        if (closeAfterState) {
          cleanup()
          controller.close()
        }
      }
      const timer =
        Number.isFinite(pingSeconds) && pingSeconds > 0
          ? setInterval(
              () => send(`event: ping\ndata: ${JSON.stringify({ interval: pingSeconds })}\n\n`),
              pingSeconds * 1000,
            )
          : undefined
      cleanup = () => {
        runtime.pushListeners.delete(listener)
        if (timer !== undefined) clearInterval(timer)
      }
      runtime.pushListeners.add(listener)
      signal.addEventListener('abort', () => {
        cleanup()
        try {
          controller.close()
        } catch {
          // Already closed by closeafter=state.
        }
      })
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-store',
    },
  })
}
