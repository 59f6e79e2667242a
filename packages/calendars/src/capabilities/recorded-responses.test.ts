import type { MethodRuntime, ResponseValidator } from '@typed-jmap/core'
import { validateWithSchema } from '@typed-jmap/core/internal'
import { listFixtures } from '@typed-jmap/fixtures'
import { describe, expect, it } from 'vitest'
import { fromLegacyResponse } from '../cyrus-legacy/legacy-invocation.js'
import { calendarsParse } from './calendars-parse-registry.js'
import { calendarsPreferences } from './calendars-preferences-registry.js'
import { calendars } from './calendars-registry.js'
import { principalsAvailability } from './principals-availability-registry.js'
import { principals } from './principals-registry.js'

const runtimes: Readonly<Record<string, MethodRuntime>> = {
  ...calendars.methods,
  ...calendarsPreferences.methods,
  ...calendarsParse.methods,
  ...principals.methods,
  ...principalsAvailability.methods,
}

type Invocation = [string, Record<string, unknown>, string]

interface RecordedCall {
  readonly fixture: string
  readonly name: string
  readonly args: Record<string, unknown>
  readonly response: Record<string, unknown>
}

/** Every method call of the recorded calendar exchanges with the response it got. */
function recordedCalls(): RecordedCall[] {
  const calls: RecordedCall[] = []
  for (const entry of listFixtures({ area: 'calendars' })) {
    const request = entry.fixture.request?.body as { methodCalls?: Invocation[] } | undefined
    const response = entry.fixture.response?.body as { methodResponses?: Invocation[] } | undefined
    for (const [name, args, callId] of request?.methodCalls ?? []) {
      const answer = response?.methodResponses?.find(([, , id]) => id === callId)
      if (answer === undefined || answer[0] !== name) continue
      // Cyrus 3.6 answers in its legacy namespace; the dialect translates ids before validation.
      const legacy = entry.source === 'cyrus-3.6'
      calls.push({
        fixture: entry.id,
        name,
        args,
        response: legacy ? fromLegacyResponse(name, answer[1]) : answer[1],
      })
    }
  }
  return calls
}

function schemaFor(name: string, args: Record<string, unknown>): ResponseValidator {
  const runtime = runtimes[name]
  if (runtime === undefined) throw new Error(`no runtime entry for ${name}`)
  return typeof runtime.response === 'function' ? runtime.response(args) : runtime.response
}

describe('recorded Cyrus calendar responses', () => {
  const calls = recordedCalls().filter((call) => call.name in runtimes)

  it('covers the recorded exchanges of both servers', () => {
    expect(calls.some((call) => call.fixture.includes('cyrus-3.10'))).toBe(true)
    expect(calls.some((call) => call.fixture.includes('cyrus-3.6'))).toBe(true)
  })

  it.each(calls.map((call) => [`${call.fixture} ${call.name}`, call] as const))(
    '%s passes its response schema',
    (_title, call) => {
      const result = validateWithSchema(schemaFor(call.name, call.args), call.response)
      expect(result.ok ? undefined : `${result.path}: ${result.message}`).toBe(undefined)
    },
  )
})
