// The web client in real headless Chromium (Debian's, installed by
// scripts/browser/install-chromium.sh), against the in-memory server on
// another origin: what a person sees, and a push arriving without a reload.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebClientDemo, type WebClientDemo } from '../server/demo-server.js'

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

let demo: WebClientDemo
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  demo = await startWebClientDemo()
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumFlags,
  })
  page = await browser.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  await page.goto(demo.url)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

describe('web client in Chromium', () => {
  it('lists the mailboxes, with the Inbox unread count', async () => {
    const mailboxes = page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('listitem')
    await expect.poll(() => mailboxes.allTextContents()).toEqual(['Inbox (1)', 'Archive', 'Sent'])
  })

  it('shows the Inbox newest first, unread messages marked', async () => {
    const messages = page.getByRole('region', { name: 'Messages' }).getByRole('listitem')
    await expect
      .poll(() => messages.allTextContents())
      .toEqual(['Quarterly report draft — Carol', 'Lunch on Thursday? — Bob'])
    expect(await messages.nth(0).getAttribute('class')).toBe('unread')
    expect(await messages.nth(1).getAttribute('class')).toBeNull()
  })

  it('opens a message in the reading pane and marks it read', async () => {
    await page.getByText('Quarterly report draft — Carol').click()
    const pane = page.getByRole('article', { name: 'Reading pane' })
    await expect.poll(() => pane.textContent()).toContain('Comments by Friday, please.')
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Mailboxes' })
          .getByRole('listitem')
          .first()
          .textContent(),
      )
      .toBe('Inbox')
  })

  it("shows this week's events", async () => {
    const week = page.getByRole('complementary', { name: 'This week' }).getByRole('listitem')
    await expect
      .poll(() => week.allTextContents())
      .toEqual([
        expect.stringContaining('09:00 Team stand-up'),
        expect.stringContaining('14:00 Design review'),
      ])
  })

  it('shows a new message pushed over the WebSocket, without reloading', async () => {
    await expect.poll(() => page.getByRole('status').textContent()).toBe('live (WebSocket push)')
    await page.evaluate(() => {
      ;(window as unknown as { stayedLoaded: boolean }).stayedLoaded = true
    })
    demo.server.seed.email({
      mailboxIds: [demo.inbox],
      from: 'Dave <dave@example.com>',
      subject: 'Pushed while you watched',
      text: 'Hello from the server.',
    })
    const messages = page.getByRole('region', { name: 'Messages' }).getByRole('listitem')
    await expect
      .poll(() => messages.first().textContent(), { timeout: 10_000 })
      .toBe('Pushed while you watched — Dave')
    expect(await messages.first().getAttribute('class')).toBe('unread')
    expect(
      await page.evaluate(() => (window as unknown as { stayedLoaded?: boolean }).stayedLoaded),
    ).toBe(true)
    mkdirSync(artifacts, { recursive: true })
    await page.screenshot({ path: `${artifacts}web-client.png`, fullPage: true })
    expect(pageErrors).toEqual([])
  })
})
