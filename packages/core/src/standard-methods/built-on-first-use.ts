import type { ResponseSchema, ResponseSchemaFactory } from '../registry/method-runtime.js'

/**
 * A response schema factory that builds its schema when the first response of the
 * method is checked, and keeps it. A capability's method table holds a schema for
 * every method, an app calls a few, and building them all costs Node's start-up
 * (the mail table's schemas were about 4 M instructions of `import()`).
 *
 * @example 'Mailbox/set': { response: builtOnFirstUse(() => setResponseSchema(MailboxSchema)) }
 */
export function builtOnFirstUse(build: () => ResponseSchema): ResponseSchemaFactory {
  let schema: ResponseSchema | undefined
  return () => {
    schema ??= build()
    return schema
  }
}
