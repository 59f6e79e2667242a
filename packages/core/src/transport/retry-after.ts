/**
 * Reads a `Retry-After` header as a wait in milliseconds: delay seconds or an
 * HTTP date. `undefined` when absent or unreadable.
 *
 * @see RFC 9110 §10.2.3
 * @example retryAfterMs(new Headers({ 'retry-after': '3600' })) // 3600000
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim()
  if (value === undefined || value === '') return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
