import type * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import type { Event } from './event.js'
import type { EventSchema, TaskSchema } from './event-task-schemas.js'
import type { Group, JSCalendarObject } from './group.js'
import type { Task } from './task.js'

describe('JSCalendar model types', () => {
  test('schemas validate exactly the interfaces', () => {
    expectTypeOf<v.InferOutput<typeof EventSchema>>().toEqualTypeOf<Event>()
    expectTypeOf<v.InferOutput<typeof TaskSchema>>().toEqualTypeOf<Task>()
  })

  test('the @type discriminates the top-level objects', () => {
    const narrow = (object: JSCalendarObject) =>
      object['@type'] === 'Group' ? object.entries : object.uid
    expectTypeOf(narrow).returns.toEqualTypeOf<Array<Event | Task> | string>()
  })

  test('vendor properties are allowed, misspelt standard ones are not', () => {
    const event: Event = { '@type': 'Event', uid: 'x', 'example.com:rating': 5 }
    expectTypeOf(event['example.com:rating']).toBeUnknown()
    // @ts-expect-error: "titel" is neither a JSCalendar property nor a vendor (domain:name) one
    const misspelt: Event = { '@type': 'Event', uid: 'x', titel: 'typo' }
    // @ts-expect-error: a Group needs its entries
    const empty: Group = { '@type': 'Group' }
    // @ts-expect-error: an Event needs a uid
    const anonymous: Event = { '@type': 'Event' }
    expectTypeOf([misspelt, empty, anonymous]).not.toBeNever()
  })
})
