/** Which endpoint a fault applies to. */
export type FaultEndpoint = 'session' | 'api' | 'upload' | 'download' | 'eventSource' | 'any'

/** Limits a fault to some endpoint and to the next N matching requests. */
export interface FaultScope {
  /** Endpoint the fault applies to (default `'any'`). */
  readonly endpoint?: FaultEndpoint
  /** Only the next N matching requests get the fault (default: every request until cleared). */
  readonly times?: number
}

/** One injected misbehaviour. */
export type Fault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'drop' }
  | {
      readonly kind: 'unavailable'
      readonly retryAfter: number | undefined
      readonly status: number
    }
  | { readonly kind: 'malformed' }

interface ActiveFault {
  readonly fault: Fault
  readonly endpoint: FaultEndpoint
  remaining: number
}

/** Removes an injected fault early. */
export interface FaultHandle {
  /** Takes the fault out before its `times` are used up; later requests are served normally. */
  remove(): void
}

/**
 * Fault mode: latency, dropped connections, 503 with `Retry-After`, and
 * malformed bodies, for testing how a client copes.
 *
 * @example server.faults.unavailable({ retryAfter: 2, times: 1 }) // next request gets 503, Retry-After: 2
 */
export interface FaultControls {
  /** Delays responses by `ms`. */
  latency(ms: number, scope?: FaultScope): FaultHandle
  /** Drops the connection: in-process `fetch` rejects with a TypeError, a listening server destroys the socket. */
  drop(scope?: FaultScope): FaultHandle
  /** Answers `503 Service Unavailable` (or `status`) with an optional `Retry-After` in seconds. */
  unavailable(
    options?: FaultScope & { readonly retryAfter?: number; readonly status?: number },
  ): FaultHandle
  /** Answers 200 with a body that is not valid JSON. */
  malformed(scope?: FaultScope): FaultHandle
  /** Removes every fault. */
  clear(): void
}

/**
 * Holds the active faults and hands out the ones that apply to each request.
 */
export class FaultInjector implements FaultControls {
  private active: ActiveFault[] = []

  latency(ms: number, scope: FaultScope = {}): FaultHandle {
    return this.add({ kind: 'latency', ms }, scope)
  }

  drop(scope: FaultScope = {}): FaultHandle {
    return this.add({ kind: 'drop' }, scope)
  }

  unavailable(
    options: FaultScope & { readonly retryAfter?: number; readonly status?: number } = {},
  ): FaultHandle {
    return this.add(
      { kind: 'unavailable', retryAfter: options.retryAfter, status: options.status ?? 503 },
      options,
    )
  }

  malformed(scope: FaultScope = {}): FaultHandle {
    return this.add({ kind: 'malformed' }, scope)
  }

  clear(): void {
    this.active = []
  }

  /** The faults for one request; each one used counts against its `times`. */
  take(endpoint: FaultEndpoint): Fault[] {
    const taken: Fault[] = []
    for (const entry of this.active) {
      if (entry.endpoint !== 'any' && entry.endpoint !== endpoint) continue
      taken.push(entry.fault)
      entry.remaining -= 1
    }
    this.active = this.active.filter((entry) => entry.remaining > 0)
    return taken
  }

  private add(fault: Fault, scope: FaultScope): FaultHandle {
    const entry: ActiveFault = {
      fault,
      endpoint: scope.endpoint ?? 'any',
      remaining: scope.times ?? Number.POSITIVE_INFINITY,
    }
    this.active.push(entry)
    return {
      remove: () => {
        this.active = this.active.filter((candidate) => candidate !== entry)
      },
    }
  }
}
