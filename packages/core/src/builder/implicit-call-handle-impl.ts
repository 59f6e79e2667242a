/** The runtime form of a handle for an implicit response. */
export class ImplicitCallHandleImpl {
  readonly callId: string
  readonly method: string

  constructor(callId: string, method: string) {
    this.callId = callId
    this.method = method
    Object.freeze(this)
  }
}
