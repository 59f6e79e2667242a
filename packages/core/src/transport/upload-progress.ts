type UploadBody = string | Uint8Array<ArrayBuffer> | Blob | ReadableStream<Uint8Array>

let requestStreams: boolean | undefined

/**
 * Whether this runtime's fetch can send a streamed request body (`duplex:
 * 'half'`). Asked on the first upload with progress, never at import: building
 * a `Request` costs tens of milliseconds of start-up.
 *
 * @example if (supportsRequestStreams()) body = withUploadProgress(body, onProgress)
 */
export function supportsRequestStreams(): boolean {
  if (requestStreams !== undefined) return requestStreams
  let duplexRead = false
  try {
    const probe = new Request('http://localhost/', {
      method: 'POST',
      body: new ReadableStream(),
      get duplex() {
        duplexRead = true
        return 'half'
      },
    } as RequestInit)
    // A runtime without stream bodies turns the stream into "[object ReadableStream]".
    requestStreams = duplexRead && !probe.headers.has('content-type')
  } catch {
    requestStreams = false
  }
  return requestStreams
}

function sizeOf(body: UploadBody): number | undefined {
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength
  if (body instanceof Uint8Array) return body.byteLength
  if (body instanceof Blob) return body.size
  return undefined
}

function streamOf(body: UploadBody): ReadableStream<Uint8Array> {
  if (body instanceof ReadableStream) return body
  return (body instanceof Blob ? body : new Blob([body])).stream()
}

/**
 * Returns a fresh stream of `body` that reports the bytes handed to fetch so
 * far, and the total when the body's size is known.
 *
 * @example fetch(url, { method: 'POST', body: withUploadProgress(blob, log), duplex: 'half' })
 */
export function withUploadProgress(
  body: UploadBody,
  onProgress: (sent: number, total?: number) => void,
): ReadableStream<Uint8Array> {
  const total = sizeOf(body)
  let sent = 0
  return streamOf(body).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk)
        sent += chunk.byteLength
        onProgress(sent, total)
      },
    }),
  )
}
