import { LimitError } from '../errors/limit-error.js'
import { RequestProblemError } from '../errors/request-problem-error.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import { SessionError } from '../errors/session-error.js'
import { TransportError } from '../errors/transport-error.js'
import { createConcurrencyGate } from '../limits/concurrency-gate.js'
import { validateWithSchema } from '../registry/validate-with-schema.js'
import { coreLimits } from '../session/session.js'
import { parseJsonSafely } from '../transport/parse-json.js'
import { readProblemDetails } from '../transport/problem-details.js'
import { readJsonBody } from '../transport/read-json-body.js'
import { isRetrySafe } from '../transport/retry-safety.js'
import { validateResponseEnvelope } from './response-envelope.js'

// Why the on-demand code is handed these rather than importing them: a bundler
// (esbuild; Rollup does not) puts every module imported both by the code a page
// loads first and by a lazily imported chunk into a third chunk, which the page
// then fetches and decompresses on its own. Measured with `pnpm bench:size`:
// that split cost core + Core/echo about 880 B min+gzip and the README mail
// request about 760 B. The on-demand modules import these only as types.

/**
 * What the on-demand blob and push code (`./on-demand.ts`) uses of the code every
 * request loads: the error classes it throws (the same classes, so `instanceof`
 * holds) and the transport's readers and checks. The connection passes it in the
 * context of `uploadBlob`, `downloadBlob`, `openEventSource` and `openJmapWebSocket`.
 *
 * @example uploadBlob({ kit: onDemandKit, transport, session, gate, maxResponseBytes }, 'u1', bytes)
 */
export interface OnDemandKit {
  readonly LimitError: typeof LimitError
  readonly RequestProblemError: typeof RequestProblemError
  readonly ResponseValidationError: typeof ResponseValidationError
  readonly SessionError: typeof SessionError
  readonly TransportError: typeof TransportError
  readonly coreLimits: typeof coreLimits
  readonly createConcurrencyGate: typeof createConcurrencyGate
  readonly isRetrySafe: typeof isRetrySafe
  readonly parseJsonSafely: typeof parseJsonSafely
  readonly readJsonBody: typeof readJsonBody
  readonly readProblemDetails: typeof readProblemDetails
  readonly validateResponseEnvelope: typeof validateResponseEnvelope
  readonly validateWithSchema: typeof validateWithSchema
}

/**
 * The {@link OnDemandKit} the connection hands to the on-demand code.
 *
 * @example openEventSource({ kit: onDemandKit, transport, session, validate: true })
 */
export const onDemandKit: OnDemandKit = {
  LimitError,
  RequestProblemError,
  ResponseValidationError,
  SessionError,
  TransportError,
  coreLimits,
  createConcurrencyGate,
  isRetrySafe,
  parseJsonSafely,
  readJsonBody,
  readProblemDetails,
  validateResponseEnvelope,
  validateWithSchema,
}
