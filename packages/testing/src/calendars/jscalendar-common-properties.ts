/**
 * The JSCalendar properties Events and Tasks share (RFC 8984 §4, with `start`), as the
 * CalendarEvent and Task data types accept them: JSCalendar 1.0's names and, where the current
 * draft renamed or added one (`recurrenceRule`, `organizerCalendarAddress`, `mainLocationId`,
 * `version`, `iCalendar`), the draft's too, since clients write either.
 *
 * @see RFC 8984 §4, §5.1, §5.2
 * @see draft-ietf-calext-jscalendarbis §4, Appendix A
 */
export const jsCalendarCommonProperties: readonly string[] = [
  '@type',
  'uid',
  'version',
  'relatedTo',
  'prodId',
  'created',
  'updated',
  'sequence',
  'method',
  'title',
  'description',
  'descriptionContentType',
  'showWithoutTime',
  'locations',
  'mainLocationId',
  'virtualLocations',
  'links',
  'locale',
  'keywords',
  'categories',
  'color',
  'recurrenceId',
  'recurrenceIdTimeZone',
  'recurrenceRule',
  'recurrenceRules',
  'excludedRecurrenceRules',
  'recurrenceOverrides',
  'excluded',
  'priority',
  'freeBusyStatus',
  'privacy',
  'replyTo',
  'organizerCalendarAddress',
  'sentBy',
  'participants',
  'requestStatus',
  'useDefaultAlerts',
  'alerts',
  'localizations',
  'timeZone',
  'timeZones',
  'start',
  'iCalendar',
]
