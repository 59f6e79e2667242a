import type { AnyCallHandle } from '../builder/call-handle.js'
import type { BuildRequest, JmapClient } from './create-client.js'

/**
 * A call handle as the helpers see it: the method name is only known at run
 * time, so the compiler's per-call checks are done by the helpers' own
 * signatures instead.
 */
export interface DynamicCallHandle extends AnyCallHandle {
  ref(path: string): unknown
}

/** The request builder with method names and arguments left open. */
export interface DynamicRequestBuilder {
  call(
    method: string,
    args: Readonly<Record<string, unknown>>,
    options?: { readonly callId?: string },
  ): DynamicCallHandle
}

/**
 * The client as the typed helpers drive it: their signatures check method
 * names and arguments against the registry, so inside they build calls by a
 * name held in a variable, which the builder's own types cannot follow.
 */
export function dynamicClient(client: object): JmapClient<string> {
  return client as JmapClient<string>
}

/** Wraps a builder callback written against {@link DynamicRequestBuilder}. */
export function dynamicBuild<TResult>(
  build: (builder: DynamicRequestBuilder) => TResult,
): BuildRequest<string, TResult> {
  return (builder) => build(builder as unknown as DynamicRequestBuilder)
}
