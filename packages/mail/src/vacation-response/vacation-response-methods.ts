import type { GetMethod, SetMethod } from '@typed-jmap/core'
import type { vacationResponseCapability } from '../capabilities/capability-urns.js'
import type { VacationResponse } from './vacation-response.js'

/**
 * `VacationResponse/get`: the singleton (`ids: null` or `["singleton"]`).
 *
 * @see RFC 8621 §8.1
 */
export interface VacationResponseGetMethod
  extends GetMethod<typeof vacationResponseCapability, VacationResponse> {}

/**
 * `VacationResponse/set`: update only; creating or destroying gives a `singleton` SetError.
 *
 * @see RFC 8621 §8.2
 */
export interface VacationResponseSetMethod
  extends SetMethod<typeof vacationResponseCapability, VacationResponse, never, never> {}
