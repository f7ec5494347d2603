import {rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {DEFAULT_REVIEW_RULES, reviewCausesAt} from '@/lib/feedback/needs-review'
import {TERM_QUERY} from '@/sanity/queries'

import {startContentLake, type ContentLake} from './support/content-lake'
import {rawRequest, setCookie} from './support/http'
import {fakeSanityApi} from './support/sanity-api'
import {freshFixtureCopy, sanityFixtureEnv} from './support/sanity-fixture'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'
import {webhookHeaders} from './support/webhook'

const READ_TOKEN = 'e2e-read-token'
const WEBHOOK_SECRET = 'e2e-webhook-secret'
const PREVIEW_SECRET = 'e2e-preview-secret'
const ADMIN_TOKEN = 'e2e-feedback-admin-token'

/**
 * The site built in Sanity mode (`npm run build:sanity-fixture`), served by `next start` and
 * reading a local Content Lake stand-in that runs the real GROQ over the embedded dataset. The
 * tests run in order: they share one server, its cache and the stand-in's content.
 */
test.describe('the site in Sanity mode, against a Content Lake stand-in', () => {
  let published: SanityDocument[]
  let lake: ContentLake
  let server: RunningServer
  // Its own empty feedback database: no votes, so only review dates flag a term.
  const feedbackDir = path.join(os.tmpdir(), `e2e-sanity-feedback-${process.pid}`)
  const url = (pathname: string) => `${server.url}${pathname}`
  const h1 = (html: string) => html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1]

  const withBacklink = (changes: Partial<SanityDocument>) =>
    published.map((doc) => (doc._id === 'term-backlink' ? {...doc, ...changes} : doc))

  async function publishWebhook(change: Record<string, unknown>) {
    const body = JSON.stringify(change)
    return rawRequest(url('/api/revalidate'), {
      method: 'POST',
      headers: await webhookHeaders(body, WEBHOOK_SECRET),
      body,
    })
  }

  test.beforeAll(async () => {
    test.setTimeout(90_000)
    published = await readDataset(path.join(root, 'sanity/seed/dataset.ndjson'))
    const backlink = published.find((doc) => doc._id === 'term-backlink')!
    lake = await startContentLake({
      documents: [
        ...published,
        {...backlink, _id: 'drafts.term-backlink', title: 'Backlink (draft)'},
        // What the Presentation tool writes before it opens the preview with this secret.
        {
          _id: 'sanity-preview-url-secret.e2e',
          _type: 'sanity.previewUrlSecret',
          _updatedAt: new Date().toISOString(),
          secret: PREVIEW_SECRET,
          studioUrl: 'http://127.0.0.1/studio',
        },
      ],
    })
    server = await startNextServer(0, {
      ...sanityFixtureEnv(lake.url, freshFixtureCopy()),
      SANITY_API_READ_TOKEN: READ_TOKEN,
      SANITY_REVALIDATE_SECRET: WEBHOOK_SECRET,
      FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN,
      FEEDBACK_DATA_DIR: feedbackDir,
    })
  })

  test.afterAll(async () => {
    await server?.stop()
    await lake?.stop()
    rmSync(feedbackDir, {recursive: true, force: true})
  })

  test('gives visitors published content, read with the published perspective', async () => {
    const prerendered = await rawRequest(url('/glossary/backlink'))
    expect(prerendered.status).toBe(200)
    expect(h1(prerendered.body)).toBe('Backlink')

    // An alias is not prerendered: it is rendered now, from the stand-in.
    const before = lake.received.length
    const alias = await rawRequest(url('/glossary/inbound-link'))
    expect(alias.status).toBe(308)
    expect(alias.headers.location).toBe('/glossary/backlink')
    const queries = lake.received.slice(before)
    expect(queries.some((q) => q.query === TERM_QUERY && q.params.slug === 'inbound-link')).toBe(true)
    expect(queries.map((q) => q.perspective)).toEqual(queries.map(() => 'published'))
  })

  test('gives editors a Studio to find terms, see their reading time and what uses them', async ({
    page: firstPage,
    context,
  }) => {
    // A long journey through the Studio, and slower still while the trace records each step.
    test.setTimeout(120_000)
    const consoleErrors: string[] = []
    context.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))
    let page = firstPage
    await fakeSanityApi(page, {lake, origin: server.url})
    const link = (name: string | RegExp) => page.getByRole('link', {name, exact: typeof name === 'string'})

    await page.goto(url('/studio/structure'))
    for (const name of ['Terms', 'Guides', 'Authors', 'Categories']) await link(name).waitFor()

    await link('Terms').click()
    await link('Needs review').click()
    // The flags need readers' votes, which are private: the pane asks for the admin token first.
    await page.getByLabel('Admin token, to see readers’ feedback').fill(ADMIN_TOKEN)
    await page.getByRole('button', {name: 'Show feedback'}).click()
    const terms = published
      .filter((doc) => doc._type === 'term')
      .sort((a, b) => String(a.updated).localeCompare(String(b.updated)))
    const noVotes = {currentRevision: {yes: 0, no: 0}, incorrectReports: 0}
    const reviewCauses = reviewCausesAt(DEFAULT_REVIEW_RULES, new Date())
    const stale = terms.filter(
      (doc) => reviewCauses({...noVotes, updated: (doc.updated as string) ?? null}).length > 0,
    )
    await expect(page.getByRole('heading', {name: `Needs review (${stale.length})`})).toBeVisible()
    for (const doc of stale) await expect(link(doc.title as string)).toBeVisible()
    await expect(link(terms.at(-1)!.title as string)).toHaveCount(0)

    await link('By difficulty').click()
    await link('Advanced').click()
    const advanced = published.filter((doc) => doc.difficulty === 'advanced')
    await link(new RegExp(`^${advanced[0].title}`)).waitFor()
    await expect(link(/Advanced · /)).toHaveCount(advanced.length)
    await expect(link(/(Beginner|Intermediate) · /)).toHaveCount(0)

    await link('By category').click()
    await link(/^Links & Authority/).click()
    // The term preview: title, then difficulty and short definition.
    const backlink = link(/^Backlink/)
    await expect(backlink).toHaveText(/\nBeginner · A link on another website/, {useInnerText: true})

    await backlink.click()
    const sitePage = await rawRequest(url('/glossary/backlink'))
    const minutes = sitePage.body.match(/(\d+)(?:<!-- -->)? min read/)![1]
    await page.getByText(`Reading time: ${minutes} min, as the page will show it.`).waitFor()

    await page.getByRole('tab', {name: 'Used by'}).click()
    const usedBy = page.getByRole('region', {name: 'Used by'}).getByRole('link')
    await usedBy.first().waitFor()
    const referencing = published.filter(
      (doc) =>
        ['term', 'guide'].includes(doc._type) && JSON.stringify(doc).includes('"_ref":"term-backlink"'),
    )
    // The view queries again whenever its listener reconnects (the stand-in's stream ends at
    // once), so the list may be empty for a moment: wait for it to settle on the full count.
    await expect(usedBy).toHaveCount(referencing.length, {timeout: 10_000})
    await usedBy.filter({hasText: 'Link Building'}).first().click()
    await page.waitForURL(/term-link-building/)

    // "Create" in a category's list starts a term already filed under that category; the editor
    // opens the list's address in a new tab. (Reloading the first tab instead would let the
    // Studio's presence code write to its closed socket while the old document waits to unload,
    // an error of the Studio's own that a slow machine sees in the console.)
    page = await context.newPage()
    await fakeSanityApi(page, {lake, origin: server.url})
    await page.goto(url('/studio/structure/terms;byCategory;category-links-authority'))
    await link('Term in category').click()
    await page.getByText('Reading time: 1 min, as the page will show it.').waitFor()
    await page.locator('form').first().getByText('Links & Authority', {exact: true}).waitFor()
    await expect(page.locator('form').first()).toHaveText(/\nCategory\nLinks & Authority\n/, {
      useInnerText: true,
    })

    expect(consoleErrors).toEqual([])
  })

  test('turns draft mode on only for a valid preview secret, and then shows the draft', async ({
    page,
    context,
  }) => {
    const wrong = await rawRequest(url('/api/draft-mode/enable?sanity-preview-secret=guessed'))
    expect(wrong.status).toBe(401)
    expect(setCookie(wrong, '__prerender_bypass')).toBeUndefined()

    const enabled = await rawRequest(
      url(
        `/api/draft-mode/enable?sanity-preview-secret=${PREVIEW_SECRET}&sanity-preview-pathname=/glossary/backlink`,
      ),
    )
    expect(enabled.status).toBe(307)
    expect(enabled.headers.location).toBe('/glossary/backlink')
    const bypass = setCookie(enabled, '__prerender_bypass')
    expect(bypass).toBeDefined()

    const before = lake.received.length
    const draft = await rawRequest(url('/glossary/backlink'), {headers: {cookie: bypass!}})
    expect(draft.status).toBe(200)
    expect(h1(draft.body)).toBe('Backlink (draft)')
    const draftQuery = lake.received.slice(before).find((q) => q.query === TERM_QUERY)
    expect(draftQuery).toMatchObject({perspective: 'drafts', authorization: `Bearer ${READ_TOKEN}`})

    // Everyone else still gets the published page.
    expect(h1((await rawRequest(url('/glossary/backlink'))).body)).toBe('Backlink')

    // And in the browser, with the banner that leads out of preview.
    const [name, value] = bypass!.split('=')
    await context.addCookies([{name, value, url: server.url}])
    await page.goto(url('/glossary/backlink'))
    await expect(page.locator('h1')).toHaveText('Backlink (draft)')
    const banner = page.getByRole('status').filter({hasText: 'Preview: you are seeing drafts.'})
    await banner.waitFor()
    await banner.getByRole('link', {name: 'Leave preview'}).click()
    await page.waitForURL(url('/glossary/backlink'))
    await expect(page.locator('h1')).toHaveText('Backlink')
  })

  test('leaves draft mode for a page on this site only, however the address is disguised', async () => {
    const leave = (target: string) =>
      rawRequest(url(`/api/draft-mode/disable?redirect=${target}`)).then((answer) => [
        target,
        answer.status,
        answer.headers.location,
      ])
    expect(await leave('/glossary/backlink%23intro')).toEqual([
      '/glossary/backlink%23intro',
      307,
      '/glossary/backlink#intro',
    ])
    for (const target of [
      '/%09/evil.example',
      '//evil.example',
      '/%5Cevil.example',
      '/%0A/evil.example',
      'https://evil.example',
    ]) {
      expect(await leave(target)).toEqual([target, 307, '/'])
    }
  })

  test('shows a publish within seconds of the webhook, on the page and on the pages that show it', async () => {
    test.setTimeout(30_000)
    const before = published.find((doc) => doc._id === 'term-backlink')!
    lake.setDocuments(withBacklink({title: 'Backlink, revised'}))
    const response = await publishWebhook({
      _id: 'term-backlink',
      _type: 'term',
      before,
      after: {...before, title: 'Backlink, revised'},
    })
    expect(response.status).toBe(200)
    const {revalidated} = JSON.parse(response.body) as {revalidated: string[]}
    expect(revalidated).toEqual(expect.arrayContaining(['term:backlink', 'terms', 'term:link-building']))

    // The first visit after the webhook may get the stale page while the fresh one renders.
    await expect
      .poll(async () => h1((await rawRequest(url('/glossary/backlink'))).body), {
        timeout: 10_000,
        intervals: [300],
      })
      .toBe('Backlink, revised')
  })
})
