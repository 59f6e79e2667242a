/**
 * The UUID namespace the conversion draft suggests for keys derived from iCalendar values.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.3
 */
export const jscalendarIdNamespace = '7f1e1965-ae73-4454-b088-232c90730ce2'

const encoder = new TextEncoder()
const namespaceBytes = hexToBytes(jscalendarIdNamespace.replaceAll('-', ''))

/**
 * A UUID version 5 (SHA-1) of a name in the draft's namespace: the same value always gives the same id.
 *
 * Written here (SHA-1 in a few lines) so the converter stays synchronous and runs in browsers.
 *
 * @see RFC 9562 §5.5
 * @example uuidV5('mailto:foo@example.com') // '59eb121c-e8f2-558a-9049-ef750a5976bd'
 */
export function uuidV5(name: string): string {
  let id = recent.get(name)
  if (id === undefined) {
    id = computeUuidV5(name)
    // Calendars repeat the same addresses and URLs over and over; a bounded memo saves hashing.
    if (recent.size >= 4096) recent.clear()
    recent.set(name, id)
  }
  return id
}

const recent = new Map<string, string>()

function computeUuidV5(name: string): string {
  const nameBytes = encoder.encode(name)
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length)
  input.set(namespaceBytes)
  input.set(nameBytes, namespaceBytes.length)
  const hash = sha1(input)
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80
  let hex = ''
  for (let index = 0; index < 16; index++) hex += (hash[index] ?? 0).toString(16).padStart(2, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2)
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  }
  return bytes
}

function sha1(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8
  const paddedLength = (((message.length + 8) >> 6) + 1) << 6
  const padded = new Uint8Array(paddedLength)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(paddedLength - 4, bitLength >>> 0)
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 2 ** 32))
  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const words = new Uint32Array(80)
  for (let chunk = 0; chunk < paddedLength; chunk += 64) {
    for (let t = 0; t < 16; t++) words[t] = view.getUint32(chunk + t * 4)
    for (let t = 16; t < 80; t++) {
      const x =
        (words[t - 3] ?? 0) ^ (words[t - 8] ?? 0) ^ (words[t - 14] ?? 0) ^ (words[t - 16] ?? 0)
      words[t] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      const f =
        t < 20
          ? (b & c) | (~b & d)
          : t < 40
            ? b ^ c ^ d
            : t < 60
              ? (b & c) | (b & d) | (c & d)
              : b ^ c ^ d
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + (words[t] ?? 0)) >>> 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const out = new Uint8Array(20)
  const outView = new DataView(out.buffer)
  for (const [index, word] of [h0, h1, h2, h3, h4].entries()) outView.setUint32(index * 4, word)
  return out
}
