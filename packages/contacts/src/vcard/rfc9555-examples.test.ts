import { describe, expect, it } from 'vitest'
import { jscontactToVCard, vcardToJSContact } from './index.js'

/** The one Card of a vCard made of the given content lines. */
function convert(...lines: string[]) {
  const text = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'UID:urn:uuid:example',
    ...lines,
    'END:VCARD',
    '',
  ].join('\r\n')
  const { cards, warnings } = vcardToJSContact(text)
  expect(cards).toHaveLength(1)
  return { card: cards[0] as unknown as Record<string, unknown>, warnings }
}

// Each case is a figure of RFC 9555 §2: the vCard lines and the JSContact it shows. The RFC
// leaves the map keys to implementations; its examples use PREFIX-n keys, as this reader does.
describe('RFC 9555 §2 examples', () => {
  it('Figure 1/2: a property group is kept, in vCardParams and in vCardProps', () => {
    const { card } = convert('item1.TEL;VALUE=uri:tel:+1-555-555-5555', 'item2.X-FOO:bar')
    expect(card.phones).toEqual({
      'PHONE-1': { number: 'tel:+1-555-555-5555', vCardParams: { group: 'item1' } },
    })
    expect(card.vCardProps).toEqual([['x-foo', { group: 'item2' }, 'unknown', 'bar']])
  })

  it('Figure 4: a TITLE alternative in another LANGUAGE becomes a localization', () => {
    const { card } = convert(
      'FN:John Doe',
      'TITLE;ALTID=1:Boss',
      'TITLE;ALTID=1;LANGUAGE=fr:Patron',
    )
    expect(card.name).toEqual({ full: 'John Doe' })
    expect(card.titles).toEqual({
      'TITLE-1': { name: 'Boss', kind: 'title', vCardParams: { altid: '1' } },
    })
    expect(card.localizations).toEqual({ fr: { 'titles/TITLE-1/name': 'Patron' } })
  })

  it('Figure 6: PROP-ID gives the key; PREF, TYPE home and voice convert', () => {
    const { card } = convert(
      'TEL;PROP-ID=PHONE-A;VALUE=uri;PREF=1;TYPE="voice,home":tel:+1-555-555-5555;ext=5555',
      'TEL;PROP-ID=PHONE-B;VALUE=uri;TYPE=home:tel:+33-01-23-45-67',
    )
    expect(card.phones).toEqual({
      'PHONE-A': {
        contexts: { private: true },
        features: { voice: true },
        number: 'tel:+1-555-555-5555;ext=5555',
        pref: 1,
      },
      'PHONE-B': { contexts: { private: true }, number: 'tel:+33-01-23-45-67' },
    })
  })

  it('Figure 7/8: KIND and SOURCE', () => {
    const { card } = convert(
      'KIND:individual',
      'SOURCE:https://dir.example.com/addrbook/jdoe/Jean%20Dupont.vcf',
    )
    expect(card.kind).toBe('individual')
    expect(card.directories).toEqual({
      'ENTRY-1': { kind: 'entry', uri: 'https://dir.example.com/addrbook/jdoe/Jean%20Dupont.vcf' },
    })
  })

  it('Figure 9: BDAY, BIRTHPLACE, DEATHDATE, DEATHPLACE and ANNIVERSARY', () => {
    const { card } = convert(
      'BDAY:19531015T231000Z',
      'BIRTHPLACE:123 Main Street\\nAny Town, CA 91921-1234\\nU.S.A.',
      'DEATHDATE:19960415',
      'DEATHPLACE:5 Court Street\\nNew England, ND 58647\\nU.S.A.',
      'ANNIVERSARY:19860201',
    )
    // The RFC's figure writes the death date as { year, month, year }, a typo for the day.
    expect(card.anniversaries).toEqual({
      'ANNIVERSARY-1': {
        kind: 'birth',
        date: { '@type': 'Timestamp', utc: '1953-10-15T23:10:00Z' },
        place: { full: '123 Main Street\nAny Town, CA 91921-1234\nU.S.A.' },
      },
      'ANNIVERSARY-2': {
        kind: 'death',
        date: { year: 1996, month: 4, day: 15 },
        place: { full: '5 Court Street\nNew England, ND 58647\nU.S.A.' },
      },
      'ANNIVERSARY-3': { kind: 'wedding', date: { year: 1986, month: 2, day: 1 } },
    })
  })

  it('Figure 11: GRAMGENDER and PRONOUNS', () => {
    const { card } = convert(
      'GRAMGENDER:NEUTER',
      'PRONOUNS;PREF=2:they/them',
      'PRONOUNS;PREF=1:xe/xir',
    )
    expect(card.speakToAs).toEqual({
      grammaticalGender: 'neuter',
      pronouns: {
        'PRONOUNS-1': { pronouns: 'they/them', pref: 2 },
        'PRONOUNS-2': { pronouns: 'xe/xir', pref: 1 },
      },
    })
  })

  it('Figure 12: N with SORT-AS, second surname and generation', () => {
    const { card } = convert(
      'N;SORT-AS="Stevenson,John Philip":Stevenson;John;Philip,Paul;Dr.;Jr.,M.D.,A.C.P.;;Jr.',
    )
    expect(card.name).toEqual({
      components: [
        { kind: 'surname', value: 'Stevenson' },
        { kind: 'given', value: 'John' },
        { kind: 'given2', value: 'Philip' },
        { kind: 'given2', value: 'Paul' },
        { kind: 'title', value: 'Dr.' },
        { kind: 'credential', value: 'M.D.' },
        { kind: 'credential', value: 'A.C.P.' },
        { kind: 'generation', value: 'Jr.' },
      ],
      sortAs: { surname: 'Stevenson', given: 'John Philip' },
    })
  })

  it('Figure 13/14: NICKNAME and PHOTO', () => {
    const { card } = convert(
      'NICKNAME:Johnny',
      'PHOTO:https://www.example.com/pub/photos/jqpublic.gif',
    )
    expect(card.nicknames).toEqual({ 'NICK-1': { name: 'Johnny' } })
    expect(card.media).toEqual({
      'PHOTO-1': { kind: 'photo', uri: 'https://www.example.com/pub/photos/jqpublic.gif' },
    })
  })

  it('Figure 15: ADR in the RFC 9554 format with CC', () => {
    const { card } = convert(
      'ADR;TYPE=work;CC=US:;;54321 Oak St;Reston;VA;20190;USA;;;;54321;Oak St;;;;;;',
    )
    expect(card.addresses).toEqual({
      'ADDR-1': {
        contexts: { work: true },
        components: [
          { kind: 'number', value: '54321' },
          { kind: 'name', value: 'Oak St' },
          { kind: 'locality', value: 'Reston' },
          { kind: 'region', value: 'VA' },
          { kind: 'postcode', value: '20190' },
          { kind: 'country', value: 'USA' },
        ],
        countryCode: 'US',
      },
    })
  })

  it('Figure 16–18: EMAIL, IMPP and LANG', () => {
    const { card } = convert(
      'EMAIL;TYPE=work:jqpublic@xyz.example.com',
      'EMAIL;PREF=1:jane_doe@example.com',
      'IMPP;PREF=1:xmpp:alice@example.com',
      'LANG;TYPE=work;PREF=1:en',
      'LANG;TYPE=home:fr',
    )
    expect(card.emails).toEqual({
      'EMAIL-1': { contexts: { work: true }, address: 'jqpublic@xyz.example.com' },
      'EMAIL-2': { address: 'jane_doe@example.com', pref: 1 },
    })
    expect(card.onlineServices).toEqual({
      'OS-1': { uri: 'xmpp:alice@example.com', pref: 1, vCardName: 'impp' },
    })
    expect(card.preferredLanguages).toEqual({
      'LANG-1': { language: 'en', contexts: { work: true }, pref: 1 },
      'LANG-2': { language: 'fr', contexts: { private: true } },
    })
  })

  it('Figure 19/20: LANGUAGE and SOCIALPROFILE', () => {
    const { card } = convert(
      'LANGUAGE:de-AT',
      'SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://example.com/@foo',
    )
    expect(card.language).toBe('de-AT')
    expect(card.onlineServices).toEqual({
      'OS-1': { service: 'Mastodon', uri: 'https://example.com/@foo' },
    })
  })

  it('Figure 22–27: CONTACT-URI, LOGO, MEMBER, ORG, RELATED, TITLE and ROLE with a group', () => {
    const { card } = convert(
      'KIND:group',
      'CONTACT-URI;PREF=1:mailto:contact@example.com',
      'LOGO:https://www.example.com/pub/logos/abccorp.jpg',
      'MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af',
      'ORG;SORT-AS="ABC":ABC\\, Inc.;North American Division;Marketing',
      'RELATED;TYPE=friend:urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
      'RELATED;VALUE=text:Please contact my deputy John for any inquiries.',
      'TITLE:Research Scientist',
      'group1.ROLE:Project Leader',
      'group1.ORG:ABC\\, Inc.',
    )
    expect(card.links).toEqual({
      'CONTACT-1': {
        kind: 'contact',
        uri: 'mailto:contact@example.com',
        pref: 1,
        vCardName: 'contact-uri',
      },
    })
    expect(card.media).toEqual({
      'LOGO-1': { kind: 'logo', uri: 'https://www.example.com/pub/logos/abccorp.jpg' },
    })
    expect(card.members).toEqual({ 'urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af': true })
    expect(card.organizations).toEqual({
      'ORG-1': {
        name: 'ABC, Inc.',
        units: [{ name: 'North American Division' }, { name: 'Marketing' }],
        sortAs: 'ABC',
      },
      'ORG-2': { name: 'ABC, Inc.', vCardParams: { group: 'group1' } },
    })
    expect(card.relatedTo).toEqual({
      'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6': { relation: { friend: true } },
      'Please contact my deputy John for any inquiries.': { relation: {} },
    })
    expect(card.titles).toEqual({
      'TITLE-1': { kind: 'title', name: 'Research Scientist' },
      'TITLE-2': {
        kind: 'role',
        name: 'Project Leader',
        organizationId: 'ORG-2',
        vCardParams: { group: 'group1' },
      },
    })
  })

  it('Figure 28–34: EXPERTISE, ORG-DIRECTORY, CATEGORIES, CREATED and NOTE', () => {
    const { card } = convert(
      'EXPERTISE;LEVEL=beginner;INDEX=2:chinese literature',
      'HOBBY;LEVEL=high:reading',
      'ORG-DIRECTORY;INDEX=1:http://directory.mycompany.example.com',
      'CATEGORIES:internet,IETF,Industry,Information Technology',
      'CREATED:19940930T143510Z',
      'NOTE;CREATED=20221123T150132Z;AUTHOR-NAME="John":Office hours are from 0800 to 1715 EST\\, Mon-Fri.',
    )
    expect(card.personalInfo).toEqual({
      'PERSINFO-1': { kind: 'expertise', value: 'chinese literature', level: 'low', listAs: 2 },
      'PERSINFO-2': { kind: 'hobby', value: 'reading', level: 'high' },
    })
    expect(card.directories).toEqual({
      'DIRECTORY-1': {
        kind: 'directory',
        uri: 'http://directory.mycompany.example.com',
        listAs: 1,
      },
    })
    expect(card.keywords).toEqual({
      internet: true,
      IETF: true,
      Industry: true,
      'Information Technology': true,
    })
    expect(card.created).toBe('1994-09-30T14:35:10Z')
    expect(card.notes).toEqual({
      'NOTE-1': {
        note: 'Office hours are from 0800 to 1715 EST, Mon-Fri.',
        created: '2022-11-23T15:01:32Z',
        author: { name: 'John' },
      },
    })
  })

  it('Figure 35–44: PRODID, REV, SOUND, URL, X-ABLabel, KEY, CALADRURI, CALURI and FBURL', () => {
    const { card } = convert(
      'PRODID:ACME Contacts App version 1.23.5',
      'REV:19951031T222710Z',
      'SOUND:CID:JOHNQPUBLIC.19960229T080000.xyzMail@example.com',
      'URL:https://example.org/restaurant.french/~chezchic.html',
      'item1.TEL;VALUE=uri:tel:+1-555-555-5555',
      'item1.X-ABLabel:foo',
      'KEY:https://www.example.com/keys/jdoe.cer',
      'CALADRURI;PREF=1:mailto:janedoe@example.com',
      'CALURI;MEDIATYPE=text/calendar:https://ftp.example.com/calA.ics',
      'FBURL;PREF=1:https://www.example.com/busy/janedoe',
    )
    expect(card).toMatchObject({
      prodId: 'ACME Contacts App version 1.23.5',
      updated: '1995-10-31T22:27:10Z',
      media: {
        'SOUND-1': { kind: 'sound', uri: 'CID:JOHNQPUBLIC.19960229T080000.xyzMail@example.com' },
      },
      links: { 'LINK-1': { uri: 'https://example.org/restaurant.french/~chezchic.html' } },
      phones: { 'PHONE-1': { number: 'tel:+1-555-555-5555', label: 'foo' } },
      cryptoKeys: { 'KEY-1': { uri: 'https://www.example.com/keys/jdoe.cer' } },
      schedulingAddresses: { 'SCHEDULING-1': { uri: 'mailto:janedoe@example.com', pref: 1 } },
      calendars: {
        'CAL-1': {
          kind: 'calendar',
          uri: 'https://ftp.example.com/calA.ics',
          mediaType: 'text/calendar',
        },
        'FBURL-1': { kind: 'freeBusy', uri: 'https://www.example.com/busy/janedoe', pref: 1 },
      },
    })
  })

  it('Figure 45/46: an unknown property goes to vCardProps, an unknown parameter to vCardParams', () => {
    const { card } = convert(
      'item1.X-FOO;X-BAR=Hello:World!',
      'EMAIL;X-FOO=Bar:jane_doe@example.com',
    )
    expect(card.vCardProps).toEqual([
      ['x-foo', { 'x-bar': 'Hello', group: 'item1' }, 'unknown', 'World!'],
    ])
    expect(card.emails).toEqual({
      'EMAIL-1': { address: 'jane_doe@example.com', vCardParams: { 'x-foo': 'Bar' } },
    })
  })

  it('Figure 48–50: JSPROP patches are applied after everything else', () => {
    const { card } = convert(
      'JSPROP;JSPTR="someUnknownProperty":true',
      'JSPROP;JSPTR="example.com:foo":{"bar":1234}',
      'TEL;PROP-ID=phone1:tel:+33-01-23-45-67',
      'JSPROP;JSPTR="phones/phone1/example.com:foo~1bar":"tux hux"',
    )
    expect(card.someUnknownProperty).toBe(true)
    expect(card['example.com:foo']).toEqual({ bar: 1234 })
    expect(card.phones).toEqual({
      phone1: { number: 'tel:+33-01-23-45-67', 'example.com:foo/bar': 'tux hux' },
    })
  })

  it('a JSPROP that points nowhere is not applied, and says so', () => {
    const { card, warnings } = convert(
      'JSPROP;JSPTR="emails/nope/address":"x"',
      'JSPROP;JSPTR="a":1',
    )
    expect(card.a).toBeUndefined()
    expect(warnings).toEqual([
      expect.objectContaining({ line: 4, message: expect.stringContaining('emails/nope/address') }),
    ])
  })

  it('RFC 9555 §3.2.1 Figure 49: JSPROP is what a vendor property becomes in vCard', () => {
    const vcard = jscontactToVCard({
      '@type': 'Card',
      version: '1.0',
      uid: 'u1',
      name: { full: 'Jane' },
      'example.com:foo': { bar: 1234 },
    })
    expect(vcard).toContain('JSPROP;JSPTR="example.com:foo":{"bar":1234}\r\n')
  })
})
