/**
 * Raised by the in-process `fetch` when a `drop` fault is active; it is a
 * `TypeError` like the one `fetch` raises on a network failure, so clients
 * see the same thing as with a real dropped connection.
 *
 * @example await expect(server.fetch(request)).rejects.toThrow(TypeError)
 */
export class DroppedConnectionError extends TypeError {
  override readonly name = 'DroppedConnectionError'

  constructor() {
    super('fetch failed: the test server dropped the connection')
  }
}

/**
 * Tells whether a value is a {@link DroppedConnectionError}.
 *
 * @example if (isDroppedConnectionError(error)) socket.destroy()
 */
export function isDroppedConnectionError(value: unknown): value is DroppedConnectionError {
  return value instanceof DroppedConnectionError
}
