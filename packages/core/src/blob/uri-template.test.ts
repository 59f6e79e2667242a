import { describe, expect, it } from 'vitest'
import { expandUriTemplate } from './uri-template.js'

describe('expandUriTemplate', () => {
  const template = 'http://h/jmap/download/{accountId}/{blobId}/{name}?accept={type}'

  it("percent-encodes everything but unreserved characters, including / and !'()*", () => {
    expect(
      expandUriTemplate(template, {
        accountId: 'u1',
        blobId: 'G6a-_.~',
        name: "r (1)!*'.pdf",
        type: 'text/plain; charset=utf-8',
      }),
    ).toBe(
      'http://h/jmap/download/u1/G6a-_.~/r%20%281%29%21%2A%27.pdf?accept=text%2Fplain%3B%20charset%3Dutf-8',
    )
  })

  it('encodes non-ASCII names as UTF-8', () => {
    expect(expandUriTemplate('/{name}', { name: 'Ünïcödé €.txt' })).toBe(
      '/%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20%E2%82%AC.txt',
    )
  })

  it('refuses a template variable without a value', () => {
    expect(() => expandUriTemplate(template, { accountId: 'u1' })).toThrow(/\{blobId\}/)
  })
})
