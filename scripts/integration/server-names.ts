/**
 * Names of the real JMAP servers the integration suite runs against, and how
 * each one is described to the tests through environment variables. Kept free
 * of vitest runtime imports: the global setup and the reporter (main process)
 * use it as well as the tests (workers).
 */

/** One of the Cyrus test servers that `scripts/cyrus/start.sh` runs. */
export type ServerName = 'cyrus-3.6' | 'cyrus-3.10'

/** Every server, in the order they are started and reported. */
export const serverNames: readonly ServerName[] = ['cyrus-3.6', 'cyrus-3.10']

/** Argument of `scripts/cyrus/start.sh` and the instance folder name of each server. */
export const versionTags: Readonly<Record<ServerName, '3.6' | '3.10'>> = {
  'cyrus-3.6': '3.6',
  'cyrus-3.10': '3.10',
}

/** Prefix of the environment variables describing each server (`<prefix>_SESSION_URL`, …). */
export const envPrefixes: Readonly<Record<ServerName, string>> = {
  'cyrus-3.6': 'JMAP_CYRUS36',
  'cyrus-3.10': 'JMAP_CYRUS310',
}

/**
 * Environment variable holding why a server could not be started; set by the
 * global setup so that the tests and the summary can say why they skipped.
 */
export function unavailableVariable(name: ServerName): string {
  return `${envPrefixes[name]}_UNAVAILABLE`
}

/**
 * Title prefix of every suite bound to a server: the summary reporter counts
 * tests per server by it.
 * @example suiteTag('cyrus-3.10') // '[cyrus-3.10]'
 */
export function suiteTag(name: ServerName): string {
  return `[${name}]`
}

/** Type guard for a string naming one of the test servers. */
export function isServerName(value: string): value is ServerName {
  return (serverNames as readonly string[]).includes(value)
}
