import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jscalendarIdNamespace, uuidV5 } from './uuid-v5.js'

// The outside oracle: RFC 9562 §5.5 computed with node:crypto's SHA-1 over the namespace's bytes
// and the name's UTF-8.
function oracle(name: string): string {
  const namespace = Buffer.from(jscalendarIdNamespace.replaceAll('-', ''), 'hex')
  const hash = createHash('sha1')
    .update(Buffer.concat([namespace, Buffer.from(name, 'utf8')]))
    .digest()
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

describe('uuidV5', () => {
  it('gives the documented id', () => {
    expect(uuidV5('mailto:foo@example.com')).toBe('59eb121c-e8f2-558a-9049-ef750a5976bd')
  })

  it('agrees with node:crypto on names of every length around the block boundaries', () => {
    // 16 namespace bytes + name: padding spills into a second block from 40 bytes of name on.
    for (let length = 0; length <= 140; length++) {
      const name = 'x'.repeat(length)
      expect(uuidV5(name), `length ${length}`).toBe(oracle(name))
    }
  })

  it('agrees with node:crypto on any text, multi-byte and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (name) => {
        expect(uuidV5(name)).toBe(oracle(name))
      }),
      { numRuns: 500 },
    )
  })

  it('hashes a lone surrogate as U+FFFD, as UTF-8 encoders do', () => {
    expect(uuidV5('a\ud800b')).toBe(oracle('a\ufffdb'))
    expect(uuidV5('a\udc00')).toBe(oracle('a\ufffd'))
  })

  it('hashes a long name after a short one with nothing of the short one left over', () => {
    const long = 'é'.repeat(400)
    expect(uuidV5(long)).toBe(oracle(long))
    expect(uuidV5('short')).toBe(oracle('short'))
  })
})
