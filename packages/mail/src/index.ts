/**
 * JMAP Mail (RFC 8621), MDN (RFC 9007) and Quotas (RFC 9425): data types, schemas, registry
 * entries, the runtime table and helpers (sendEmail, syncMailChanges, openThread, …).
 *
 * @module @typed-jmap/mail
 */
export type {
  EmptyCapability,
  MailAccountCapability,
  SubmissionAccountCapability,
} from './capabilities/account-capabilities.js'
export {
  EmptyCapabilitySchema,
  MailAccountCapabilitySchema,
  SubmissionAccountCapabilitySchema,
} from './capabilities/account-capabilities.js'
export {
  mailCapability,
  mdnCapability,
  quotaCapability,
  submissionCapability,
  vacationResponseCapability,
} from './capabilities/capability-urns.js'
export {
  mail,
  mailCapabilities,
  mdn,
  quota,
  submission,
  vacationResponse,
} from './capabilities/mail-capabilities.js'
export type {
  AllMailMethods,
  MailMethods,
  MdnMethods,
  QuotaMethods,
  SubmissionMethods,
  VacationResponseMethods,
} from './capabilities/mail-methods.js'
export type {
  Email,
  EmailKeyword,
  EmailKeywords,
  EmailMailboxIds,
  EmailProperty,
} from './email/email.js'
export { EmailSchema, emailPropertySchemas } from './email/email.js'
export type { EmailAddress, EmailAddressGroup } from './email/email-address.js'
export { EmailAddressGroupSchema, EmailAddressSchema } from './email/email-address.js'
export type {
  DefaultEmailBodyProperty,
  EmailBodyPart,
  EmailBodyValue,
} from './email/email-body-part.js'
export {
  defaultEmailBodyProperties,
  EmailBodyPartSchema,
  EmailBodyValueSchema,
  emailBodyPartPropertySchemas,
} from './email/email-body-part.js'
export type {
  EmailBlobPartCreate,
  EmailBodyPartCreate,
  EmailBodyPartCreateBase,
  EmailBodyValueCreate,
  EmailCopyCreate,
  EmailCreate,
  EmailCreated,
  EmailHeaderCreateValue,
  EmailImport,
  EmailMultipartCreate,
  EmailTextPartCreate,
} from './email/email-create.js'
export type {
  EmailComparator,
  EmailFilterCondition,
  EmailKeywordComparator,
  EmailKeywordSortProperty,
  EmailPropertyComparator,
  EmailSortProperty,
} from './email/email-filter.js'
export type {
  AddressForms,
  EmailHeader,
  EmailHeaderForm,
  EmailHeaderFormsByName,
  EmailHeaderFormsFor,
  EmailHeaderFormValues,
  EmailHeaderPropertyIssue,
  EmailHeaderPropertyIssues,
  EmailHeaderPropertyName,
  EmailHeaderPropertyProblem,
  EmailHeaderValue,
  HeaderPropertyError,
  IsValidEmailHeaderProperty,
} from './email/email-header.js'
export {
  EmailHeaderSchema,
  emailHeaderPropertySchema,
  parseEmailHeaderProperty,
} from './email/email-header.js'
export type { EmailHeaderPropertyCheck } from './email/email-header-property-check.js'
export type {
  EmailBodyFetchArguments,
  EmailChangesMethod,
  EmailCopyMethod,
  EmailGetArguments,
  EmailGetMethod,
  EmailImportArguments,
  EmailImportMethod,
  EmailImportResponse,
  EmailParseArguments,
  EmailParseMethod,
  EmailParseResponse,
  EmailQueryChangesMethod,
  EmailQueryExtraArguments,
  EmailQueryMethod,
  EmailSetMethod,
  EmailUpdatable,
} from './email/email-methods.js'
export {
  emailGetResponseSchema,
  emailImportResponseSchema,
  emailParseResponseSchema,
} from './email/email-response-schemas.js'
export type {
  DefaultEmailGetProperty,
  DefaultEmailParseProperty,
  EmailBodyPartPropertyName,
  EmailBodyValues,
  EmailBodyValuesNotFetched,
  EmailForGetArguments,
  EmailPropertyName,
  ParsedEmailForArguments,
  SelectedEmail,
  SelectedEmailBodyPart,
} from './email/email-selection.js'
export { defaultEmailGetProperties, defaultEmailParseProperties } from './email/email-selection.js'
export type {
  DeliveryStatus,
  EmailSubmission,
  EmailSubmissionAddress,
  Envelope,
  UndoStatus,
} from './email-submission/email-submission.js'
export {
  DeliveryStatusSchema,
  EmailSubmissionAddressSchema,
  EmailSubmissionSchema,
  EnvelopeSchema,
  emailSubmissionPropertySchemas,
} from './email-submission/email-submission.js'
export type {
  EmailSubmissionFilterCondition,
  EmailSubmissionSortProperty,
} from './email-submission/email-submission-filter.js'
export type {
  EmailSubmissionChangesMethod,
  EmailSubmissionCreate,
  EmailSubmissionCreated,
  EmailSubmissionGetMethod,
  EmailSubmissionQueryChangesMethod,
  EmailSubmissionQueryMethod,
  EmailSubmissionSetExtraArguments,
  EmailSubmissionSetMethod,
  EmailSubmissionUpdatable,
  ImplicitEmailSetResponse,
} from './email-submission/email-submission-methods.js'
export type {
  AttachmentInput,
  CreateEmailWithAttachmentsOptions,
  CreateEmailWithAttachmentsResult,
} from './helpers/create-email-with-attachments.js'
export { createEmailWithAttachments } from './helpers/create-email-with-attachments.js'
export type { FindMailboxByRoleOptions } from './helpers/find-mailbox-by-role.js'
export { findMailboxByRole } from './helpers/find-mailbox-by-role.js'
export type {
  MailboxPage,
  MailboxPageEmail,
  OpenMailboxPageOptions,
} from './helpers/open-mailbox-page.js'
export { openMailboxPage } from './helpers/open-mailbox-page.js'
export type { OpenedThread, OpenThreadOptions, ThreadEmail } from './helpers/open-thread.js'
export { openThread } from './helpers/open-thread.js'
export type {
  SearchHit,
  SearchResults,
  SearchWithSnippetsOptions,
} from './helpers/search-with-snippets.js'
export { searchWithSnippets } from './helpers/search-with-snippets.js'
export type {
  OutgoingEmail,
  SendEmailOptions,
  SendEmailResult,
} from './helpers/send-email.js'
export { sendEmail } from './helpers/send-email.js'
export type { SendEmailDefaultsProblem } from './helpers/send-email-defaults-error.js'
export {
  isSendEmailDefaultsError,
  SendEmailDefaultsError,
} from './helpers/send-email-defaults-error.js'
export type { SendingDefaults } from './helpers/sending-defaults.js'
export { forgetSendingDefaults } from './helpers/sending-defaults.js'
export type {
  EmailFlags,
  MailChanges,
  MailSyncState,
  SyncedEmail,
  SyncMailChangesOptions,
} from './helpers/sync-mail-changes.js'
export { syncMailChanges } from './helpers/sync-mail-changes.js'
export type {
  BulkUpdateResult,
  EmailMembershipPatch,
  FlagEmailsOptions,
  MarkEmailsReadOptions,
  MoveEmailsOptions,
  UpdateEmailsInBulkOptions,
} from './helpers/update-emails-in-bulk.js'
export {
  flagEmails,
  markEmailsRead,
  moveEmails,
  updateEmailsInBulk,
} from './helpers/update-emails-in-bulk.js'
export type { Identity } from './identity/identity.js'
export { IdentitySchema, identityPropertySchemas } from './identity/identity.js'
export type {
  IdentityChangesMethod,
  IdentityCreate,
  IdentityCreated,
  IdentityGetMethod,
  IdentitySetMethod,
} from './identity/identity-methods.js'
export type { Mailbox, MailboxRights, MailboxRole } from './mailbox/mailbox.js'
export { MailboxRightsSchema, MailboxSchema, mailboxPropertySchemas } from './mailbox/mailbox.js'
export type { MailboxFilterCondition, MailboxSortProperty } from './mailbox/mailbox-filter.js'
export type {
  MailboxChangesExtraResponse,
  MailboxChangesMethod,
  MailboxCreate,
  MailboxCreated,
  MailboxGetMethod,
  MailboxQueryChangesMethod,
  MailboxQueryExtraArguments,
  MailboxQueryMethod,
  MailboxSetExtraArguments,
  MailboxSetMethod,
  MailboxUpdatable,
} from './mailbox/mailbox-methods.js'
export type { Mdn, MdnDisposition } from './mdn/mdn.js'
export { MdnDispositionSchema, MdnSchema } from './mdn/mdn.js'
export type {
  MdnCreate,
  MdnParseArguments,
  MdnParseMethod,
  MdnParseResponse,
  MdnSendArguments,
  MdnSendMethod,
  MdnSendResponse,
} from './mdn/mdn-methods.js'
export type { PropertySchemas } from './property-schemas/property-schemas.js'
export { trueSetSchema } from './property-schemas/true-set-schema.js'
export type { Quota, QuotaResourceType, QuotaScope } from './quota/quota.js'
export { QuotaSchema, quotaPropertySchemas } from './quota/quota.js'
export type { QuotaFilterCondition, QuotaSortProperty } from './quota/quota-filter.js'
export type {
  QuotaChangesExtraResponse,
  QuotaChangesMethod,
  QuotaGetMethod,
  QuotaQueryChangesMethod,
  QuotaQueryMethod,
} from './quota/quota-methods.js'
export type { SearchSnippet } from './search-snippet/search-snippet.js'
export { SearchSnippetSchema } from './search-snippet/search-snippet.js'
export type {
  SearchSnippetGetArguments,
  SearchSnippetGetMethod,
  SearchSnippetGetResponse,
} from './search-snippet/search-snippet-methods.js'
export type {
  BlobNotFoundSetError,
  InvalidEmailSetError,
  InvalidRecipientsSetError,
  MailSetError,
  MailSetErrorType,
  MessageTooLargeSetError,
  PlainMailSetError,
  PlainMailSetErrorType,
  TooManyRecipientsSetError,
} from './set-errors/mail-set-error.js'
export { isMailSetError } from './set-errors/mail-set-error.js'
export type { Thread } from './thread/thread.js'
export { ThreadSchema, threadPropertySchemas } from './thread/thread.js'
export type { ThreadChangesMethod, ThreadGetMethod } from './thread/thread-methods.js'
export type { VacationResponse } from './vacation-response/vacation-response.js'
export {
  VacationResponseSchema,
  vacationResponseId,
  vacationResponsePropertySchemas,
} from './vacation-response/vacation-response.js'
export type {
  VacationResponseGetMethod,
  VacationResponseSetMethod,
} from './vacation-response/vacation-response-methods.js'
