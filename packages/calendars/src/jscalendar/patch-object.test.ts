import { describe, expect, test } from 'vitest'
import { applyPatchObject, formatJsonPointer, parseJsonPointer } from './patch-object.js'

describe('applyPatchObject', () => {
  const event = {
    title: 'a',
    alerts: { k: { action: 'display' } },
    byDay: [{ day: 'mo' }, { day: 'tu' }],
  }

  test('sets, replaces inside arrays, removes with null, and leaves the input alone', () => {
    const copy = structuredClone(event)
    expect(
      applyPatchObject(event, {
        title: 'b',
        'alerts/k/action': 'email',
        'byDay/1': { day: 'we' },
        'alerts/x': { action: 'email' },
      }),
    ).toEqual({
      title: 'b',
      alerts: { k: { action: 'email' }, x: { action: 'email' } },
      byDay: [{ day: 'mo' }, { day: 'we' }],
    })
    expect(applyPatchObject(event, { title: null })).toEqual({
      alerts: event.alerts,
      byDay: event.byDay,
    })
    expect(event).toEqual(copy)
  })

  test.each([
    ['a missing parent', { 'alerts/missing/action': 'email' }],
    ['overlapping pointers', { alerts: {}, 'alerts/k/action': 'email' }],
    ['an index past the end', { 'byDay/5': { day: 'fr' } }],
    ['null inside an array', { 'byDay/0': null }],
  ])('rejects the whole patch for %s', (_what, patch) => {
    expect(applyPatchObject(event, patch)).toBeUndefined()
  })

  test('pointers escape "~" and "/"', () => {
    expect(formatJsonPointer(['keywords', 'a/b~c'])).toBe('keywords/a~1b~0c')
    expect(parseJsonPointer('keywords/a~1b~0c')).toEqual(['keywords', 'a/b~c'])
  })
})
