import { type CreationId, creationIdReference } from '../creation-id/creation-id.js'
import { ResultReferenceValue } from '../result-reference/result-reference-argument.js'
import { ImplicitCallHandleImpl } from './implicit-call-handle-impl.js'
import { RequestBuildError } from './request-build-error.js'

/** The runtime form of a call handle; `owner` is the request builder that made it. */
export class CallHandleImpl {
  readonly callId: string
  readonly method: string
  readonly #owner: object
  readonly #creates: ReadonlySet<string>

  constructor(owner: object, callId: string, method: string, creates: Set<string>) {
    this.#owner = owner
    this.callId = callId
    this.method = method
    this.#creates = creates
  }

  ref(path: string): ResultReferenceValue {
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      throw new RequestBuildError(
        `result path ${JSON.stringify(path)} is not a JSON Pointer`,
        this.callId,
      )
    }
    return new ResultReferenceValue(this.#owner, this.callId, this.method, path)
  }

  created(creationId: string): CreationId {
    if (!this.#creates.has(creationId)) {
      throw new RequestBuildError(
        `${this.method} call ${this.callId} creates no '${creationId}'`,
        this.callId,
      )
    }
    return creationIdReference(creationId)
  }

  implicit(method: string): ImplicitCallHandleImpl {
    return new ImplicitCallHandleImpl(this.callId, method)
  }
}
