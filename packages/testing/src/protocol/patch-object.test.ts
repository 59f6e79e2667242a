import { describe, expect, it } from 'vitest'
import { applyPatchObject } from './patch-object.js'
import { isRecordRejectedError } from './record-rejected-error.js'

function rejection(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return isRecordRejectedError(error) ? error.type : 'other'
  }
  return undefined
}

describe('applyPatchObject (RFC 8620 §5.3)', () => {
  const email = {
    keywords: { $seen: true },
    mailboxIds: { Mb1: true },
    alerts: [{ offset: 'PT5M' }],
  }

  it('sets and removes nested members with an implicit leading slash', () => {
    expect(
      applyPatchObject(email, {
        'mailboxIds/Mb1': null,
        'mailboxIds/Mb2': true,
        'keywords/$flagged': true,
      }),
    ).toEqual({
      keywords: { $seen: true, $flagged: true },
      mailboxIds: { Mb2: true },
      alerts: [{ offset: 'PT5M' }],
    })
  })

  it('does not change the original record', () => {
    applyPatchObject(email, { 'keywords/$seen': null })
    expect(email.keywords).toEqual({ $seen: true })
  })

  it('unescapes ~1 in keys, so a key may contain a slash', () => {
    expect(applyPatchObject({ map: {} }, { 'map/a~1b': 1 })).toEqual({ map: { 'a/b': 1 } })
  })

  it('treats null on a top-level property as its default when there is one', () => {
    expect(
      applyPatchObject({ keywords: { a: true } }, { keywords: null }, (p) =>
        p === 'keywords' ? {} : undefined,
      ),
    ).toEqual({ keywords: {} })
    expect(applyPatchObject({ name: 'x' }, { name: null })).toEqual({})
  })

  it('removing a missing member is a no-op', () => {
    expect(applyPatchObject({ keywords: {} }, { 'keywords/$seen': null })).toEqual({ keywords: {} })
  })

  it('rejects a pointer into an array', () => {
    expect(rejection(() => applyPatchObject(email, { 'alerts/0/offset': 'PT1M' }))).toBe(
      'invalidPatch',
    )
    expect(rejection(() => applyPatchObject(email, { 'alerts/0': {} }))).toBe('invalidPatch')
  })

  it('rejects a pointer whose parent does not exist', () => {
    expect(rejection(() => applyPatchObject(email, { 'nope/x': 1 }))).toBe('invalidPatch')
  })

  it('rejects a key that is the prefix of another key', () => {
    expect(rejection(() => applyPatchObject(email, { keywords: {}, 'keywords/$seen': true }))).toBe(
      'invalidPatch',
    )
  })

  it('accepts a whole object as a patch', () => {
    expect(applyPatchObject(email, { ...email, keywords: {} })).toEqual({ ...email, keywords: {} })
  })
})
