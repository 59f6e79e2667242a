import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { principalGetAvailabilityResponseSchema } from './principal-get-availability-response-schema.js'

describe('principalGetAvailabilityResponseSchema', () => {
  it('reads busy periods and normalises their event detail', () => {
    // Principal/getAvailability on Cyrus 3.10.2, abridged
    // (fixtures/transcripts/cyrus-3.10/28-principals-identities-notifications.txt).
    const response = v.parse(principalGetAvailabilityResponseSchema, {
      list: [
        {
          utcStart: '2030-01-15T08:00:00Z',
          utcEnd: '2030-01-15T09:00:00Z',
          busyStatus: 'confirmed',
          event: {
            '@type': 'Event',
            uid: 'jayisg73fcz44jy4x96aiey9',
            title: 'Weekly SDK sync',
            relatedTo: null,
            replyTo: { imip: 'mailto:test@localhost' },
          },
        },
      ],
      accountId: 'test',
    }) as { list: { event?: Record<string, unknown> | null }[] }
    expect(response.list[0]?.event).toEqual({
      '@type': 'Event',
      uid: 'jayisg73fcz44jy4x96aiey9',
      title: 'Weekly SDK sync',
      organizerCalendarAddress: 'mailto:test@localhost',
    })
  })

  it('rejects a busy period with a local time', () => {
    const result = v.safeParse(principalGetAvailabilityResponseSchema, {
      list: [{ utcStart: '2030-01-15T08:00:00', utcEnd: '2030-01-15T09:00:00Z' }],
    })
    expect(result.success).toBe(false)
  })
})
