import ICAL from 'ical.js'

type DesignSet = typeof ICAL.design.icalendar

const base: DesignSet = ICAL.design.icalendar

/**
 * ical.js's iCalendar design set, extended with the properties and parameters of RFC 7986,
 * RFC 9073, RFC 9074, RFC 9253 and the conversion draft, so their values are typed (and escaped)
 * correctly. It is a private copy: ical.js's global design stays untouched.
 *
 * @see RFC 7986 §5, RFC 9073 §6, RFC 9253 §7, draft-ietf-calext-jscalendar-icalendar-25 §5
 */
export const designSet: DesignSet = {
  ...base,
  param: {
    ...base.param,
    role: { ...base.param.role, multiValue: ',' },
    display: { multiValue: ',' },
    feature: { multiValue: ',' },
  },
  property: {
    ...base.property,
    acknowledged: { defaultType: 'date-time' },
    'calendar-address': { defaultType: 'cal-address' },
    color: { defaultType: 'text' },
    concept: { defaultType: 'uri' },
    conference: { defaultType: 'uri' },
    coordinates: { defaultType: 'uri' },
    'estimated-duration': { defaultType: 'duration' },
    image: { defaultType: 'uri' },
    jsid: { defaultType: 'text' },
    jsprop: { defaultType: 'text' },
    link: { defaultType: 'uri' },
    'location-type': { defaultType: 'text', multiValue: ',' },
    name: { defaultType: 'text' },
    'participant-type': { defaultType: 'text' },
    'refresh-interval': { defaultType: 'duration' },
    'show-without-time': { defaultType: 'boolean' },
    source: { defaultType: 'uri' },
    'styled-description': { defaultType: 'text' },
  },
} as DesignSet

/**
 * The design set the writer serialises with: as {@link designSet}, but the properties whose
 * grammar spells out `VALUE=URI` (RFC 7986 CONFERENCE and IMAGE, RFC 9073 COORDINATES and
 * STRUCTURED-DATA, RFC 9253 LINK, and SOURCE as the draft writes it) get it written, as
 * ical.js leaves VALUE out for a property's default type.
 *
 * @see RFC 7986 §5.10, §5.11; RFC 9073 §6.5; RFC 9253 §8.2; draft-ietf-calext-jscalendar-icalendar-25 §4
 */
export const writeDesignSet: DesignSet = {
  ...designSet,
  property: {
    ...designSet.property,
    conference: { defaultType: 'unknown' },
    coordinates: { defaultType: 'unknown' },
    image: { defaultType: 'unknown' },
    link: { defaultType: 'unknown' },
    source: { defaultType: 'unknown' },
    'structured-data': { defaultType: 'unknown' },
  },
} as DesignSet
