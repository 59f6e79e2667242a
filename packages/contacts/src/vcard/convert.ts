import { isJsonObject } from '@typed-jmap/core/internal'
import * as v from 'valibot'
import { type Card, CardSchema } from '../jscontact/card.js'
import { type ParsedVCard, parseVCards } from './parse-vcard.js'
import { readCard } from './read-card.js'
import { VCardParseError, type VCardWarning } from './vcard-parse-error.js'
import { cardToProperties, contentLine } from './write-vcard.js'

/**
 * The Cards read from vCard text, and what the lenient reader repaired or could not convert.
 *
 * @example { "cards": [{ "@type": "Card", "version": "1.0", "uid": "…" }], "warnings": [{ "line": 3, "message": "…" }] }
 */
export interface VCardConversion {
  readonly cards: Card[]
  readonly warnings: VCardWarning[]
}

/**
 * Converts vCard text (one or more vCards, version 4.0, 3.0 or 2.1) to JSContact Cards by
 * RFC 9555 §2. Malformed input throws a {@link VCardParseError} naming the line; each Card is
 * checked against RFC 9553 before it is returned.
 *
 * @see RFC 9555 §2
 * @example vcardToJSContact('BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u1\r\nFN:Jane Doe\r\nEND:VCARD\r\n')
 * // { cards: [{ "@type": "Card", "version": "1.0", "uid": "u1", "name": { "full": "Jane Doe" }, "vCardProps": [["version", {}, "text", "4.0"]] }], warnings: [] }
 */
export function vcardToJSContact(text: string): VCardConversion {
  const warnings: VCardWarning[] = []
  const cards = parseVCards(text, warnings).map((parsed) => checkedCard(parsed, warnings))
  return { cards, warnings }
}

function checkedCard(parsed: ParsedVCard, warnings: VCardWarning[]): Card {
  const card = readCard(parsed, warnings)
  const result = v.safeParse(CardSchema, card)
  if (result.success) return result.output
  const issue = result.issues[0]
  throw new VCardParseError({
    line: parsed.line,
    reason: `the vCard converts to an invalid JSContact Card at ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`,
  })
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )
}

function escapePointer(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

/**
 * The JSPROP patches that turn what the vCard properties read back as into the card: the
 * smallest differing members (never inside an array, which a JSPTR must not point into).
 */
function jsprops(want: unknown, have: unknown, pointer = ''): [pointer: string, value: unknown][] {
  if (canonical(want) === canonical(have)) return []
  if (!isJsonObject(want) || !isJsonObject(have)) {
    return [[pointer, want ?? null]]
  }
  const patches: [string, unknown][] = []
  for (const key of new Set([...Object.keys(want), ...Object.keys(have)])) {
    const child = pointer === '' ? escapePointer(key) : `${pointer}/${escapePointer(key)}`
    patches.push(...jsprops(want[key], have[key], child))
  }
  return patches
}

/**
 * Converts a JSContact Card to vCard 4.0 text by RFC 9555 §3. Multi-valued properties carry
 * their key as PROP-ID; whatever the vCard properties cannot say (vendor properties,
 * localizations, separators, unknown kinds) is written as JSPROP, so reading the vCard back with
 * {@link vcardToJSContact} gives the same Card. The output is deterministic: the same Card always
 * gives the same text.
 *
 * @see RFC 9555 §3
 * @example jscontactToVCard({ "@type": "Card", "version": "1.0", "uid": "u1", "name": { "full": "Jane Doe" } })
 * // "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u1\r\nFN:Jane Doe\r\nEND:VCARD\r\n"
 */
export function jscontactToVCard(card: Card): string {
  const properties = cardToProperties(card)
  const body = properties.map(contentLine).join('')
  const text = `BEGIN:VCARD\r\n${body}END:VCARD\r\n`
  const [parsed] = parseVCards(text, [])
  const readBack = readCard(parsed as ParsedVCard, [])
  const patches = jsprops(card, readBack)
  if (patches.length === 0) return text
  const extra = patches
    .map(([pointer, value]) =>
      contentLine(['jsprop', { jsptr: pointer }, 'text', JSON.stringify(value)]),
    )
    .join('')
  return `BEGIN:VCARD\r\n${body}${extra}END:VCARD\r\n`
}
