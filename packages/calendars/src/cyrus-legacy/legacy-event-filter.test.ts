import { describe, expect, it } from 'vitest'
import { toCyrusEventFilter, toLegacyEventFilter } from './legacy-event-filter.js'

describe('toLegacyEventFilter', () => {
  it('sends UTC bounds and an inCalendars list', () => {
    expect(
      toLegacyEventFilter(
        {
          after: '2030-01-01T00:00:00',
          before: '2030-02-01T00:00:00',
          inCalendar: 'Default',
          text: 'x',
        },
        'Etc/UTC',
      ),
    ).toEqual({
      after: '2030-01-01T00:00:00Z',
      before: '2030-02-01T00:00:00Z',
      inCalendars: ['Default'],
      text: 'x',
    })
  })

  it('reads the bounds in the query time zone', () => {
    expect(toLegacyEventFilter({ after: '2030-01-15T09:00:00' }, 'Europe/Berlin')).toEqual({
      after: '2030-01-15T08:00:00Z',
    })
  })

  it('translates every condition under an operator', () => {
    expect(
      toLegacyEventFilter(
        { operator: 'OR', conditions: [{ inCalendar: 'A' }, { before: '2030-01-01T00:00:00' }] },
        'Etc/UTC',
      ),
    ).toEqual({
      operator: 'OR',
      conditions: [{ inCalendars: ['A'] }, { before: '2030-01-01T00:00:00Z' }],
    })
  })
})

describe('toCyrusEventFilter', () => {
  it('only renames the calendar condition, in every operand', () => {
    expect(
      toCyrusEventFilter({
        operator: 'AND',
        conditions: [{ inCalendar: 'Default', after: '2030-01-01T00:00:00' }, { uid: 'x' }],
      }),
    ).toEqual({
      operator: 'AND',
      conditions: [{ inCalendars: ['Default'], after: '2030-01-01T00:00:00' }, { uid: 'x' }],
    })
  })
})
