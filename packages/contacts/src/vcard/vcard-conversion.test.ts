import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ContentLineParseError } from '@typed-jmap/core'
import fc from 'fast-check'
import ICAL from 'ical.js'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { type Card, CardSchema } from '../jscontact/card.js'
import { isVCardParseError, jscontactToVCard, VCardParseError, vcardToJSContact } from './index.js'

const corpus = new URL('../../../../../shared/testdata/world/vcard/', import.meta.url).pathname

function vcfFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name)
      if (statSync(path).isDirectory()) return vcfFiles(path)
      return name.endsWith('.vcf') ? [path] : []
    })
}

/** Reads a vCard the module's own way and back: Card → vCard → Card. */
function roundTrip(card: Card): Card {
  const { cards } = vcardToJSContact(jscontactToVCard(card))
  expect(cards).toHaveLength(1)
  return cards[0] as Card
}

describe('the real-world vCards in shared/testdata/world/vcard', () => {
  const files = vcfFiles(corpus)

  it('reads every file that holds vCards, round-trips every card, and reports the counts', () => {
    const counts = {
      files: files.length,
      converted: 0,
      cards: 0,
      withWarnings: 0,
      rejected: [] as string[],
    }
    for (const file of files) {
      const name = relative(corpus, file)
      let result: ReturnType<typeof vcardToJSContact>
      try {
        result = vcardToJSContact(readFileSync(file, 'utf8'))
      } catch (error) {
        if (!isVCardParseError(error)) throw error
        counts.rejected.push(`${name}: ${error.message}`)
        continue
      }
      counts.converted += 1
      counts.cards += result.cards.length
      if (result.warnings.length > 0) counts.withWarnings += 1
      for (const card of result.cards) {
        expect(v.safeParse(CardSchema, card).success, name).toBe(true)
        expect(roundTrip(card), name).toEqual(card)
      }
    }
    console.info('vCard corpus:', JSON.stringify(counts, null, 2))
    expect(counts.files).toBe(55)
    // The only file the reader refuses is an iCalendar file (a VCALENDAR with a .vcf name).
    expect(counts.rejected).toEqual([
      'libical/user-cal.vcf: vCard line 1: BEGIN:VCALENDAR is not a vCard component',
    ])
    expect(counts.cards).toBeGreaterThanOrEqual(80)
  })

  it('reads vCard 2.1 from an Outlook export: bare TYPE parameters and quoted-printable text', () => {
    const { cards, warnings } = vcardToJSContact(
      readFileSync(join(corpus, 'ez-vcard/outlook-2003.vcf'), 'utf8'),
    )
    const card = cards[0] as Card
    expect(Object.values(card.phones ?? {}).length).toBeGreaterThan(0)
    expect(warnings.some((warning) => /without a name read as TYPE/.test(warning.message))).toBe(
      true,
    )
    expect(warnings.every((warning) => warning.line > 0)).toBe(true)
  })

  it('reads an iPhone vCard: X-ABLabel labels, inline photo as data: URI, escaped URL', () => {
    const { cards } = vcardToJSContact(
      readFileSync(join(corpus, 'ez-vcard/John_Doe_IPHONE.vcf'), 'utf8'),
    )
    const card = cards[0] as Card
    expect(card.links?.['LINK-1']).toMatchObject({
      uri: 'http://www.ibm.com',
      label: '_$!<HomePage>!$_',
    })
    expect(card.media?.['PHOTO-1']?.uri).toMatch(/^data:image\/jpeg;base64,\/9j\//)
  })

  it('writes output ical.js reads as vCard 4.0', () => {
    for (const file of files.filter((path) => !path.endsWith('user-cal.vcf'))) {
      for (const card of vcardToJSContact(readFileSync(file, 'utf8')).cards) {
        const jcard = ICAL.parse(jscontactToVCard(card)) as [
          string,
          [string, object, string, string][],
        ]
        expect(jcard[0]).toBe('vcard')
        expect(jcard[1].find(([name]) => name === 'version')?.[3]).toBe('4.0')
      }
    }
  })
})

describe('vCard 3.0 input and vCard 4.0 output', () => {
  it('reads TYPE=pref, ENCODING=b photos and TYPE lists as vCard 3.0 writes them', () => {
    const { cards } = vcardToJSContact(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'UID:u3',
        'FN:Jane Doe',
        'N:Doe;Jane;;;',
        'EMAIL;TYPE=INTERNET,WORK,pref:jane@example.com',
        'TEL;TYPE=CELL,HOME:+1 555 0100',
        'PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=',
        'END:VCARD',
      ].join('\r\n'),
    )
    const card = cards[0] as Card
    expect(card.emails?.['EMAIL-1']).toEqual({
      address: 'jane@example.com',
      contexts: { work: true },
      pref: 1,
      vCardParams: { type: 'INTERNET' },
    })
    expect(card.phones?.['PHONE-1']).toEqual({
      number: '+1 555 0100',
      contexts: { private: true },
      features: { mobile: true },
    })
    expect(card.media?.['PHOTO-1']).toEqual({
      kind: 'photo',
      uri: 'data:image/png;base64,iVBORw0KGgo=',
    })
    expect(card.vCardProps).toEqual([['version', {}, 'text', '3.0']])
  })

  it('writes the same text for the same card, with PROP-ID keys, and FN derived when only N exists', () => {
    const card: Card = {
      '@type': 'Card',
      version: '1.0',
      uid: 'urn:uuid:0e2cd0a2-5a2f-4f9c-9b0a-5b1b6a0f9d11',
      name: {
        components: [
          { kind: 'given', value: 'Vincent' },
          { kind: 'surname', value: 'van Gogh' },
        ],
        isOrdered: true,
      },
      emails: { e1: { address: 'vincent@example.com', contexts: { private: true } } },
    }
    const text = jscontactToVCard(card)
    expect(jscontactToVCard(card)).toBe(text)
    expect(text).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:0e2cd0a2-5a2f-4f9c-9b0a-5b1b6a0f9d11',
        'FN;DERIVED=TRUE:Vincent van Gogh',
        'N:van Gogh;Vincent;;;;;',
        'EMAIL;TYPE=home;PROP-ID=e1:vincent@example.com',
        // Without JSCOMPS, N gives components in its own order (surname first), so the
        // given-name-first order travels in JSPROP.
        'JSPROP;JSPTR=name/components:[{"kind":"given"\\,"value":"Vincent"}\\,{"kind":',
        ' "surname"\\,"value":"van Gogh"}]',
        'JSPROP;JSPTR=name/isOrdered:true',
        'END:VCARD',
        '',
      ].join('\r\n'),
    )
    expect(roundTrip(card)).toEqual(card)
  })
})

describe('malformed vCards', () => {
  const cases: [string, string, number, RegExp][] = [
    ['no BEGIN', 'FN:Jane\r\nEND:VCARD\r\n', 1, /outside of BEGIN:VCARD/],
    ['an unclosed card', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\n', 1, /never closed/],
    [
      'a line without a colon',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN Jane\r\nEND:VCARD\r\n',
      3,
      /without ":"/,
    ],
    ['an END without BEGIN', 'BEGIN:VCARD\r\nEND:VCARD\r\nEND:VCARD\r\n', 3, /without a matching/],
    ['a nested card', 'BEGIN:VCARD\r\nBEGIN:VCARD\r\n', 2, /inside the vCard/],
    ['a continuation first', ' FN:Jane\r\n', 1, /continuation line/],
    [
      'an invalid Card (a PREF-less JSPROP cannot fix a bad kind)',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u\r\nJSPROP;JSPTR="emails":{"e1":{"label":"x"}}\r\nEND:VCARD\r\n',
      1,
      /invalid JSContact Card at emails\.e1\.address/,
    ],
  ]
  it.each(cases)('%s is a VCardParseError naming the line', (_name, text, line, reason) => {
    let caught: unknown
    try {
      vcardToJSContact(text)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(VCardParseError)
    // One base with calendars' ICalendarParseError, from core.
    expect(caught).toBeInstanceOf(ContentLineParseError)
    expect((caught as VCardParseError).name).toBe('VCardParseError')
    expect((caught as VCardParseError).line).toBe(line)
    expect((caught as VCardParseError).message).toMatch(reason)
  })

  it('a card without UID gets the same derived uid every time, and a warning', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD\r\n'
    const first = vcardToJSContact(text)
    // A UUID v5 in the JSCalendar draft's namespace, as when contacts borrowed calendars' uuidV5.
    expect(first.cards[0]?.uid).toBe('urn:uuid:d0d28ce1-3420-5f16-b335-b5780939644c')
    expect(vcardToJSContact(text).cards[0]?.uid).toBe(first.cards[0]?.uid)
    expect(first.warnings).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('no UID') }),
    ])
  })
})

// Arbitrary Cards built from the JSContact model; every one must survive Card → vCard → Card.
// valibot's record drops the keys __proto__, prototype and constructor, so none is generated.
const unsafeKeys = new Set(['__proto__', 'prototype', 'constructor'])
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/).filter((key) => !unsafeKeys.has(key))
const safeText = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((text) => !text.includes('\r') && !text.includes('\u0000'))
const contexts = fc.option(fc.constantFrom({ private: true as const }, { work: true as const }), {
  nil: undefined,
})
const pref = fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined })
const drop = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
const map = <T>(value: fc.Arbitrary<T>) =>
  fc.option(fc.dictionary(id, value, { minKeys: 1, maxKeys: 3 }), { nil: undefined })

const cardArbitrary: fc.Arbitrary<Card> = fc
  .record({
    uid: safeText,
    kind: fc.option(fc.constantFrom('individual', 'group', 'org'), { nil: undefined }),
    name: fc.option(
      fc.oneof(
        safeText.map((full) => ({ full })),
        fc
          .array(
            fc.record({
              kind: fc.constantFrom('given', 'surname', 'title', 'given2'),
              value: safeText,
            }),
            {
              minLength: 1,
              maxLength: 3,
            },
          )
          .map((components) => ({ components })),
      ),
      { nil: undefined },
    ),
    emails: map(
      fc
        .record({
          address: safeText,
          contexts,
          pref,
          label: fc.option(safeText, { nil: undefined }),
        })
        .map(drop),
    ),
    phones: map(
      fc
        .record({
          number: safeText,
          features: fc.option(fc.constantFrom({ mobile: true as const }, { fax: true as const }), {
            nil: undefined,
          }),
          contexts,
        })
        .map(drop),
    ),
    notes: map(fc.record({ note: safeText })),
    // ical.js does not read back a backslash or an escaped comma inside a multi-valued TEXT
    // (CATEGORIES), so keywords here leave those two characters out.
    keywords: fc.option(
      fc.dictionary(
        safeText.filter((text) => !/[,\\]/.test(text) && !unsafeKeys.has(text)),
        fc.constant(true as const),
        { minKeys: 1, maxKeys: 3 },
      ),
      { nil: undefined },
    ),
    anniversaries: map(
      fc.record({
        kind: fc.constantFrom('birth', 'wedding'),
        date: fc.record({
          year: fc.integer({ min: 1900, max: 2100 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
        }),
      }),
    ),
    vendor: fc.option(
      fc.jsonValue().filter((value) => value !== null),
      { nil: undefined },
    ),
  })
  .map(({ vendor, ...parts }) => {
    const card = drop({ '@type': 'Card' as const, version: '1.0', ...parts }) as Record<
      string,
      unknown
    >
    if (vendor !== undefined) card['example.com:extra'] = vendor
    return card as unknown as Card
  })

describe('property-based round trip', () => {
  it('Card → vCard → Card gives back the card, and the vCard text is deterministic', () => {
    fc.assert(
      fc.property(cardArbitrary, (card) => {
        const text = jscontactToVCard(card)
        expect(jscontactToVCard(card)).toBe(text)
        expect(roundTrip(card)).toEqual(JSON.parse(JSON.stringify(card)))
      }),
      { numRuns: 100 },
    )
    // Each run converts three times; the shared 2-core machine needs more than the default 5 s.
  }, 60_000)
})
