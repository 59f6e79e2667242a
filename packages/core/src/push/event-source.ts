import { createParser } from 'eventsource-parser'
import { expandUriTemplate } from '../blob/uri-template.js'
import type { OnDemandKit } from '../connection/on-demand-kit.js'
import type { ResponseValidationError } from '../errors/response-validation-error.js'
import type { DataTypeName } from '../registry/data-types.js'
import type { Session } from '../session/session.js'
import type { HttpTransport } from '../transport/http-transport.js'
import { type StateChange, stateChangeSchema } from './state-change.js'

/**
 * Options of an EventSource push connection.
 *
 * @see RFC 8620 §7.3
 * @example { types: ['Email', 'Mailbox'], ping: 30 }
 */
export interface EventSourceOptions {
  /** Data types to hear about (names the registered packages know); default every type (`*`). */
  readonly types?: readonly DataTypeName[] | '*'
  /** `state` makes the server end the stream after each change (the client reconnects); default `no`. */
  readonly closeafter?: 'state' | 'no'
  /** Seconds between server pings; a silent stream is dropped after two missed pings. Default 30, 0 disables. */
  readonly ping?: number
  /** Ends the stream, like `close()`. */
  readonly signal?: AbortSignal
  /**
   * Reconnect backoff in ms; the server's `retry:` field replaces
   * `initialDelay`. The delay doubles (up to `maxDelay`) for each reconnect in a
   * row that brought no event, so a server that keeps closing the stream is not
   * hammered.
   */
  readonly reconnect?: { readonly initialDelay?: number; readonly maxDelay?: number }
  /**
   * Called with each `state` event that is not a valid StateChange (not JSON,
   * wrong shape), which is then skipped. Without it, the valid events around it
   * are still delivered and the stream then ends with that
   * `ResponseValidationError`.
   */
  readonly onInvalidEvent?: (error: ResponseValidationError) => void
}

/**
 * A stream of `StateChange` pushes that reconnects on its own (sending
 * `Last-Event-ID`), until `close()` or the signal ends it.
 *
 * @see RFC 8620 §7.3
 * @example for await (const change of events) console.log(change.changed)
 */
export interface PushEvents extends AsyncIterable<StateChange> {
  /** Ends the stream and its connection; a waiting `for await` loop ends quietly. */
  close(): void
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      { once: true },
    )
  })
}

/**
 * Opens the session's `eventSourceUrl` over `fetch` (so credentials travel in
 * headers) and yields each validated `StateChange`. A server that answers 204,
 * as Cyrus 3.6 does, has no push: that ends in a `SessionError` whose problem
 * is `pushUnavailable`.
 *
 * @see RFC 8620 §7.3
 * @example const events = openEventSource({ kit: onDemandKit, transport, session: () => connection.session(), validate: true }, { types: ['Email'] })
 */
export function openEventSource(
  context: {
    readonly kit: OnDemandKit
    readonly transport: HttpTransport
    readonly session: () => Promise<Session>
    readonly validate: boolean
  },
  options: EventSourceOptions = {},
): PushEvents {
  const {
    ResponseValidationError,
    SessionError,
    TransportError,
    parseJsonSafely,
    validateWithSchema,
  } = context.kit
  const controller = new AbortController()
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason), {
    once: true,
  })
  const signal = controller.signal
  const ping = options.ping ?? 30
  const initialDelay = options.reconnect?.initialDelay ?? 1_000
  const maxDelay = options.reconnect?.maxDelay ?? 60_000

  function toStateChange(data: string, url: string): StateChange {
    let value: unknown
    try {
      value = parseJsonSafely(data)
    } catch (error) {
      throw new ResponseValidationError(
        `a state event is not JSON: ${JSON.stringify(data.slice(0, 100))}`,
        { url, path: 'event.data' },
        { cause: error },
      )
    }
    if (!context.validate) return value as StateChange
    const parsed = validateWithSchema(stateChangeSchema, value)
    if (!parsed.ok) {
      throw new ResponseValidationError(`invalid StateChange: ${parsed.message}`, {
        url,
        path: 'event.data',
      })
    }
    // validateWithSchema returns unknown; stateChangeSchema has just checked it.
    return parsed.value as StateChange
  }

  async function connect(
    lastEventId: string | undefined,
  ): Promise<{ response: Response; url: string }> {
    const session = await context.session()
    const types = options.types ?? '*'
    const url = new URL(
      expandUriTemplate(session.eventSourceUrl, {
        types: types === '*' ? '*' : types.join(','),
        closeafter: options.closeafter ?? 'no',
        ping: String(ping),
      }),
    )
    const { response } = await context.transport.request({
      method: 'GET',
      url,
      headers: {
        accept: 'text/event-stream',
        ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
      },
      retrySafe: true,
      signal,
    })
    if (response.status === 204) {
      throw new SessionError(
        'pushUnavailable',
        `push is unavailable: ${url.origin} answered its eventSourceUrl with 204 No Content (Cyrus builds without push support do this)`,
      )
    }
    const contentType = response.headers.get('content-type') ?? ''
    if (!contentType.startsWith('text/event-stream')) {
      await response.body?.cancel()
      throw new ResponseValidationError(
        `expected text/event-stream, got ${contentType || 'nothing'}`,
        {
          url: url.href,
        },
      )
    }
    return { response, url: url.href }
  }

  // Reconnects in a row that brought no event: each doubles the next delay.
  let fruitless = 0
  let baseDelay = initialDelay
  function backoff(): Promise<void> {
    fruitless++
    const delay = Math.min(maxDelay, baseDelay * 2 ** (fruitless - 1))
    return sleep(delay * (0.5 + Math.random() / 2), signal)
  }

  async function* run(): AsyncGenerator<StateChange, void, undefined> {
    let lastEventId: string | undefined
    while (!signal.aborted) {
      let opened: { response: Response; url: string }
      try {
        opened = await connect(lastEventId)
      } catch (error) {
        if (signal.aborted) return
        // Only a lost connection is worth another try; a refusal stays a refusal.
        if (!(error instanceof TransportError)) throw error
        await backoff()
        continue
      }
      const pending: StateChange[] = []
      let invalid: ResponseValidationError | undefined
      const parser = createParser({
        onEvent: (event) => {
          if (event.id !== undefined) lastEventId = event.id
          if (event.event !== 'state') return
          try {
            pending.push(toStateChange(event.data, opened.url))
          } catch (error) {
            if (!(error instanceof ResponseValidationError)) throw error
            if (options.onInvalidEvent !== undefined) options.onInvalidEvent(error)
            else invalid ??= error
          }
        },
        onRetry: (ms) => {
          baseDelay = ms
        },
      })
      const body = opened.response.body
      if (body === null) {
        await backoff()
        continue
      }
      const reader = body.getReader()
      const decoder = new TextDecoder()
      // Pings prove the stream is alive; without two of them, assume it died silently.
      let watchdog: ReturnType<typeof setTimeout> | undefined
      const arm = (): void => {
        if (ping <= 0) return
        clearTimeout(watchdog)
        watchdog = setTimeout(
          () => void reader.cancel().catch(() => undefined),
          ping * 2_000 + 5_000,
        )
      }
      try {
        arm()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          arm()
          parser.feed(decoder.decode(value, { stream: true }))
          // Valid events of the chunk first, then the bad one's error.
          while (pending.length > 0) {
            fruitless = 0
            yield pending.shift() as StateChange
          }
          if (invalid !== undefined) throw invalid
        }
      } catch (error) {
        if (signal.aborted) return
        if (error instanceof ResponseValidationError) throw error
      } finally {
        clearTimeout(watchdog)
        await reader.cancel().catch(() => undefined)
      }
      if (signal.aborted) return
      await backoff()
    }
  }

  const iterator = run()
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: () => controller.abort(),
  }
}
