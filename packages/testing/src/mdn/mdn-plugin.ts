import { isJsonObject, type JsonObject } from '../json.js'
import { parsedEmail } from '../mail/email-store.js'
import { emailType } from '../mail/email-type.js'
import { asAddresses } from '../mail/header-forms.js'
import { mailCapability } from '../mail/mail-capabilities.js'
import {
  lastHeader,
  type MimePart,
  parseHeaderBlock,
  parseMessage,
  partText,
} from '../mail/rfc5322-message.js'
import { resolveCreationId } from '../methods/creation-id.js'
import {
  readObjectMap,
  readString,
  readStringList,
  rejectUnknownArguments,
} from '../methods/method-arguments.js'
import { recordContext } from '../methods/record-context.js'
import { runSet } from '../methods/standard/standard-set.js'
import { MethodError } from '../protocol/method-error.js'
import { invalidProperties, RecordRejectedError } from '../protocol/record-rejected-error.js'
import type { MethodContext, TestServerPlugin } from '../server/server-runtime.js'

/** The JMAP MDN capability URN. */
export const mdnCapability = 'urn:ietf:params:jmap:mdn'

const dispositionValues = {
  actionMode: ['manual-action', 'automatic-action'],
  sendingMode: ['mdn-sent-manually', 'mdn-sent-automatically'],
  type: ['deleted', 'dispatched', 'displayed', 'processed'],
} as const

/** Whether a client-given Disposition object has the three RFC 9007 members with allowed values. */
function isDisposition(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    Object.entries(dispositionValues).every(([key, allowed]) =>
      (allowed as readonly unknown[]).includes(value[key]),
    )
  )
}

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n')

/**
 * The multipart/report an MDN/send writes (RFC 8098 §3): a human-readable part, the
 * message/disposition-notification part and, when asked, the original message.
 */
function mdnMessage(options: {
  readonly from: string
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly fields: readonly string[]
  readonly original: string | undefined
  readonly messageId: string
  readonly date: Date
}): string {
  const boundary = `=_mdn_${options.messageId}`
  const parts = [
    `Content-Type: text/plain; charset=utf-8\r\n\r\n${crlf(options.text)}\r\n`,
    `Content-Type: message/disposition-notification\r\n\r\n${options.fields.join('\r\n')}\r\n`,
    ...(options.original === undefined
      ? []
      : [`Content-Type: message/rfc822\r\n\r\n${crlf(options.original)}\r\n`]),
  ]
  return [
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: ${options.subject}`,
    `Date: ${options.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${options.messageId}@jmap.test>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"`,
    '',
    ...parts.map((part) => `--${boundary}\r\n${part}`),
    `--${boundary}--`,
    '',
  ].join('\r\n')
}

/**
 * MDN/send: builds the MDN for each entry, records it in `server.outbox` (never sent), and
 * runs the required `onSuccessUpdateEmail` (which must set `$mdnsent`) as an implicit Email/set.
 *
 * @see RFC 9007 §3.1
 */
function mdnSend(args: JsonObject, context: MethodContext): Array<[string, JsonObject]> {
  rejectUnknownArguments(args, ['accountId', 'identityId', 'send', 'onSuccessUpdateEmail'])
  const account = context.account(args.accountId, mdnCapability)
  const hooks = recordContext(context, account, args)
  const identity = account.store('Identity').peek(readString(args, 'identityId'))
  if (identity === undefined) {
    throw new MethodError('invalidArguments', 'no Identity with that identityId', {
      arguments: ['identityId'],
    })
  }
  const send = readObjectMap(args, 'send') ?? {}
  const onUpdate = readObjectMap(args, 'onSuccessUpdateEmail') ?? {}
  const updates = new Map(
    Object.entries(onUpdate).map(([id, patch]) => [
      String(resolveCreationId(id, context.createdIds)),
      patch,
    ]),
  )
  const emails = account.store('Email')
  const sent: JsonObject = {}
  const notSent: JsonObject = {}
  const update: JsonObject = {}
  for (const [creationId, mdn] of Object.entries(send)) {
    try {
      if (!isJsonObject(mdn)) throw invalidProperties([], 'an MDN must be an object')
      const emailId = String(resolveCreationId(String(mdn.forEmailId), context.createdIds))
      const email = emails.peek(emailId)
      if (email === undefined) throw new RecordRejectedError('notFound', 'no such Email')
      const parsed = parsedEmail(email, hooks)
      const notifyTo = asAddresses(lastHeader(parsed.headers, 'Disposition-Notification-To') ?? '')
      if (notifyTo.length === 0) {
        throw new RecordRejectedError('notFound', 'the Email asks for no MDN')
      }
      if (isJsonObject(email.keywords) && email.keywords.$mdnsent === true) {
        throw new RecordRejectedError('mdnAlreadySent', '$mdnsent keyword is already present')
      }
      if (!isDisposition(mdn.disposition)) throw invalidProperties(['disposition'])
      // "the server MUST reject an MDN/send which does not result in setting the keyword".
      const patch = updates.get(emailId)
      if (
        !isJsonObject(patch) ||
        !(
          patch['keywords/$mdnsent'] === true ||
          (isJsonObject(patch.keywords) && patch.keywords.$mdnsent === true)
        )
      ) {
        throw invalidProperties([], 'onSuccessUpdateEmail must set $mdnsent on the Email')
      }
      const disposition = mdn.disposition as Record<keyof typeof dispositionValues, string>
      const finalRecipient =
        typeof mdn.finalRecipient === 'string'
          ? mdn.finalRecipient
          : `rfc822; ${String(identity.email)}`
      const originalMessageId = lastHeader(parsed.headers, 'Message-ID')?.trim() ?? null
      const originalRecipient = lastHeader(parsed.headers, 'Original-Recipient')?.trim() ?? null
      const fields = [
        ...(typeof mdn.reportingUA === 'string' ? [`Reporting-UA: ${mdn.reportingUA}`] : []),
        ...(originalRecipient === null ? [] : [`Original-Recipient: ${originalRecipient}`]),
        `Final-Recipient: ${finalRecipient}`,
        ...(originalMessageId === null ? [] : [`Original-Message-ID: ${originalMessageId}`]),
        `Disposition: ${disposition.actionMode}/${disposition.sendingMode}; ${disposition.type}`,
        ...Object.entries(isJsonObject(mdn.extensionFields) ? mdn.extensionFields : {}).map(
          ([name, value]) => `${name}: ${String(value)}`,
        ),
      ]
      const id = context.runtime.newId('M')
      const raw = mdnMessage({
        from: String(identity.email),
        to: notifyTo.map((address) => address.email).join(', '),
        subject:
          typeof mdn.subject === 'string'
            ? mdn.subject
            : `Disposition notification: ${disposition.type}`,
        text:
          typeof mdn.textBody === 'string' ? mdn.textBody : `The message was ${disposition.type}.`,
        fields,
        original:
          mdn.includeOriginalMessage === true
            ? new TextDecoder().decode(account.blobs.get(String(email.blobId))?.data)
            : undefined,
        messageId: id,
        date: context.runtime.now(),
      })
      context.runtime.outbox.push({
        accountId: account.id,
        submissionId: id,
        identityId: String(identity.id),
        emailId,
        envelope: {
          mailFrom: String(identity.email),
          rcptTo: notifyTo.map((address) => address.email),
        },
        raw,
        sendAt: context.runtime
          .now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
      })
      update[emailId] = patch
      sent[creationId] = {
        finalRecipient,
        originalMessageId,
        originalRecipient,
        includeOriginalMessage: mdn.includeOriginalMessage === true,
        mdnGateway: null,
        error: null,
      }
    } catch (error) {
      if (!(error instanceof RecordRejectedError)) throw error
      notSent[creationId] = error.toJSON()
    }
  }
  const responses: Array<[string, JsonObject]> = [
    [
      'MDN/send',
      {
        accountId: account.id,
        sent: Object.keys(sent).length > 0 ? sent : null,
        notSent: Object.keys(notSent).length > 0 ? notSent : null,
      },
    ],
  ]
  if (Object.keys(update).length > 0) {
    responses.push(['Email/set', runSet(emailType, { accountId: account.id, update }, context)])
  }
  return responses
}

/** The `name: value` fields of a message/disposition-notification part, names lowercased. */
function reportFields(part: MimePart): Map<string, string> {
  return new Map(
    parseHeaderBlock(partText(part).replace(/\r?\n/g, '\r\n').trim()).map((field) => [
      field.name.toLowerCase(),
      field.value.replace(/\r\n\s*/g, ' ').trim(),
    ]),
  )
}

/** Every leaf part of a MIME tree, depth first. */
function leaves(part: MimePart): MimePart[] {
  return part.subParts === null ? [part] : part.subParts.flatMap(leaves)
}

/**
 * MDN/parse: reads the disposition-notification part of each blob (RFC 8098 §3.2) into an MDN
 * object, with `forEmailId` found by the original Message-ID when exactly one Email has it.
 *
 * @see RFC 9007 §3.2
 */
function mdnParse(args: JsonObject, context: MethodContext): Array<[string, JsonObject]> {
  rejectUnknownArguments(args, ['accountId', 'blobIds'])
  const account = context.account(args.accountId, mdnCapability)
  const hooks = recordContext(context, account, args)
  const blobIds = readStringList(args, 'blobIds') ?? []
  if (blobIds.length > context.runtime.limits.maxObjectsInGet)
    throw new MethodError('requestTooLarge')
  const parsed: JsonObject = {}
  const notParsable: string[] = []
  const notFound: string[] = []
  for (const blobId of blobIds) {
    const blob = account.blobs.get(blobId)
    if (blob === undefined) {
      notFound.push(blobId)
      continue
    }
    const message = parseMessage(new TextDecoder().decode(blob.data))
    const parts = leaves(message.root)
    const report = parts.find((part) => part.type === 'message/disposition-notification')
    const fields = report === undefined ? undefined : reportFields(report)
    const match = /^\s*([\w-]+)\/([\w-]+)\s*;\s*([\w-]+)/.exec(fields?.get('disposition') ?? '')
    if (fields === undefined || match === null) {
      notParsable.push(blobId)
      continue
    }
    const [, actionMode = '', sendingMode = '', type = ''] = match
    const originalMessageId = fields.get('original-message-id') ?? null
    const sameMessageId = account
      .store('Email')
      .all()
      .filter(
        (email) =>
          originalMessageId !== null &&
          lastHeader(parsedEmail(email, hooks).headers, 'Message-ID')?.trim() === originalMessageId,
      )
    const text = parts.find((part) => part.type === 'text/plain')
    const known = new Set([
      'reporting-ua',
      'mdn-gateway',
      'original-recipient',
      'final-recipient',
      'original-message-id',
      'disposition',
      'error',
    ])
    const extensions = [...fields].filter(([name]) => !known.has(name))
    parsed[blobId] = {
      forEmailId: sameMessageId.length === 1 ? sameMessageId[0]?.id : null,
      subject: lastHeader(message.headers, 'Subject')?.trim() ?? null,
      textBody: text === undefined ? null : partText(text).replace(/\r\n$/, ''),
      includeOriginalMessage: parts.some(
        (part) => part.type === 'message/rfc822' || part.type === 'text/rfc822-headers',
      ),
      reportingUA: fields.get('reporting-ua') ?? null,
      // "MUST be converted to lowercase by MDN/parse".
      disposition: {
        actionMode: actionMode.toLowerCase(),
        sendingMode: sendingMode.toLowerCase(),
        type: type.toLowerCase(),
      },
      mdnGateway: fields.get('mdn-gateway') ?? null,
      originalRecipient: fields.get('original-recipient') ?? null,
      finalRecipient: fields.get('final-recipient') ?? null,
      originalMessageId,
      error: fields.has('error') ? [fields.get('error')] : null,
      extensionFields: extensions.length > 0 ? Object.fromEntries(extensions) : null,
    }
  }
  return [
    [
      'MDN/parse',
      {
        accountId: account.id,
        parsed: Object.keys(parsed).length > 0 ? parsed : null,
        notParsable: notParsable.length > 0 ? notParsable : null,
        notFound: notFound.length > 0 ? notFound : null,
      },
    ],
  ]
}

/**
 * Message Disposition Notifications over JMAP (RFC 9007): MDN/send (recorded in
 * `server.outbox` like EmailSubmission, never sent) and MDN/parse. Both need `using` to hold
 * the mail capability as well.
 *
 * @see RFC 9007
 */
export const mdnPlugin: TestServerPlugin = {
  name: 'mdn',
  capabilities: { [mdnCapability]: { session: {}, account: {} } },
  methods: {
    'MDN/send': { capability: mdnCapability, handler: requiresMail(mdnSend) },
    'MDN/parse': { capability: mdnCapability, handler: requiresMail(mdnParse) },
  },
}

/** RFC 9007 §3.1: "the using property … MUST contain … urn:ietf:params:jmap:mail" as well. */
function requiresMail(
  handler: (args: JsonObject, context: MethodContext) => Array<[string, JsonObject]>,
): (args: JsonObject, context: MethodContext) => Array<[string, JsonObject]> {
  return (args, context) => {
    if (!context.using.has(mailCapability)) throw new MethodError('unknownMethod')
    return handler(args, context)
  }
}
