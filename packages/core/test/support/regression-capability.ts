import {
  type CapabilityDefinition,
  defineCapability,
  type GetMethod,
  getResponseSchema,
  type Id,
  IdSchema,
  type PatchObject,
  type QueryMethod,
  queryResponseSchema,
  type SetMethod,
  setResponseSchema,
  type UTCDate,
} from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * A capability shaped after the builder defects the mail, calendars and tasks
 * packages reported: a Folder with an Id-keyed map and a required `name` on
 * create (Mailbox), an Outbox/set with `onSuccessUpdateFolder`
 * (EmailSubmission/set), a Receipt/send keyed by creation ids in `send`
 * (MDN/send), and an Event/query whose arguments are a union (CalendarEvent/query).
 */
export const regressionUrn = 'urn:example:regression'
/** An extension that owns no methods but adds properties to Folder. */
export const folderColorsUrn = 'urn:example:regression:colors'

export interface Folder {
  readonly id: Id
  readonly name: string
  readonly parentId: Id | null
  readonly memberIds: Record<Id, true>
  readonly flags: Record<string, true>
  readonly settings: { readonly color: string | null } | null
}

export interface FolderCreate {
  readonly name: string
  readonly parentId?: Id | null
  readonly memberIds?: Record<Id, true>
  readonly flags?: Record<string, true>
}

export interface FolderFilterCondition {
  readonly name?: string
}

export interface Outbox {
  readonly id: Id
  readonly folderId: Id
}

export interface OutboxArguments {
  readonly onSuccessUpdateFolder?: Readonly<Record<Id, PatchObject<Folder>>> | null
  readonly onSuccessDestroyFolder?: readonly Id[] | null
}

export interface ReceiptSendArguments {
  readonly accountId: string
  readonly send: { readonly [creationId: string]: { readonly forFolderId: Id } }
  readonly onSuccessUpdateFolder?: Readonly<Record<Id, PatchObject<Folder>>> | null
}

export interface ReceiptSendMethod {
  readonly capability: typeof regressionUrn
  readonly args: ReceiptSendArguments
  readonly response: { readonly accountId: Id; readonly sent: Record<string, object> | null }
  readonly '~args': unknown
  readonly '~creationArguments': 'send'
}

export interface EventFilterCondition {
  readonly after?: UTCDate
  readonly before?: UTCDate
  readonly title?: string
}

/** Not discriminated by a literal on both sides: `expand` is optional in one member. */
export type EventQueryExtraArguments =
  | { readonly expand?: false }
  | {
      readonly expand: true
      readonly filter: {
        readonly after: UTCDate
        readonly before: UTCDate
        readonly title?: string
      }
    }

/** Discriminated by `kind`. */
export type EventSearchArguments =
  | { readonly accountId: string; readonly kind: 'text'; readonly text: string }
  | {
      readonly accountId: string
      readonly kind: 'range'
      readonly after: UTCDate
      readonly before: UTCDate
    }

export interface FolderGetMethod extends GetMethod<typeof regressionUrn, Folder> {}
export interface FolderSetMethod extends SetMethod<typeof regressionUrn, Folder, FolderCreate> {}
export interface OutboxSetMethod
  extends SetMethod<
    typeof regressionUrn,
    Outbox,
    Omit<Outbox, 'id'>,
    Pick<Outbox, 'id'>,
    OutboxArguments
  > {
  readonly '~ownCreationReferences': 'onSuccessUpdateFolder' | 'onSuccessDestroyFolder'
}
export interface EventQueryMethod
  extends QueryMethod<
    typeof regressionUrn,
    EventFilterCondition,
    'title',
    EventQueryExtraArguments
  > {}
export interface EventSearchMethod {
  readonly capability: typeof regressionUrn
  readonly args: EventSearchArguments
  readonly response: { readonly ids: Id[] }
  readonly '~args': unknown
}

export interface RegressionMethods {
  'Folder/get': FolderGetMethod
  'Folder/set': FolderSetMethod
  'Outbox/set': OutboxSetMethod
  'Receipt/send': ReceiptSendMethod
  'Event/query': EventQueryMethod
  'Event/search': EventSearchMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends RegressionMethods {}
}

const FolderSchema: v.GenericSchema<unknown, Folder> = v.looseObject({
  id: IdSchema,
  name: v.string(),
  parentId: v.nullable(IdSchema),
  memberIds: v.record(v.string(), v.literal(true)),
  flags: v.record(v.string(), v.literal(true)),
  settings: v.nullable(v.looseObject({ color: v.nullable(v.string()) })),
})

export const regression: CapabilityDefinition<typeof regressionUrn, RegressionMethods> =
  defineCapability<typeof regressionUrn, RegressionMethods>({
    urn: regressionUrn,
    methods: {
      'Folder/get': { response: getResponseSchema(FolderSchema) },
      'Folder/set': { response: setResponseSchema(FolderSchema) },
      'Outbox/set': {
        response: setResponseSchema(),
        ownCreationReferences: ['onSuccessUpdateFolder', 'onSuccessDestroyFolder'],
      },
      'Receipt/send': {
        response: v.looseObject({
          accountId: IdSchema,
          sent: v.nullable(v.record(v.string(), v.looseObject({}))),
        }),
        creates: ['send'],
      },
      'Event/query': { response: queryResponseSchema() },
      'Event/search': { response: v.looseObject({ ids: v.array(IdSchema) }) },
    },
  })

/** The table of the extension: no methods, sent in `using` with every call of the regression URN. */
export const folderColors: CapabilityDefinition<typeof folderColorsUrn, {}> = defineCapability<
  typeof folderColorsUrn,
  {}
>({ urn: folderColorsUrn, methods: {}, extends: [regressionUrn] })
