import { describe, expect, it } from 'vitest'
import { TypeStore } from './type-store.js'

function store(maxLog = 100): TypeStore {
  return new TypeStore('Foo', maxLog, () => undefined)
}

describe('TypeStore change log (RFC 8620 §5.2)', () => {
  it('changes the state on every change and keeps it otherwise', () => {
    const foo = store()
    const initial = foo.state
    foo.create('a', { id: 'a' })
    expect(foo.state).not.toBe(initial)
    expect(foo.state).toBe(foo.state)
  })

  it('reports created+updated as created, updated+destroyed as destroyed, created+destroyed not at all', () => {
    const foo = store()
    foo.create('kept', { id: 'kept' })
    const since = foo.parseState(foo.state) as number
    foo.create('a', { id: 'a' })
    foo.update('a', { id: 'a', x: 1 })
    foo.update('kept', { id: 'kept', x: 1 })
    foo.destroy('kept')
    foo.create('gone', { id: 'gone' })
    foo.destroy('gone')
    expect(foo.changesSince(since, null)).toMatchObject({
      created: ['a'],
      updated: [],
      destroyed: ['kept'],
      hasMoreChanges: false,
      newState: foo.state,
    })
  })

  it('stops at an intermediate state so no more than maxChanges ids come back', () => {
    const foo = store()
    const since = foo.parseState(foo.state) as number
    for (const id of ['a', 'b', 'c']) foo.create(id, { id })
    foo.update('a', { id: 'a', x: 1 })
    const first = foo.changesSince(since, 2)
    expect(first).toMatchObject({ created: ['a', 'b'], hasMoreChanges: true })
    const second = foo.changesSince(foo.parseState(first.newState) as number, 2)
    expect(second).toMatchObject({
      created: ['c'],
      updated: ['a'],
      hasMoreChanges: false,
      newState: foo.state,
    })
  })

  it('forgets states older than the log (so /changes must answer cannotCalculateChanges)', () => {
    const foo = store(2)
    const initial = foo.state
    foo.create('a', { id: 'a' })
    const afterFirst = foo.state
    for (const id of ['b', 'c']) foo.create(id, { id })
    expect(foo.parseState(initial)).toBeUndefined()
    expect(foo.changesSince(foo.parseState(afterFirst) as number, null).created).toEqual(['b', 'c'])
    foo.trimChangeLog()
    expect(foo.parseState(afterFirst)).toBeUndefined()
    expect(foo.parseState(foo.state)).toBeDefined()
  })

  it('rejects state strings it never issued', () => {
    const foo = store()
    expect(foo.parseState('garbage')).toBeUndefined()
    expect(foo.parseState('99')).toBeUndefined()
    expect(foo.parseState(5)).toBeUndefined()
  })

  it('reports updatedProperties only when every update touched just those properties', () => {
    const foo = store()
    foo.create('m', { id: 'm' })
    const since = foo.parseState(foo.state) as number
    foo.touch('m', ['totalEmails'])
    expect(foo.changesSince(since, null).updatedProperties).toEqual(['totalEmails'])
    foo.update('m', { id: 'm', name: 'x' })
    expect(foo.changesSince(since, null).updatedProperties).toBeNull()
  })
})
