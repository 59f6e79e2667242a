import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isConfigError } from '../errors/config-error.js'
import { loadConnectionConfig } from './load-connection-config.js'

async function configFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'typed-jmap-config-'))
  const path = join(dir, 'config.json')
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const file = {
  default: 'home',
  profiles: {
    home: { sessionUrl: 'https://home.example/jmap/', username: 'me', password: 'pw' },
    work: { host: 'work.example', token: 'tok', trustedOrigins: ['https://api.work.example'] },
  },
}

describe('loadConnectionConfig', () => {
  it('reads the environment', async () => {
    const options = await loadConnectionConfig({
      env: {
        JMAP_SESSION_URL: 'http://127.0.0.1:8080/jmap/',
        JMAP_USERNAME: 'test',
        JMAP_PASSWORD: 'pw',
      },
      configPath: '/nonexistent/config.json',
    })
    expect(options).toEqual({
      sessionUrl: 'http://127.0.0.1:8080/jmap/',
      auth: { basic: { username: 'test', password: 'pw' } },
    })
    const withToken = await loadConnectionConfig({
      env: { JMAP_SESSION_URL: 'https://x/', JMAP_TOKEN: 't' },
    })
    expect(withToken.auth).toEqual({ bearer: 't' })
  })

  it('reads named profiles from the config file, default first', async () => {
    const path = await configFile(file)
    expect(await loadConnectionConfig({ env: {}, configPath: path })).toMatchObject({
      sessionUrl: 'https://home.example/jmap/',
    })
    expect(await loadConnectionConfig({ env: { JMAP_PROFILE: 'work' }, configPath: path })).toEqual(
      {
        host: 'work.example',
        auth: { bearer: 'tok' },
        trustedOrigins: ['https://api.work.example'],
      },
    )
  })

  it('finds the file under XDG_CONFIG_HOME', async () => {
    const home = await mkdtemp(join(tmpdir(), 'typed-jmap-xdg-'))
    await mkdir(join(home, 'typed-jmap'))
    await writeFile(join(home, 'typed-jmap', 'config.json'), JSON.stringify(file))
    const options = await loadConnectionConfig({ env: { XDG_CONFIG_HOME: home }, profile: 'work' })
    expect(options.host).toBe('work.example')
  })

  it('says plainly where it looked when nothing is found', async () => {
    const error = await loadConnectionConfig({ env: { HOME: '/nonexistent-home' } }).catch(
      (caught: unknown) => caught,
    )
    expect(isConfigError(error)).toBe(true)
    expect(String(error)).toMatch(/no JMAP configuration found: set JMAP_SESSION_URL/)
    expect(String(error)).toContain('/nonexistent-home/.config/typed-jmap/config.json')
  })

  it('names an unknown profile and a malformed file', async () => {
    const path = await configFile(file)
    const unknown = await loadConnectionConfig({
      env: {},
      configPath: path,
      profile: 'play',
    }).catch((caught: unknown) => caught)
    expect(String(unknown)).toMatch(/profile "play" is not in .*; it has home, work/)
    const broken = await configFile('{ not json')
    const malformed = await loadConnectionConfig({ env: {}, configPath: broken }).catch(
      (caught: unknown) => caught,
    )
    expect(isConfigError(malformed) && /not valid JSON/.test(malformed.message)).toBe(true)
  })
})
