/**
 * The UUID namespace the conversion draft suggests for keys derived from iCalendar values;
 * contacts derives the uids of UID-less vCards in it too.
 *
 * @see draft-ietf-calext-jscalendar-icalendar-25 §2.1.3
 */
export const jscalendarIdNamespace = '7f1e1965-ae73-4454-b088-232c90730ce2'

const namespaceBytes = Uint8Array.from(
  jscalendarIdNamespace.replaceAll('-', '').match(/../g) as string[],
  (pair) => Number.parseInt(pair, 16),
)

/**
 * A UUID version 5 (SHA-1) of a name in the draft's namespace: the same value always gives the same id.
 *
 * One home for the derived ids of calendars (every participant, location, link and UID-less
 * entry read or written) and contacts (UID-less vCards). The hash is computed here on a reused
 * buffer: `uuid`'s v5 (node:crypto's SHA-1 on a fresh buffer, the name encoded through
 * `encodeURIComponent`) cost about four times as much for the short names hashed here, and was
 * a tenth of reading a calendar. Synchronous (the converter is)
 * and browser-safe. Text is hashed as UTF-8, a lone surrogate as U+FFFD (as TextEncoder does).
 *
 * @see RFC 9562 §5.5
 * @example uuidV5('mailto:foo@example.com') // '59eb121c-e8f2-558a-9049-ef750a5976bd'
 */
export function uuidV5(name: string): string {
  const hash = sha1(encodeAfterNamespace(name))
  // The first 16 bytes of the hash, with version 5 in the high nibble of byte 6 and the RFC 9562
  // variant in the top bits of byte 8.
  const version = hex32(((hash[1] as number) & 0xffff0fff) | 0x5000)
  const variant = hex32(((hash[2] as number) & 0x3fffffff) | 0x80000000)
  return `${hex32(hash[0] as number)}-${version.slice(0, 4)}-${version.slice(4)}-${variant.slice(0, 4)}-${variant.slice(4)}${hex32(hash[3] as number)}`
}

// One buffer for every hash (the conversion is synchronous): the namespace, then the name in
// UTF-8, then SHA-1's padding. Grown when a name does not fit.
let message = new Uint8Array(256)
message.set(namespaceBytes)

/** Writes `name` in UTF-8 after the namespace in `message`; the message's length in bytes. */
function encodeAfterNamespace(name: string): number {
  // Three bytes per UTF-16 unit at most, and room for the padding.
  const needed = 16 + name.length * 3 + 72
  if (message.length < needed) {
    message = new Uint8Array(needed * 2)
    message.set(namespaceBytes)
  }
  let at = 16
  for (let index = 0; index < name.length; index++) {
    let code = name.charCodeAt(index)
    if (code < 0x80) {
      message[at++] = code
      continue
    }
    if (code < 0x800) {
      message[at++] = 0xc0 | (code >> 6)
      message[at++] = 0x80 | (code & 0x3f)
      continue
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = name.charCodeAt(index + 1)
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        index++
        message[at++] = 0xf0 | (code >> 18)
        message[at++] = 0x80 | ((code >> 12) & 0x3f)
        message[at++] = 0x80 | ((code >> 6) & 0x3f)
        message[at++] = 0x80 | (code & 0x3f)
        continue
      }
      code = 0xfffd
    }
    message[at++] = 0xe0 | (code >> 12)
    message[at++] = 0x80 | ((code >> 6) & 0x3f)
    message[at++] = 0x80 | (code & 0x3f)
  }
  return at
}

const schedule = new Int32Array(80)
const digest = new Int32Array(5)

/**
 * SHA-1 of the first `length` bytes of `message` (which it pads in place), as five 32-bit words.
 *
 * @see RFC 3174 §6.1
 */
function sha1(length: number): Int32Array {
  const padded = (length + 9 + 63) & ~63
  message[length] = 0x80
  message.fill(0, length + 1, padded)
  // The length in bits, big-endian, in the last 8 bytes (names are far below 2^29 bytes).
  const bits = length * 8
  message[padded - 4] = bits >>> 24
  message[padded - 3] = bits >>> 16
  message[padded - 2] = bits >>> 8
  message[padded - 1] = bits
  let h0 = 0x67452301
  let h1 = 0xefcdab89 | 0
  let h2 = 0x98badcfe | 0
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0 | 0
  const w = schedule
  for (let block = 0; block < padded; block += 64) {
    for (let t = 0; t < 16; t++) {
      const at = block + t * 4
      w[t] =
        ((message[at] as number) << 24) |
        ((message[at + 1] as number) << 16) |
        ((message[at + 2] as number) << 8) |
        (message[at + 3] as number)
    }
    for (let t = 16; t < 80; t++) {
      const x =
        (w[t - 3] as number) ^ (w[t - 8] as number) ^ (w[t - 14] as number) ^ (w[t - 16] as number)
      w[t] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      let f: number
      let k: number
      if (t < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (t < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc | 0
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6 | 0
      }
      const next = (((a << 5) | (a >>> 27)) + f + e + k + (w[t] as number)) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = next
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  digest[0] = h0
  digest[1] = h1
  digest[2] = h2
  digest[3] = h3
  digest[4] = h4
  return digest
}

const hexByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function hex32(word: number): string {
  return (
    (hexByte[(word >>> 24) & 0xff] as string) +
    (hexByte[(word >>> 16) & 0xff] as string) +
    (hexByte[(word >>> 8) & 0xff] as string) +
    (hexByte[word & 0xff] as string)
  )
}
