import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { isResponseValidationError } from '../errors/response-validation-error.js'
import { validateMethodResponse } from './validate-method-response.js'

const schema = v.looseObject({ list: v.array(v.looseObject({ id: v.string() })) })

describe('validateMethodResponse', () => {
  it('returns the parsed arguments, extra members kept', () => {
    expect(
      validateMethodResponse(
        schema,
        ['Email/get', { list: [{ id: 'M1', x: 1 }], state: 's' }, 'c1'],
        { url: 'u' },
      ),
    ).toEqual({
      list: [{ id: 'M1', x: 1 }],
      state: 's',
    })
  })

  it('names the call and the path of a mismatch', () => {
    let error: unknown
    try {
      validateMethodResponse(schema, ['Email/get', { list: [{ id: 'M1' }, { id: 7 }] }, 'c1'], {
        url: 'u',
      })
    } catch (caught) {
      error = caught
    }
    expect(isResponseValidationError(error)).toBe(true)
    expect(error).toMatchObject({
      methodName: 'Email/get',
      callId: 'c1',
      path: 'arguments.list[1].id',
    })
    expect(String(error)).toContain('Email/get (call c1) at arguments.list[1].id')
  })
})
