import { ResponseValidationError } from '../errors/response-validation-error.js'
import { TransportError } from '../errors/transport-error.js'
import { parseJsonSafely } from './parse-json.js'

/** Default cap on a JSON response body: 64 MiB. */
export const defaultMaxResponseBytes: number = 64 * 1024 * 1024

const jsonContentType = /^application\/([a-z0-9.+-]*\+)?json\b/i

async function readTextCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await response.body?.cancel()
    throw new ResponseValidationError(`body of ${declared} bytes exceeds ${maxBytes}`, { url })
  }
  if (response.body === null) return ''
  // A declared length within the cap is enforced by fetch itself (a longer
  // body is cut, a shorter one fails), so the native reader can take it whole.
  if (declared <= maxBytes) return response.text()
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let received = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel()
      throw new ResponseValidationError(`body exceeds ${maxBytes} bytes`, { url })
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}

/**
 * Reads a response body as JSON: checks the content type, caps the size, and
 * parses without prototype pollution. A body cut off by the connection is a
 * {@link TransportError}; anything that is not JSON is a
 * {@link ResponseValidationError}.
 *
 * @see RFC 8620 §3.4
 * @example const body = await readJsonBody(response, { url, maxBytes: 1 << 20, writeMayHaveHappened: false })
 */
export async function readJsonBody(
  response: Response,
  context: { url: string; maxBytes: number; writeMayHaveHappened: boolean },
): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? ''
  if (!jsonContentType.test(contentType)) {
    const excerpt = await response.text().then(
      (text) => text.slice(0, 200),
      () => '',
    )
    throw new ResponseValidationError(
      `expected application/json, got ${contentType === '' ? 'no Content-Type' : contentType}: ${JSON.stringify(excerpt)}`,
      { url: context.url },
    )
  }
  let text: string
  try {
    text = await readTextCapped(response, context.maxBytes, context.url)
  } catch (error) {
    if (error instanceof ResponseValidationError) throw error
    throw new TransportError(
      `connection lost while reading the response from ${context.url}${context.writeMayHaveHappened ? '; the request held a write that may have been applied' : ''}`,
      { failure: 'body', url: context.url, writeMayHaveHappened: context.writeMayHaveHappened },
      { cause: error },
    )
  }
  try {
    return parseJsonSafely(text)
  } catch (error) {
    throw new ResponseValidationError(
      `body is not valid JSON (${text.length} characters, possibly truncated)`,
      { url: context.url },
      { cause: error },
    )
  }
}
