import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { SearchSnippetSchema } from './search-snippet.js'

describe('SearchSnippetSchema', () => {
  it('parses the RFC 8621 §5.2 snippets, null subject and preview included', () => {
    const args = responseBody(loadFixture('mail', 'rfc8621', '5.2-search-snippet-get'))
      .methodResponses[0]?.[1]
    const { list } = v.parse(v.object({ list: v.array(SearchSnippetSchema) }), args)
    expect(list[0]).toMatchObject({ subject: null, preview: null })
    expect(list[1]?.subject).toContain('<mark>Foo</mark>')
  })

  it('rejects a snippet without emailId', () => {
    expect(v.safeParse(SearchSnippetSchema, { subject: 'x' }).success).toBe(false)
  })
})
