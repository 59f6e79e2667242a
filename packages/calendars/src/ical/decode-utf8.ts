import { ICalendarParseError } from './icalendar-parse-error.js'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * Decodes UTF-8 bytes, or throws an {@link ICalendarParseError} naming the line of the first bad byte.
 *
 * @see RFC 5545 §3.1.4
 * @example decodeUtf8(new TextEncoder().encode('BEGIN:VCALENDAR'))
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes)
  } catch (error) {
    const offset = firstInvalidOffset(bytes)
    let line = 1
    for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++
    throw new ICalendarParseError(
      {
        line,
        reason: `invalid UTF-8 byte 0x${(bytes[offset] ?? 0).toString(16)} at offset ${offset}`,
      },
      { cause: error },
    )
  }
}

function firstInvalidOffset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || (byte & 0xc0) !== 0x80) return index
    }
    // Overlong three- and four-byte forms, surrogates and values above U+10FFFF.
    const second = bytes[index + 1] ?? 0
    if (lead === 0xe0 && second < 0xa0) return index
    if (lead === 0xed && second > 0x9f) return index
    if (lead === 0xf0 && second < 0x90) return index
    if (lead === 0xf4 && second > 0x8f) return index
    index += length
  }
  return bytes.length
}
