/**
 * JMAP Calendars (draft-ietf-jmap-calendars), RFC 9670 Principals and sharing, Cyrus's legacy
 * dialect.
 *
 * @module @typed-jmap/calendars
 */
export type {
  Calendar,
  CalendarCreate,
  CalendarRights,
  IncludeInAvailability,
} from './calendar/calendar.js'
export type {
  CalendarChangesMethod,
  CalendarGetMethod,
  CalendarSetExtraArguments,
  CalendarSetMethod,
} from './calendar/calendar-methods.js'
export {
  CalendarRightsSchema,
  CalendarSchema,
  CalendarWireSchema,
} from './calendar/calendar-schema.js'
export { normaliseCalendarWire } from './calendar/calendar-wire.js'
export {
  type AddEventOptions,
  type CalendarApi,
  type CalendarApiFromClient,
  type CalendarApiOptions,
  type CalendarCapabilityTables,
  type CalendarChanges,
  type CalendarClient,
  type CalendarScope,
  createCalendarApi,
  type EventSearch,
  type SchedulingOptions,
  type SharedCalendars,
} from './calendar-api/calendar-api.js'
export { CalendarApiError, isCalendarApiError } from './calendar-api/calendar-api-error.js'
export { withCalendarDialect } from './calendar-api/calendar-dialect-connection.js'
export { CalendarWriteError, isCalendarWriteError } from './calendar-api/calendar-write-error.js'
export type {
  CalendarEvent,
  CalendarEventAsAskedFor,
  CalendarEventCreate,
  CalendarEventDefaultProperty,
  CalendarEventProperty,
} from './calendar-event/calendar-event.js'
export { calendarEventCopyResponseSchema } from './calendar-event/calendar-event-copy-response-schema.js'
export type {
  CalendarEventFilterCondition,
  CalendarEventSortProperty,
  ExpandedCalendarEventFilterCondition,
} from './calendar-event/calendar-event-filter.js'
export type {
  CalendarEventChangesMethod,
  CalendarEventCopyMethod,
  CalendarEventCopyResponse,
  CalendarEventGetExtraArguments,
  CalendarEventGetMethod,
  CalendarEventParseArguments,
  CalendarEventParseMethod,
  CalendarEventParseResponse,
  CalendarEventQueryChangesMethod,
  CalendarEventQueryExtraArguments,
  CalendarEventQueryMethod,
  CalendarEventSetExtraArguments,
  CalendarEventSetMethod,
} from './calendar-event/calendar-event-methods.js'
export { calendarEventParseResponseSchema } from './calendar-event/calendar-event-parse-response-schema.js'
export {
  CalendarEventSchema,
  CalendarEventWireSchema,
} from './calendar-event/calendar-event-schema.js'
export { normaliseCalendarEventWire } from './calendar-event/calendar-event-wire.js'
export { recurrenceOverridePatch } from './calendar-event/recurrence-override-patch.js'
export type {
  CalendarEventNotification,
  CalendarEventNotificationFilterCondition,
  CalendarEventNotificationPerson,
  CalendarEventNotificationType,
} from './calendar-event-notification/calendar-event-notification.js'
export type {
  CalendarEventNotificationChangesMethod,
  CalendarEventNotificationGetMethod,
  CalendarEventNotificationQueryChangesMethod,
  CalendarEventNotificationQueryMethod,
  CalendarEventNotificationSetMethod,
} from './calendar-event-notification/calendar-event-notification-methods.js'
export {
  CalendarEventNotificationSchema,
  CalendarEventNotificationWireSchema,
} from './calendar-event-notification/calendar-event-notification-schema.js'
export { normaliseCalendarEventNotificationWire } from './calendar-event-notification/calendar-event-notification-wire.js'
export type { CalendarPreferences } from './calendar-preferences/calendar-preferences.js'
export type {
  CalendarPreferencesGetMethod,
  CalendarPreferencesSetMethod,
} from './calendar-preferences/calendar-preferences-methods.js'
export { CalendarPreferencesSchema } from './calendar-preferences/calendar-preferences-schema.js'
export type {
  CalendarsAccountCapability,
  CyrusCalendarsSessionCapability,
  EmptyCapability,
  PrincipalsAccountCapability,
  PrincipalsAvailabilityAccountCapability,
  PrincipalsOwnerAccountCapability,
} from './capabilities/calendars-capability.js'
export {
  type CalendarsParseMethods,
  calendarsParse,
} from './capabilities/calendars-parse-registry.js'
export {
  type CalendarsPreferencesMethods,
  calendarsPreferences,
} from './capabilities/calendars-preferences-registry.js'
export { type CalendarsMethods, calendars } from './capabilities/calendars-registry.js'
export {
  CALENDARS_CAPABILITY,
  CALENDARS_PARSE_CAPABILITY,
  CALENDARS_PREFERENCES_CAPABILITY,
  CYRUS_CALENDARS_CAPABILITY,
  CYRUS_JSCALENDARBIS_CAPABILITY,
  PRINCIPALS_AVAILABILITY_CAPABILITY,
  PRINCIPALS_CAPABILITY,
  PRINCIPALS_OWNER_CAPABILITY,
} from './capabilities/capability-urns.js'
export {
  type PrincipalsAvailabilityMethods,
  principalsAvailability,
} from './capabilities/principals-availability-registry.js'
export { type PrincipalsMethods, principals } from './capabilities/principals-registry.js'
export {
  type CalendarDialect,
  type CalendarSessionView,
  detectCalendarDialect,
} from './cyrus-legacy/calendar-dialect.js'
export {
  dialectArguments,
  dialectCapability,
  fromDialectResponse,
  toDialectRequest,
} from './cyrus-legacy/dialect-request.js'
export type { JsonObject } from './cyrus-legacy/legacy-calendar.js'
export {
  legacyRightsToStandard,
  normaliseLegacyCalendar,
  standardRightsToLegacy,
  toLegacyCalendarWrite,
} from './cyrus-legacy/legacy-calendar.js'
export { isLegacyDialectError, LegacyDialectError } from './cyrus-legacy/legacy-dialect-error.js'
export {
  normaliseLegacyEvent,
  toLegacyEventCreate,
  toLegacyEventPatch,
} from './cyrus-legacy/legacy-event.js'
export { toCyrusEventFilter, toLegacyEventFilter } from './cyrus-legacy/legacy-event-filter.js'
export { decodeLegacyEventId, encodeLegacyEventId } from './cyrus-legacy/legacy-event-id.js'
export { fromLegacyResponse, toLegacyArguments } from './cyrus-legacy/legacy-invocation.js'
export { localDateTimeToUtc } from './cyrus-legacy/local-date-time-to-utc.js'
export { toRfc8984Event, toRfc8984Patch } from './cyrus-legacy/rfc8984-event.js'
export type {
  DestroyOnlySetArguments,
  DestroyOnlySetMethod,
} from './destroy-only-set/destroy-only-set-method.js'
// JSCalendar model (JSCalendar 2.0 types and schemas, RFC 8984 normalisation).
export * from './jscalendar/index.js'
export {
  normalisedGetResponseSchema,
  normaliseListOf,
} from './normalised-response/normalised-get-response-schema.js'
export { normalisedSetResponseSchema } from './normalised-response/normalised-set-response-schema.js'
export type {
  ParticipantIdentity,
  ParticipantIdentityCreate,
} from './participant-identity/participant-identity.js'
export type {
  ParticipantIdentityChangesMethod,
  ParticipantIdentityGetMethod,
  ParticipantIdentitySetExtraArguments,
  ParticipantIdentitySetMethod,
} from './participant-identity/participant-identity-methods.js'
export {
  ParticipantIdentitySchema,
  ParticipantIdentityWireSchema,
} from './participant-identity/participant-identity-schema.js'
export { normaliseParticipantIdentityWire } from './participant-identity/participant-identity-wire.js'
export type { BusyPeriod } from './principal/busy-period.js'
export type {
  Principal,
  PrincipalAccount,
  PrincipalCalendarsCapability,
  PrincipalCapabilities,
  PrincipalFilterCondition,
  PrincipalType,
} from './principal/principal.js'
export { principalGetAvailabilityResponseSchema } from './principal/principal-get-availability-response-schema.js'
export type {
  PrincipalChangesMethod,
  PrincipalGetAvailabilityArguments,
  PrincipalGetAvailabilityMethod,
  PrincipalGetAvailabilityResponse,
  PrincipalGetMethod,
  PrincipalQueryChangesMethod,
  PrincipalQueryMethod,
  PrincipalSetMethod,
  PrincipalSortProperty,
  PrincipalUpdate,
} from './principal/principal-methods.js'
export { PrincipalSchema, PrincipalWireSchema } from './principal/principal-schema.js'
export { normalisePrincipalWire } from './principal/principal-wire.js'
// Recurrence expansion (no iCalendar library needed).
export * from './recurrence/index.js'
export type {
  ShareChangedBy,
  ShareNotification,
  ShareNotificationFilterCondition,
} from './share-notification/share-notification.js'
export type {
  ShareNotificationChangesMethod,
  ShareNotificationGetMethod,
  ShareNotificationQueryChangesMethod,
  ShareNotificationQueryMethod,
  ShareNotificationSetMethod,
} from './share-notification/share-notification-methods.js'
export { ShareNotificationSchema } from './share-notification/share-notification-schema.js'
// Local time ⇄ UTC in IANA zones, the one home of the conversion.
export * from './zoned-time/index.js'
