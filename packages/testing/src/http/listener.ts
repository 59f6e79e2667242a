import type { ServerRuntime } from '../server/server-runtime.js'

/** A server listening on 127.0.0.1. */
export interface ListeningServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** The session URL on that origin. */
  readonly sessionUrl: string
  /** Stops listening and closes every open connection. */
  close(): Promise<void>
}

/**
 * Which browser origins may call the listener (CORS). Loopback origins
 * (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`) are allowed by default.
 *
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 * @example { allowedOrigins: ['https://app.example'] }
 */
export interface CorsOptions {
  /** Origins allowed besides loopback ones, or `'*'` for any origin. */
  readonly allowedOrigins?: readonly string[] | '*'
  /** Allow loopback origins (default true). */
  readonly allowLoopback?: boolean
}

/**
 * What the HTTP listener needs from the server.
 *
 * @example await listen({ port: 0, handle: server.fetch, runtime, authorized, announceWebSocket, cors: {} })
 */
export interface ListenerContext {
  readonly port: number
  readonly handle: (request: Request) => Promise<Response>
  readonly runtime: ServerRuntime
  readonly authorized: (authorization: string | undefined) => boolean
  readonly announceWebSocket: (origin: string) => void
  readonly cors: CorsOptions
}

/** Starts an HTTP listener; the Node one, or a refusal where there is none. */
export type Listen = (context: ListenerContext) => Promise<ListeningServer>
