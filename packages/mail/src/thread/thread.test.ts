import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ThreadSchema } from './thread.js'

describe('ThreadSchema', () => {
  it('parses the RFC 8621 §3.1.1 threads', () => {
    const args = responseBody(loadFixture('mail', 'rfc8621', '3.1.1-thread-get'))
      .methodResponses[0]?.[1]
    const { list } = v.parse(v.object({ list: v.array(ThreadSchema) }), args)
    expect(list.map((thread) => thread.emailIds.length)).toEqual([2, 1])
  })

  it('rejects an empty email id', () => {
    expect(v.safeParse(ThreadSchema, { id: 'T1', emailIds: [''] }).success).toBe(false)
  })
})
