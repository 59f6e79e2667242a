import ICAL from 'ical.js'

type DesignSet = typeof ICAL.design.vcard

function extend(base: DesignSet): DesignSet {
  return {
    ...base,
    param: { ...base.param },
    property: {
      ...base.property,
      // RFC 9554 and RFC 9555 properties, so their values are typed (and unescaped) correctly.
      created: { defaultType: 'timestamp' },
      prodid: { defaultType: 'text' },
      gramgender: { defaultType: 'text' },
      language: { defaultType: 'language-tag' },
      pronouns: { defaultType: 'text' },
      socialprofile: { defaultType: 'uri' },
      jsprop: { defaultType: 'text' },
      'contact-uri': { defaultType: 'uri' },
      'org-directory': { defaultType: 'uri' },
      expertise: { defaultType: 'text' },
      hobby: { defaultType: 'text' },
      interest: { defaultType: 'text' },
      birthplace: { defaultType: 'text' },
      deathplace: { defaultType: 'text' },
      deathdate: { defaultType: 'date-and-or-time' },
      'x-ablabel': { defaultType: 'text' },
    },
  } as DesignSet
}

/**
 * ical.js's vCard 4.0 design set, extended with the properties of RFC 9554 and RFC 9555. It is
 * a private copy: ical.js's global design stays untouched.
 *
 * @see RFC 6350, RFC 9554 §3, RFC 9555 §3.2
 */
export const vcard4Design: DesignSet = extend(ICAL.design.vcard)

/**
 * ical.js's vCard 3.0 design set, extended the same way (vCard 2.1 is read with it too).
 *
 * @see RFC 2426
 */
export const vcard3Design: DesignSet = extend(ICAL.design.vcard3 as DesignSet)
