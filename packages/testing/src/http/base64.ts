/**
 * Base64 of bytes with the web platform's `btoa` (no `Buffer`, so the server
 * also runs in browsers and service workers).
 *
 * @see RFC 4648 §4
 * @example encodeBase64(new TextEncoder().encode('hé')) // 'aMOp'
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  // Chunks keep String.fromCharCode's argument list short for large blobs.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  }
  return btoa(binary)
}

/**
 * The bytes of a base64 string, or `undefined` when it is not valid base64.
 *
 * @see RFC 4648 §4
 * @example decodeBase64('aMOp') // Uint8Array [104, 195, 169]
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  let binary: string
  try {
    binary = atob(text)
  } catch {
    return undefined
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}
