import { describe, expect, it } from 'vitest'
import { decodeLegacyEventId, encodeLegacyEventId } from './legacy-event-id.js'

describe('legacy event ids', () => {
  it('keeps ids that are valid JMAP Ids', () => {
    expect(encodeLegacyEventId('gg1py6fs3mobc4166o02tbae')).toBe('gg1py6fs3mobc4166o02tbae')
    expect(decodeLegacyEventId('gg1py6fs3mobc4166o02tbae')).toBe('gg1py6fs3mobc4166o02tbae')
  })

  it('encodes uid-ids with characters JMAP forbids, reversibly', () => {
    const id = 'legacy-sync@typed-jmap.test'
    const encoded = encodeLegacyEventId(id)
    expect(encoded).toMatch(/^x--[A-Za-z0-9_-]+$/)
    expect(decodeLegacyEventId(encoded)).toBe(id)
  })

  it('encodes an id that already looks encoded, so decoding is never ambiguous', () => {
    const encoded = encodeLegacyEventId('x--abc')
    expect(encoded).not.toBe('x--abc')
    expect(decodeLegacyEventId(encoded)).toBe('x--abc')
  })

  it('round-trips non-ASCII uids', () => {
    const id = 'räumung;2031-03-04T10:00:00'
    expect(decodeLegacyEventId(encodeLegacyEventId(id))).toBe(id)
  })
})
