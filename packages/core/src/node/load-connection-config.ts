import { readFile } from 'node:fs/promises'
import type { AuthOptions } from '../auth/auth-options.js'
import type { ConnectionOptions } from '../connection/connection.js'
import { ConfigError } from '../errors/config-error.js'

/**
 * One named profile in the config file.
 *
 * @example { "sessionUrl": "https://jmap.example/jmap/", "username": "me", "password": "…" }
 */
export interface ConfigProfile {
  readonly sessionUrl?: string
  readonly host?: string
  readonly username?: string
  readonly password?: string
  readonly token?: string
  readonly trustedOrigins?: readonly string[]
  readonly timeout?: number
}

/**
 * The config file: named profiles and the one used when none is asked for.
 *
 * @example { "default": "work", "profiles": { "work": { "host": "jmap.example", "token": "…" } } }
 */
export interface ConfigFile {
  readonly default?: string
  readonly profiles: Readonly<Record<string, ConfigProfile>>
}

/**
 * Where to look for settings.
 *
 * @example { profile: 'work' }
 */
export interface LoadConfigOptions {
  /** A profile of the config file; default `JMAP_PROFILE`, then the file's `default`. */
  readonly profile?: string
  /** The environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The config file; default `JMAP_CONFIG`, else `$XDG_CONFIG_HOME/typed-jmap/config.json`, else `~/.config/typed-jmap/config.json`. */
  readonly configPath?: string
}

function authFrom(
  profile: ConfigProfile,
  where: string,
  searched: readonly string[],
): AuthOptions | undefined {
  if (profile.token !== undefined) return { bearer: profile.token }
  if (profile.username !== undefined && profile.password !== undefined) {
    return { basic: { username: profile.username, password: profile.password } }
  }
  if (profile.username !== undefined || profile.password !== undefined) {
    throw new ConfigError(
      `${where}: a username needs a password (or give a token instead)`,
      searched,
    )
  }
  return undefined
}

function optionsFrom(
  profile: ConfigProfile,
  where: string,
  searched: readonly string[],
): ConnectionOptions {
  if (profile.sessionUrl === undefined && profile.host === undefined) {
    throw new ConfigError(`${where}: needs sessionUrl or host`, searched)
  }
  const auth = authFrom(profile, where, searched)
  return {
    ...(profile.sessionUrl === undefined ? {} : { sessionUrl: profile.sessionUrl }),
    ...(profile.host === undefined ? {} : { host: profile.host }),
    ...(auth === undefined ? {} : { auth }),
    ...(profile.trustedOrigins === undefined ? {} : { trustedOrigins: profile.trustedOrigins }),
    ...(profile.timeout === undefined ? {} : { timeout: profile.timeout }),
  }
}

function defaultConfigPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.JMAP_CONFIG) return env.JMAP_CONFIG
  if (env.XDG_CONFIG_HOME) return `${env.XDG_CONFIG_HOME}/typed-jmap/config.json`
  const home = env.HOME ?? env.USERPROFILE
  return home ? `${home}/.config/typed-jmap/config.json` : undefined
}

async function readConfigFile(
  path: string,
  searched: readonly string[],
): Promise<ConfigFile | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined
    throw new ConfigError(`cannot read ${path}`, searched, { cause: error })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON`, searched, { cause: error })
  }
  const profiles = (parsed as { profiles?: unknown } | null)?.profiles
  if (typeof profiles !== 'object' || profiles === null || Array.isArray(profiles)) {
    throw new ConfigError(`${path} needs a "profiles" object`, searched)
  }
  return parsed as ConfigFile
}

/**
 * Finds connection settings, in this order: the profile asked for (option or
 * `JMAP_PROFILE`) in the config file; the environment (`JMAP_SESSION_URL`,
 * `JMAP_USERNAME` + `JMAP_PASSWORD` or `JMAP_TOKEN`); the config file's default
 * profile. Says plainly where it looked when nothing is found.
 *
 * @example const connection = createConnection(await loadConnectionConfig({ profile: 'work' }))
 */
export async function loadConnectionConfig(
  options: LoadConfigOptions = {},
): Promise<ConnectionOptions> {
  const env = options.env ?? (typeof process === 'undefined' ? {} : process.env)
  const path = options.configPath ?? defaultConfigPath(env)
  const searched = ['environment (JMAP_SESSION_URL)', ...(path === undefined ? [] : [path])]
  const wanted = options.profile ?? env.JMAP_PROFILE
  if (wanted === undefined && env.JMAP_SESSION_URL) {
    return optionsFrom(
      {
        sessionUrl: env.JMAP_SESSION_URL,
        ...(env.JMAP_USERNAME === undefined ? {} : { username: env.JMAP_USERNAME }),
        ...(env.JMAP_PASSWORD === undefined ? {} : { password: env.JMAP_PASSWORD }),
        ...(env.JMAP_TOKEN === undefined ? {} : { token: env.JMAP_TOKEN }),
      },
      'environment',
      searched,
    )
  }
  const file = path === undefined ? undefined : await readConfigFile(path, searched)
  if (file === undefined) {
    throw new ConfigError(
      `no JMAP configuration found: set JMAP_SESSION_URL (with JMAP_USERNAME and JMAP_PASSWORD, or JMAP_TOKEN), or create ${path ?? '~/.config/typed-jmap/config.json'} with {"profiles": {"name": {"sessionUrl": "…"}}}`,
      searched,
    )
  }
  const name =
    wanted ??
    file.default ??
    (Object.keys(file.profiles).length === 1 ? Object.keys(file.profiles)[0] : undefined)
  if (name === undefined) {
    throw new ConfigError(
      `${path} has several profiles and no "default"; choose one of ${Object.keys(file.profiles).join(', ')}`,
      searched,
    )
  }
  const profile = Object.hasOwn(file.profiles, name) ? file.profiles[name] : undefined
  if (profile === undefined) {
    throw new ConfigError(
      `profile "${name}" is not in ${path}; it has ${Object.keys(file.profiles).join(', ') || 'no profiles'}`,
      searched,
    )
  }
  return optionsFrom(profile, `profile "${name}" in ${path}`, searched)
}
