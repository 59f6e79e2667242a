import {
  type CapabilityDefinition,
  type ChangesMethod,
  type CopyMethod,
  changesResponseSchema,
  copyResponseSchema,
  defineCapability,
  type GetMethod,
  getResponseSchema,
  type Id,
  IdSchema,
  type QueryChangesMethod,
  type QueryMethod,
  queryChangesResponseSchema,
  queryResponseSchema,
  type SetMethod,
  setResponseSchema,
  type UTCDate,
  UTCDateSchema,
} from '@typed-jmap/core'
import * as v from 'valibot'

/**
 * The test capability: the `Todo` type RFC 8620 §5.7 uses in its examples,
 * plus a `TodoList` grouping todos (as Thread groups Emails). Registered under
 * the core URN so the RFC example requests (`using: [core]`) come out exactly.
 */
export const todoUrn = 'urn:ietf:params:jmap:core'

/** RFC 8620 §5.7's Todo, plus optional members the tests use for deeper paths. */
export interface Todo {
  readonly id: Id
  readonly title: string
  readonly keywords: Record<string, true>
  readonly neuralNetworkTimeEstimation: number
  readonly subTodoIds?: Id[] | null
  readonly listId?: Id
  readonly due?: UTCDate | null
  readonly assignee?: { readonly name: string; readonly email: string | null } | null
}

export interface TodoList {
  readonly id: Id
  readonly name: string
  readonly todoIds: Id[]
}

export interface TodoFilterCondition {
  readonly hasKeyword?: string
  readonly title?: string
  readonly listId?: Id
}

export interface TodoGetMethod extends GetMethod<typeof todoUrn, Todo> {}
export interface TodoChangesMethod extends ChangesMethod<typeof todoUrn> {}
export interface TodoSetMethod extends SetMethod<typeof todoUrn, Todo> {}
export interface TodoCopyMethod extends CopyMethod<typeof todoUrn, Todo> {}
export interface TodoQueryMethod
  extends QueryMethod<
    typeof todoUrn,
    TodoFilterCondition,
    'title' | 'due' | 'neuralNetworkTimeEstimation'
  > {}
export interface TodoQueryChangesMethod
  extends QueryChangesMethod<
    typeof todoUrn,
    TodoFilterCondition,
    'title' | 'due' | 'neuralNetworkTimeEstimation'
  > {}
export interface TodoListGetMethod extends GetMethod<typeof todoUrn, TodoList> {}

export interface TodoMethods {
  'Todo/get': TodoGetMethod
  'Todo/changes': TodoChangesMethod
  'Todo/set': TodoSetMethod
  'Todo/copy': TodoCopyMethod
  'Todo/query': TodoQueryMethod
  'Todo/queryChanges': TodoQueryChangesMethod
  'TodoList/get': TodoListGetMethod
}

declare module '@typed-jmap/core' {
  interface Methods extends TodoMethods {}
}

export const TodoSchema: v.GenericSchema<unknown, Todo> = v.looseObject({
  id: IdSchema,
  title: v.string(),
  keywords: v.record(v.string(), v.literal(true)),
  neuralNetworkTimeEstimation: v.number(),
  subTodoIds: v.exactOptional(v.nullable(v.array(IdSchema))),
  listId: v.exactOptional(IdSchema),
  due: v.exactOptional(v.nullable(UTCDateSchema)),
  assignee: v.exactOptional(
    v.nullable(v.looseObject({ name: v.string(), email: v.nullable(v.string()) })),
  ),
})

export const TodoListSchema: v.GenericSchema<unknown, TodoList> = v.looseObject({
  id: IdSchema,
  name: v.string(),
  todoIds: v.array(IdSchema),
})

export const todo: CapabilityDefinition<typeof todoUrn, TodoMethods> = defineCapability<
  typeof todoUrn,
  TodoMethods
>({
  urn: todoUrn,
  methods: {
    'Todo/get': { response: getResponseSchema(TodoSchema) },
    'Todo/changes': { response: changesResponseSchema() },
    'Todo/set': { response: setResponseSchema(TodoSchema) },
    'Todo/copy': { response: copyResponseSchema(TodoSchema) },
    'Todo/query': { response: queryResponseSchema() },
    'Todo/queryChanges': { response: queryChangesResponseSchema() },
    'TodoList/get': { response: getResponseSchema(TodoListSchema) },
  },
})
