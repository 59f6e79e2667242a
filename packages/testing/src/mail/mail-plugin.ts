import type { DataType } from '../data-type.js'
import { isJsonObject, type JsonObject } from '../json.js'
import { resolveCreationId } from '../methods/creation-id.js'
import {
  readObjectMap,
  readOptionalString,
  readStringList,
  rejectUnknownArguments,
} from '../methods/method-arguments.js'
import { compareProperty } from '../methods/query-engine.js'
import { recordContext } from '../methods/record-context.js'
import { checkRequestedProperties } from '../methods/standard/standard-get.js'
import { rejectUnknownSetArguments, runSet } from '../methods/standard/standard-set.js'
import { MethodError } from '../protocol/method-error.js'
import {
  invalidProperties,
  isRecordRejectedError,
  RecordRejectedError,
} from '../protocol/record-rejected-error.js'
import type { MethodContext, TestServerPlugin } from '../server/server-runtime.js'
import { afterEmailChange, parsedEmail } from './email-store.js'
import {
  emailParseDefaultProperties,
  emailRecordFromBytes,
  emailType,
  invalidEmailMetadata,
} from './email-type.js'
import { asAddresses } from './header-forms.js'
import {
  mailCapability,
  submissionCapability,
  vacationResponseCapability,
} from './mail-capabilities.js'
import { mailboxType } from './mailbox-type.js'
import { lastHeader } from './rfc5322-message.js'

const threadType: DataType = {
  name: 'Thread',
  capability: mailCapability,
  idPrefix: 'T',
  properties: ['id', 'emailIds'],
  methods: ['get', 'changes'],
  getAllowsNullIds: false,
}

const identityType: DataType = {
  name: 'Identity',
  capability: submissionCapability,
  idPrefix: 'I',
  properties: [
    'id',
    'name',
    'email',
    'replyTo',
    'bcc',
    'textSignature',
    'htmlSignature',
    'mayDelete',
  ],
  serverSet: ['mayDelete'],
  immutable: ['email'],
  defaults: { name: '', replyTo: null, bcc: null, textSignature: '', htmlSignature: '' },
  methods: ['get', 'changes', 'set'],
  validate: (record) =>
    typeof record.email === 'string' && record.email.includes('@') ? [] : ['email'],
  create: (record) => ({ ...record, mayDelete: true }),
}

const vacationResponseType: DataType = {
  name: 'VacationResponse',
  capability: vacationResponseCapability,
  idPrefix: 'V',
  properties: ['id', 'isEnabled', 'fromDate', 'toDate', 'subject', 'textBody', 'htmlBody'],
  singletonId: 'singleton',
  methods: ['get', 'set'],
  validate: (record) => (typeof record.isEnabled === 'boolean' ? [] : ['isEnabled']),
}

function envelopeFor(
  email: JsonObject,
  context: Parameters<NonNullable<DataType['create']>>[1],
): JsonObject {
  const parsed = parsedEmail(email, context)
  const from = asAddresses(
    lastHeader(parsed.headers, 'Sender') ?? lastHeader(parsed.headers, 'From') ?? '',
  )[0]
  const rcpt = ['To', 'Cc', 'Bcc'].flatMap((name) =>
    parsed.headers
      .filter((field) => field.name.toLowerCase() === name.toLowerCase())
      .flatMap((field) => asAddresses(field.value)),
  )
  return {
    mailFrom: { email: from?.email ?? '', parameters: null },
    rcptTo: [...new Set(rcpt.map((address) => address.email))].map((email) => ({
      email,
      parameters: null,
    })),
  }
}

const emailSubmissionType: DataType = {
  name: 'EmailSubmission',
  capability: submissionCapability,
  idPrefix: 'S',
  properties: [
    'id',
    'identityId',
    'emailId',
    'threadId',
    'envelope',
    'sendAt',
    'undoStatus',
    'deliveryStatus',
    'dsnBlobIds',
    'mdnBlobIds',
  ],
  serverSet: ['threadId', 'sendAt', 'deliveryStatus', 'dsnBlobIds', 'mdnBlobIds'],
  immutable: ['identityId', 'emailId', 'envelope'],
  defaults: { envelope: null, undoStatus: 'final' },
  idReferences: { identityId: 'id', emailId: 'id' },
  methods: ['get', 'changes', 'query', 'queryChanges'],
  // EmailSubmission/set is the plugin's own handler (it runs the implicit Email/set).
  extraArguments: { set: ['onSuccessUpdateEmail', 'onSuccessDestroyEmail'] },
  validate(record, context, previous) {
    if (previous !== undefined) {
      if (record.undoStatus !== previous.undoStatus) throw new RecordRejectedError('cannotUnsend')
      return []
    }
    const invalid: string[] = []
    if (
      typeof record.identityId !== 'string' ||
      !context.account.store('Identity').has(record.identityId)
    )
      invalid.push('identityId')
    if (typeof record.emailId !== 'string' || !context.account.store('Email').has(record.emailId))
      invalid.push('emailId')
    if (record.undoStatus !== 'final' && record.undoStatus !== 'pending') invalid.push('undoStatus')
    return invalid
  },
  create(record, context) {
    const email = context.account.store('Email').peek(String(record.emailId)) ?? {}
    const envelope = isJsonObject(record.envelope) ? record.envelope : envelopeFor(email, context)
    const rcptTo = Array.isArray(envelope.rcptTo) ? envelope.rcptTo.filter(isJsonObject) : []
    if (rcptTo.length === 0) throw new RecordRejectedError('noRecipients')
    const sendAt = context.runtime
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
    const blob = context.account.blobs.get(String(email.blobId))
    return {
      ...record,
      envelope,
      threadId: email.threadId,
      sendAt,
      deliveryStatus: Object.fromEntries(
        rcptTo.map((rcpt) => [
          String(rcpt.email),
          {
            smtpReply: '250 2.0.0 recorded by the test server',
            delivered: 'queued',
            displayed: 'unknown',
          },
        ]),
      ),
      dsnBlobIds: [],
      mdnBlobIds: [],
      '~raw': blob === undefined ? '' : new TextDecoder().decode(blob.data),
    }
  },
  afterChange(change, context) {
    if (change.kind !== 'created' || change.after === undefined) return
    const record = change.after
    const envelope = record.envelope as {
      mailFrom: { email: string }
      rcptTo: Array<{ email: string }>
    }
    context.runtime.outbox.push({
      accountId: context.account.id,
      submissionId: String(record.id),
      identityId: String(record.identityId),
      emailId: String(record.emailId),
      envelope: {
        mailFrom: envelope.mailFrom.email,
        rcptTo: envelope.rcptTo.map((rcpt) => rcpt.email),
      },
      raw: String(record['~raw']),
      sendAt: String(record.sendAt),
    })
  },
  createdResponse: (stored) => ({
    id: stored.id,
    threadId: stored.threadId,
    sendAt: stored.sendAt,
    undoStatus: stored.undoStatus,
  }),
  filterProperties: ['identityIds', 'emailIds', 'threadIds', 'undoStatus', 'before', 'after'],
  matches(record, condition) {
    const within = (list: unknown, value: unknown): boolean =>
      !Array.isArray(list) || list.includes(value)
    return (
      within(condition.identityIds, record.identityId) &&
      within(condition.emailIds, record.emailId) &&
      within(condition.threadIds, record.threadId) &&
      (condition.undoStatus === undefined || condition.undoStatus === record.undoStatus) &&
      (typeof condition.before !== 'string' || String(record.sendAt) < condition.before) &&
      (typeof condition.after !== 'string' || String(record.sendAt) >= condition.after)
    )
  },
  comparators: {
    emailId: compareProperty('emailId'),
    threadId: compareProperty('threadId'),
    sendAt: compareProperty('sendAt'),
    // RFC 8621 lists "sentAt" in the sort options although the property is sendAt.
    sentAt: compareProperty('sendAt'),
  },
}

function emailSubmissionSet(args: JsonObject, context: MethodContext): Array<[string, JsonObject]> {
  rejectUnknownSetArguments(emailSubmissionType, args)
  const onUpdate = readObjectMap(args, 'onSuccessUpdateEmail')
  const onDestroy = Array.isArray(args.onSuccessDestroyEmail) ? args.onSuccessDestroyEmail : null
  const { onSuccessUpdateEmail: _u, onSuccessDestroyEmail: _d, ...setArgs } = args
  const result = runSet(emailSubmissionType, setArgs, context)
  const responses: Array<[string, JsonObject]> = [['EmailSubmission/set', result]]
  if (onUpdate === null && onDestroy === null) return responses
  const store = context.account(args.accountId, submissionCapability).store('EmailSubmission')
  const succeeded = (key: string): string | undefined => {
    const id = resolveCreationId(key, context.createdIds) as string
    const isCreated =
      isJsonObject(result.created) &&
      Object.values(result.created).some((item) => isJsonObject(item) && item.id === id)
    const isUpdated = isJsonObject(result.updated) && Object.hasOwn(result.updated, id)
    return isCreated || isUpdated ? (store.peek(id)?.emailId as string | undefined) : undefined
  }
  const update: JsonObject = {}
  for (const [key, patch] of Object.entries(onUpdate ?? {})) {
    const emailId = succeeded(key)
    if (emailId !== undefined) update[emailId] = patch
  }
  const destroy = (onDestroy ?? [])
    .map((key) => succeeded(String(key)))
    .filter((id): id is string => id !== undefined)
  responses.push([
    'Email/set',
    runSet(emailType, { accountId: args.accountId, update, destroy }, context),
  ])
  return responses
}

function emailImport(args: JsonObject, context: MethodContext): Array<[string, JsonObject]> {
  rejectUnknownArguments(args, ['accountId', 'ifInState', 'emails'])
  const account = context.account(args.accountId, mailCapability)
  if (account.isReadOnly) throw new MethodError('accountReadOnly')
  const emails = readObjectMap(args, 'emails')
  if (emails === null)
    throw new MethodError('invalidArguments', '"emails" is required', { arguments: ['emails'] })
  if (Object.keys(emails).length > context.runtime.limits.maxObjectsInSet)
    throw new MethodError('requestTooLarge')
  const store = account.store('Email')
  const ifInState = readOptionalString(args, 'ifInState')
  if (ifInState !== null && ifInState !== store.state) throw new MethodError('stateMismatch')
  const oldState = store.state
  const hooks = recordContext(context, account, args)
  const created: JsonObject = {}
  const notCreated: JsonObject = {}
  for (const [cid, value] of Object.entries(emails)) {
    try {
      if (!isJsonObject(value) || typeof value.blobId !== 'string')
        throw invalidProperties(['blobId'])
      const blob = account.blobs.get(String(resolveCreationId(value.blobId, context.createdIds)))
      if (blob === undefined)
        throw new RecordRejectedError('blobNotFound', undefined, { notFound: [value.blobId] })
      const mailboxIds = isJsonObject(value.mailboxIds)
        ? Object.fromEntries(
            Object.entries(value.mailboxIds).map(([id, flag]) => [
              resolveCreationId(id, context.createdIds) as string,
              flag,
            ]),
          )
        : value.mailboxIds
      const meta = { mailboxIds, keywords: value.keywords ?? {}, receivedAt: value.receivedAt }
      const invalid = invalidEmailMetadata({ mailboxIds, keywords: meta.keywords }, hooks)
      if (invalid.length > 0) throw invalidProperties(invalid)
      const existing = store.all().find((email) => email.blobId === blob.id)
      if (existing !== undefined)
        throw new RecordRejectedError('alreadyExists', undefined, { existingId: existing.id })
      const record = emailRecordFromBytes(blob.data, meta, hooks)
      const id = context.runtime.newId('E')
      const stored: JsonObject = { ...record, id }
      store.create(id, stored)
      afterEmailChange('created', undefined, stored, hooks)
      context.createdIds.set(cid, id)
      created[cid] = { id, blobId: stored.blobId, threadId: stored.threadId, size: stored.size }
    } catch (error) {
      if (!isRecordRejectedError(error)) throw error
      notCreated[cid] = error.toJSON()
    }
  }
  return [
    [
      'Email/import',
      {
        accountId: account.id,
        oldState,
        newState: store.state,
        created: Object.keys(created).length > 0 ? created : null,
        notCreated: Object.keys(notCreated).length > 0 ? notCreated : null,
      },
    ],
  ]
}

function emailParse(args: JsonObject, context: MethodContext): Array<[string, JsonObject]> {
  rejectUnknownArguments(args, [
    'accountId',
    'blobIds',
    'properties',
    'bodyProperties',
    'fetchTextBodyValues',
    'fetchHTMLBodyValues',
    'fetchAllBodyValues',
    'maxBodyValueBytes',
  ])
  const account = context.account(args.accountId, mailCapability)
  const blobIds = readStringList(args, 'blobIds') ?? []
  const properties = readStringList(args, 'properties') ?? emailParseDefaultProperties
  checkRequestedProperties(emailType, properties)
  const hooks = recordContext(context, account, args)
  const parsed: JsonObject = {}
  const notFound: string[] = []
  for (const blobId of blobIds) {
    const blob = account.blobs.get(blobId)
    if (blob === undefined) {
      notFound.push(blobId)
      continue
    }
    // A parsed message is not stored: it has no id, mailboxes, keywords or receivedAt.
    const pseudo: JsonObject = { blobId, size: blob.data.length }
    parsed[blobId] = Object.fromEntries(
      properties.map((property) => {
        if (property === 'blobId' || property === 'size') return [property, pseudo[property]]
        if (['id', 'threadId', 'mailboxIds', 'keywords', 'receivedAt'].includes(property))
          return [property, null]
        return [property, emailType.read?.(pseudo, property, hooks) ?? null]
      }),
    )
  }
  return [
    [
      'Email/parse',
      {
        accountId: account.id,
        parsed: Object.keys(parsed).length > 0 ? parsed : null,
        notParsable: null,
        notFound: notFound.length > 0 ? notFound : null,
      },
    ],
  ]
}

function searchSnippetGet(args: JsonObject, context: MethodContext): Array<[string, JsonObject]> {
  rejectUnknownArguments(args, ['accountId', 'filter', 'emailIds'])
  const account = context.account(args.accountId, mailCapability)
  const emailIds = Array.isArray(args.emailIds) ? args.emailIds.map(String) : []
  if (emailIds.length > context.runtime.limits.maxObjectsInGet)
    throw new MethodError('requestTooLarge')
  const store = account.store('Email')
  const hooks = recordContext(context, account, args)
  const terms = isJsonObject(args.filter)
    ? [args.filter.text, args.filter.subject, args.filter.body].filter(
        (term): term is string => typeof term === 'string',
      )
    : []
  const escapeHtml = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const mark = (text: unknown): string | null => {
    if (typeof text !== 'string') return null
    let html = escapeHtml(text)
    let hit = false
    for (const term of terms) {
      const pattern = new RegExp(escapeHtml(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')
      html = html.replace(pattern, (match) => {
        hit = true
        return `<mark>${match}</mark>`
      })
    }
    return hit ? html : null
  }
  const list: JsonObject[] = []
  const notFound: string[] = []
  for (const emailId of emailIds) {
    const email = store.peek(emailId)
    if (email === undefined) {
      notFound.push(emailId)
      continue
    }
    list.push({
      emailId,
      subject: mark(emailType.read?.(email, 'subject', hooks)),
      preview: mark(emailType.read?.(email, 'preview', hooks)),
    })
  }
  return [['SearchSnippet/get', { accountId: account.id, list, notFound }]]
}

/**
 * RFC 8621 mail, submission and vacation response: Mailbox, Thread, Email
 * (with Email/import), SearchSnippet, Identity, EmailSubmission (recorded in
 * `server.outbox`, never sent) and VacationResponse.
 *
 * @see RFC 8621
 */
export const mailPlugin: TestServerPlugin = {
  name: 'mail',
  capabilities: {
    [mailCapability]: {
      session: {},
      account: {
        maxMailboxesPerEmail: null,
        maxMailboxDepth: null,
        maxSizeMailboxName: 255,
        maxSizeAttachmentsPerEmail: 50_000_000,
        emailQuerySortOptions: [
          'receivedAt',
          'size',
          'from',
          'to',
          'subject',
          'sentAt',
          'hasKeyword',
          'allInThreadHaveKeyword',
          'someInThreadHaveKeyword',
        ],
        mayCreateTopLevelMailbox: true,
      },
    },
    [submissionCapability]: {
      session: {},
      account: { maxDelayedSend: 0, submissionExtensions: {} },
    },
    [vacationResponseCapability]: { session: {}, account: {} },
  },
  dataTypes: [
    mailboxType,
    threadType,
    emailType,
    identityType,
    emailSubmissionType,
    vacationResponseType,
  ],
  methods: {
    'Email/import': { capability: mailCapability, handler: emailImport },
    'Email/parse': { capability: mailCapability, handler: emailParse },
    'SearchSnippet/get': { capability: mailCapability, handler: searchSnippetGet },
    'EmailSubmission/set': { capability: submissionCapability, handler: emailSubmissionSet },
  },
  initAccount(account) {
    account.store('VacationResponse').create('singleton', {
      id: 'singleton',
      isEnabled: false,
      fromDate: null,
      toDate: null,
      subject: null,
      textBody: null,
      htmlBody: null,
    })
  },
}
