import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { MethodRuntime } from '@typed-jmap/core'
import { validateWithSchema } from '@typed-jmap/core/internal'
import { describe, expect, it } from 'vitest'
import { mailCapabilities } from './mail-capabilities.js'

// Exchanges recorded from Cyrus 3.6 and 3.10 (converted from fixtures/transcripts/cyrus-*/):
// what real servers send, explicit nulls and pre-RFC shapes included.
const recordings = fileURLToPath(new URL('../../test/recordings/', import.meta.url))

type Invocation = [string, Record<string, unknown>, string]

interface Recording {
  readonly exchanges: readonly {
    readonly request: { readonly methodCalls: readonly Invocation[] }
    readonly response: { readonly methodResponses: readonly Invocation[] }
  }[]
}

const runtimes = new Map<string, MethodRuntime>(
  mailCapabilities.flatMap((table) => Object.entries(table.methods)),
)

const files = readdirSync(recordings).flatMap((server) =>
  readdirSync(`${recordings}${server}`).map((file) => `${server}/${file}`),
)

describe('mail runtime tables on Cyrus recordings', () => {
  it('has recordings of both servers', () => {
    expect(files.filter((file) => file.startsWith('cyrus-3.6/')).length).toBeGreaterThan(10)
    expect(files.filter((file) => file.startsWith('cyrus-3.10/')).length).toBeGreaterThan(10)
  })

  it.each(files)('%s validates', (file) => {
    const recording = JSON.parse(readFileSync(`${recordings}${file}`, 'utf8')) as Recording
    let checked = 0
    for (const { request, response } of recording.exchanges) {
      const argsByCallId = new Map(request.methodCalls.map(([, args, callId]) => [callId, args]))
      for (const [name, args, callId] of response.methodResponses) {
        const runtime = runtimes.get(name)
        if (runtime === undefined) continue
        const schema =
          typeof runtime.response === 'function'
            ? runtime.response(argsByCallId.get(callId) ?? {})
            : runtime.response
        const result = validateWithSchema(schema, args)
        expect(result.ok ? undefined : [name, result.path, result.message]).toBe(undefined)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
