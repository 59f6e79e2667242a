import type { ResultReference } from '../protocol/request.js'

/**
 * A result reference given as an argument value: `found.ref('/ids')`. The
 * builder sends it as `"#ids": { resultOf, name, path }`. Its phantom members
 * carry the request it belongs to and the type of the value it points at, so
 * the compiler can check it against the argument.
 *
 * @see RFC 8620 §3.7
 * @example { "resultOf": "c0", "name": "Email/query", "path": "/ids" }
 */
export interface ResultReferenceArgument<
  out TScope,
  out TValue,
  out TMethod extends string = string,
  out TPath extends string = string,
> extends ResultReference {
  readonly name: TMethod
  readonly path: TPath
  /** Phantom: the request the referenced call belongs to. */
  readonly '~scope': TScope
  /** Phantom: the type of the value the path selects. */
  readonly '~value': TValue
}

/** Any result reference argument, for checks. */
export interface AnyResultReferenceArgument extends ResultReference {
  readonly '~scope': unknown
  readonly '~value': unknown
}

/** The runtime form of a {@link ResultReferenceArgument}; `owner` is the request that made it. */
export class ResultReferenceValue implements ResultReference {
  readonly resultOf: string
  readonly name: string
  readonly path: string
  /** The request builder the referenced call belongs to. */
  readonly owner: object

  constructor(owner: object, resultOf: string, name: string, path: string) {
    this.owner = owner
    this.resultOf = resultOf
    this.name = name
    this.path = path
    Object.freeze(this)
  }

  /** The wire form, without the owner. */
  toJSON(): ResultReference {
    return { resultOf: this.resultOf, name: this.name, path: this.path }
  }
}
