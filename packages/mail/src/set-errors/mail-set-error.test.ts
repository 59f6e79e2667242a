import type { SetError } from '@typed-jmap/core'
import { loadFixture, responseBody } from '@typed-jmap/fixtures'
import { describe, expect, it } from 'vitest'
import { isMailSetError } from './mail-set-error.js'

const errors = new Map<string, SetError>(
  responseBody(loadFixture('mail', 'edge', 'set-error-every-rfc8621-type')).methodResponses.flatMap(
    ([, args]) =>
      ['notCreated', 'notUpdated', 'notDestroyed'].flatMap((key) =>
        Object.entries((args[key] ?? {}) as Record<string, SetError>),
      ),
  ),
)

function error(id: string): SetError {
  const found = errors.get(id)
  if (found === undefined) throw new Error(`no SetError ${id} in the fixture`)
  return found
}

describe('isMailSetError', () => {
  it('narrows each RFC 8621 SetError and exposes its fields', () => {
    const blob = error('k1')
    expect(isMailSetError(blob, 'blobNotFound') && blob.notFound).toEqual([
      'Gmissing1',
      'Gmissing2',
    ])
    const recipients = error('s2')
    expect(isMailSetError(recipients, 'tooManyRecipients') && recipients.maxRecipients).toBe(100)
    const invalid = error('s4')
    expect(isMailSetError(invalid, 'invalidRecipients') && invalid.invalidRecipients).toHaveLength(
      2,
    )
    const large = error('s8')
    expect(isMailSetError(large, 'tooLarge') && large.maxSize).toBe(10485760)
    const email = error('s1')
    expect(isMailSetError(email, 'invalidEmail') && email.properties).toEqual(['from', 'to'])
    expect(isMailSetError(error('MBfull'), 'mailboxHasEmail')).toBe(true)
    expect(isMailSetError(error('ES1'), 'cannotUnsend')).toBe(true)
  })

  it('refuses another type, and the right type without its required fields', () => {
    expect(isMailSetError(error('k2'), 'tooManyMailboxes')).toBe(false)
    expect(isMailSetError({ type: 'blobNotFound' }, 'blobNotFound')).toBe(false)
    // As a server would send it: the right type, a field out of range.
    const negative = JSON.parse('{"type":"tooManyRecipients","maxRecipients":-1}') as SetError
    expect(isMailSetError(negative, 'tooManyRecipients')).toBe(false)
  })
})
