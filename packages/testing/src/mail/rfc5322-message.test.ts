import { describe, expect, it } from 'vitest'
import {
  asAddresses,
  asDate,
  asGroupedAddresses,
  asMessageIds,
  asText,
  parseHeaderProperty,
} from './header-forms.js'
import { decodeEncodedWords, parseMessage, partText } from './rfc5322-message.js'

const alternativeWithAttachment = [
  'From: "Joe Q. Public" <joe@example.com>',
  'To: Team: ann@example.com, bob@example.com;, carol@example.com',
  'Subject: =?UTF-8?B?SGVsbG8gd8O2cmxk?=',
  'Date: Tue, 1 Jul 2025 10:00:00 +0200',
  'Message-ID: <m1@example.com>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Caf=C3=A9 time',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Café time</p>',
  '--inner--',
  '--outer',
  'Content-Type: application/pdf; name="report.pdf"',
  'Content-Disposition: attachment; filename="report.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0xLjQK',
  '--outer--',
  '',
].join('\r\n')

describe('parseMessage (RFC 8621 §4.1.4)', () => {
  it('splits multipart/alternative into textBody and htmlBody and finds attachments', () => {
    const parsed = parseMessage(alternativeWithAttachment)
    expect(parsed.textBody.map((part) => [part.partId, part.type])).toEqual([['1', 'text/plain']])
    expect(parsed.htmlBody.map((part) => [part.partId, part.type])).toEqual([['2', 'text/html']])
    expect(parsed.attachments.map((part) => [part.name, part.disposition, part.size])).toEqual([
      ['report.pdf', 'attachment', 9],
    ])
    expect(partText(parsed.textBody[0] as never)).toBe('Café time')
    expect(new TextDecoder().decode(parsed.attachments[0]?.content)).toBe('%PDF-1.4\n')
  })

  it('uses the text part for both lists when there is no alternative', () => {
    const parsed = parseMessage('Subject: x\n\nplain body\n')
    expect(parsed.textBody).toHaveLength(1)
    expect(parsed.htmlBody).toEqual(parsed.textBody)
    expect(parsed.root.charset).toBe('us-ascii')
  })

  it('keeps raw header values with their leading space and folding', () => {
    const parsed = parseMessage('Subject: a\r\n b\r\n\r\n')
    expect(parsed.headers).toEqual([{ name: 'Subject', value: ' a\r\n b' }])
  })
})

describe('header forms (RFC 8621 §4.1.2)', () => {
  it('Text unfolds and decodes encoded words', () => {
    expect(asText(' =?UTF-8?B?SGVsbG8gd8O2cmxk?=\r\n again')).toBe('Hello wörld again')
    expect(decodeEncodedWords('=?ISO-8859-1?Q?Andr=E9?= =?ISO-8859-1?Q?_Pirard?=')).toBe(
      'André Pirard',
    )
  })

  it('Addresses and GroupedAddresses', () => {
    expect(asAddresses(' "Joe Q. Public" <joe@example.com>, jane@example.com')).toEqual([
      { name: 'Joe Q. Public', email: 'joe@example.com' },
      { name: null, email: 'jane@example.com' },
    ])
    // The old comment form (real mail has it): the comment is the name, as Cyrus reads it.
    expect(
      asAddresses(' bbb@ddd.com (John X. Doe), =?UTF-8?B?SGVsbG8gd8O2cmxk?= <h@x.com>'),
    ).toEqual([
      { name: 'John X. Doe', email: 'bbb@ddd.com' },
      { name: 'Hello wörld', email: 'h@x.com' },
    ])
    expect(asGroupedAddresses('a@x, undisclosed-recipients:;, "B, C" <b@x>')).toEqual([
      { name: null, addresses: [{ name: null, email: 'a@x' }] },
      { name: 'undisclosed-recipients', addresses: [] },
      { name: null, addresses: [{ name: 'B, C', email: 'b@x' }] },
    ])
    expect(
      asGroupedAddresses(' Team: ann@example.com, bob@example.com;, carol@example.com'),
    ).toEqual([
      {
        name: 'Team',
        addresses: [
          { name: null, email: 'ann@example.com' },
          { name: null, email: 'bob@example.com' },
        ],
      },
      { name: null, addresses: [{ name: null, email: 'carol@example.com' }] },
    ])
  })

  it('MessageIds and Date', () => {
    expect(asMessageIds(' <a@x> <b@y>')).toEqual(['a@x', 'b@y'])
    expect(asMessageIds(' garbage')).toBeNull()
    expect(asDate(' Tue, 1 Jul 2025 10:00:00 +0200')).toBe('2025-07-01T08:00:00Z')
  })

  it('parses header: property names and refuses forms a header cannot take', () => {
    expect(parseHeaderProperty('header:From:asAddresses:all')).toEqual({
      name: 'From',
      form: 'Addresses',
      all: true,
    })
    expect(parseHeaderProperty('header:X-Custom')).toEqual({
      name: 'X-Custom',
      form: 'Raw',
      all: false,
    })
    expect(parseHeaderProperty('header:From:asText')).toBeUndefined()
    expect(parseHeaderProperty('header:Subject:asAddresses')).toBeUndefined()
    expect(parseHeaderProperty('subject')).toBeUndefined()
  })
})

describe('base64 that is not quite base64', () => {
  it('decodes what it can instead of failing the message (a part from a real mail)', () => {
    const raw = [
      'From: a@example.com',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Hello',
      '--b',
      'Content-Type: image/gif; name="xx.gif"',
      'Content-Disposition: attachment',
      'Content-Transfer-Encoding: base64',
      '',
      'Some removed base64 encoded chars.',
      '--b--',
      '',
    ].join('\r\n')
    const message = parseMessage(raw)
    expect(message.textBody.map(partText)).toEqual(['Hello'])
    // 29 letters: the last, alone in its group, is dropped; 28 letters are 21 bytes.
    expect(message.attachments.map((part) => [part.name, part.size])).toEqual([['xx.gif', 21]])
  })

  it('decodes unpadded base64', () => {
    const raw = 'Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nSGk\r\n'
    expect(parseMessage(raw).textBody.map(partText)).toEqual(['Hi'])
  })
})
