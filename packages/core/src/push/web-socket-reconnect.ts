/**
 * How a JMAP WebSocket reconnects after the server or network drops it.
 * Every field has a default; `reconnect: false` turns reconnecting off.
 *
 * @see RFC 8887 §4.3.5
 * @example { attempts: 10, initialDelay: 1000, maxDelay: 60_000 }
 */
export interface WebSocketReconnectOptions {
  /** Consecutive failed attempts before giving up. Default: {@link defaultWebSocketReconnect}.attempts (5). */
  readonly attempts?: number
  /** Milliseconds before the first attempt; doubles per attempt. Default: 250. */
  readonly initialDelay?: number
  /** Ceiling of the delay in milliseconds. Default: 30 000. */
  readonly maxDelay?: number
}

/**
 * The reconnect defaults: 5 attempts, waiting 250 ms, 500 ms, 1 s, 2 s, 4 s
 * (each halved at random by jitter), never more than 30 s.
 *
 * @example const { attempts } = defaultWebSocketReconnect // 5
 */
export const defaultWebSocketReconnect: Required<WebSocketReconnectOptions> = {
  attempts: 5,
  initialDelay: 250,
  maxDelay: 30_000,
}

/**
 * The delay before reconnect attempt `attempt` (0 for the first): exponential,
 * bounded by `maxDelay`, with "equal jitter" (between half and all of it) so
 * that many clients dropped at once do not all come back at the same moment.
 *
 * @example reconnectDelay(2, defaultWebSocketReconnect) // between 500 and 1000
 */
export function reconnectDelay(
  attempt: number,
  policy: Required<WebSocketReconnectOptions>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelay, policy.initialDelay * 2 ** attempt)
  return ceiling / 2 + random() * (ceiling / 2)
}
