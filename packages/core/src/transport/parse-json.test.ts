import { describe, expect, it } from 'vitest'
import { parseJsonSafely } from './parse-json.js'

describe('parseJsonSafely', () => {
  it('drops __proto__ members so a later merge cannot pollute Object.prototype', () => {
    const parsed = parseJsonSafely(
      '{"a":1,"__proto__":{"polluted":true},"b":{"__proto__":{"x":1}}}',
    )
    expect(parsed).toEqual({ a: 1, b: {} })
    const merged = Object.assign({}, parsed as object)
    const deep = { ...(parsed as { b: object }).b }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(deep)).toBe(Object.prototype)
  })

  it('drops __proto__ written with unicode escapes', () => {
    expect(parseJsonSafely('{"\\u005f_proto__":{"y":1},"ok":true}')).toEqual({ ok: true })
  })

  it('drops constructor.prototype but keeps a plain "constructor" member', () => {
    expect(parseJsonSafely('{"constructor":{"prototype":{"z":1}},"k":2}')).toEqual({ k: 2 })
    expect(parseJsonSafely('{"list":{"constructor":"an id"}}')).toEqual({
      list: { constructor: 'an id' },
    })
  })

  it('throws SyntaxError on malformed JSON', () => {
    expect(() => parseJsonSafely('{"methodResponses": [')).toThrow(SyntaxError)
  })

  it('cleans a body nested 100,000 deep without overflowing the stack', () => {
    const depth = 100_000
    const text = `${'['.repeat(depth)}{"__proto__":{"x":1},"\\u0061":1}${']'.repeat(depth)}`
    let value = parseJsonSafely(text)
    for (let level = 0; level < depth; level++) value = (value as unknown[])[0]
    expect(value).toEqual({ a: 1 })
  })
})
