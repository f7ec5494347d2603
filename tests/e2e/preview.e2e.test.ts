import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'

import {startContentLake, type ContentLake} from './support/content-lake'
import {rawRequest, setCookie} from './support/http'
import {fakeSanityApi} from './support/sanity-api'
import {freshFixtureCopy, sanityFixtureEnv} from './support/sanity-fixture'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'

const READ_TOKEN = 'e2e-preview-read-token'
const PREVIEW_SECRET = 'e2e-preview-everywhere-secret'

/** One draft per document type, each with a text no published document has, and where it must show. */
const DRAFTS = [
  {
    id: 'term-serp',
    field: 'title',
    text: 'SERP Drafted In Preview',
    pages: [
      '/glossary/serp',
      '/glossary',
      '/glossary/letter/s',
      '/glossary/category/analytics-measurement',
      '/authors/content-strategy-team',
    ],
  },
  {
    id: 'guide-on-page-seo-checklist',
    field: 'title',
    text: 'Checklist Drafted In Preview',
    pages: ['/guides/on-page-seo-checklist', '/guides'],
  },
  {
    id: 'author-content-strategy-team',
    field: 'name',
    text: 'Strategy Team Drafted In Preview',
    pages: ['/authors/content-strategy-team', '/guides'],
  },
  {
    id: 'category-technical-seo',
    field: 'title',
    text: 'Technical Category Drafted In Preview',
    pages: ['/glossary/category/technical-seo', '/glossary', '/'],
  },
]

/** A term changed in a Content Release, not in its draft: shown only through the release's perspective. */
const RELEASE = {id: 'term-title-tag', release: 'rSpring', text: 'Title Tag In The Spring Release'}

/** What the editor types into the term's draft while the Presentation tool shows its page. */
const LIVE_EDIT = 'SERP Edited While Watching'

/** Every file under `dir`, for a search of what the server has stored. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
}

/**
 * Preview everywhere, in Sanity mode against the Content Lake stand-in: an editor in draft mode
 * sees the draft of a term, a guide, an author and a category on their pages and on the lists
 * that show them, and a Content Release through the perspective the Presentation tool sets;
 * visitors and the server's caches never get any of it.
 */
test.describe('preview on every page, in Sanity mode', () => {
  let lake: ContentLake
  let server: RunningServer
  let distDir: string
  let published: SanityDocument[]
  const url = (pathname: string) => `${server.url}${pathname}`

  test.beforeAll(async () => {
    test.setTimeout(90_000)
    published = await readDataset(path.join(root, 'sanity/seed/dataset.ndjson'))
    const draftOf = ({id, field, text}: (typeof DRAFTS)[number]) => ({
      ...published.find((doc) => doc._id === id)!,
      _id: `drafts.${id}`,
      [field]: text,
    })
    lake = await startContentLake({
      documents: [
        ...published,
        ...DRAFTS.map(draftOf),
        {
          ...published.find((doc) => doc._id === RELEASE.id)!,
          _id: `versions.${RELEASE.release}.${RELEASE.id}`,
          title: RELEASE.text,
        },
        {
          _id: 'sanity-preview-url-secret.e2e-everywhere',
          _type: 'sanity.previewUrlSecret',
          _updatedAt: new Date().toISOString(),
          secret: PREVIEW_SECRET,
          studioUrl: 'http://127.0.0.1/studio',
        },
      ],
    })
    distDir = freshFixtureCopy()
    server = await startNextServer(0, {
      ...sanityFixtureEnv(lake.url, distDir),
      SANITY_API_READ_TOKEN: READ_TOKEN,
    })
  })

  test.afterAll(async () => {
    await server?.stop()
    await lake?.stop()
  })

  /** The cookies the Presentation tool's visit to the enable route leaves, as one Cookie header. */
  async function draftModeCookies(perspective?: string): Promise<string> {
    const query = new URLSearchParams({
      'sanity-preview-secret': PREVIEW_SECRET,
      'sanity-preview-pathname': '/',
    })
    if (perspective) query.set('sanity-preview-perspective', perspective)
    const enabled = await rawRequest(url(`/api/draft-mode/enable?${query}`))
    expect(enabled.status).toBe(307)
    const cookies = [
      setCookie(enabled, '__prerender_bypass'),
      setCookie(enabled, 'sanity-preview-perspective'),
    ]
    return cookies.filter(Boolean).join('; ')
  }

  test("shows each type's draft on its page and the lists that show it, and never to a visitor", async () => {
    const cookie = await draftModeCookies()
    const missing: string[] = []
    const leaked: string[] = []
    for (const {text, pages} of DRAFTS) {
      for (const pathname of pages) {
        const editor = await rawRequest(url(pathname), {headers: {cookie}})
        if (editor.status !== 200 || !editor.body.includes(text)) missing.push(`${pathname}: ${text}`)
        const visitor = await rawRequest(url(pathname))
        if (visitor.status !== 200 || visitor.body.includes(text)) leaked.push(`${pathname}: ${text}`)
      }
    }
    expect({missing, leaked}).toEqual({missing: [], leaked: []})
  })

  test('shows a Content Release through the perspective the Presentation tool sets, and only there', async () => {
    test.setTimeout(30_000)
    const inRelease = await draftModeCookies(`${RELEASE.release},drafts`)
    expect(inRelease).toContain('sanity-preview-perspective=')
    const page = await rawRequest(url('/glossary/title-tag'), {headers: {cookie: inRelease}})
    expect(page.body).toContain(RELEASE.text)
    // The drafts perspective alone does not see the release.
    const draftsOnly = await rawRequest(url('/glossary/title-tag'), {
      headers: {cookie: await draftModeCookies()},
    })
    expect(draftsOnly.body).not.toContain(RELEASE.text)
    expect((await rawRequest(url('/glossary/title-tag'))).body).not.toContain(RELEASE.text)
  })

  test('refreshes the page in the Presentation tool as the draft changes, without a reload', async ({
    page,
  }) => {
    test.setTimeout(90_000)
    await fakeSanityApi(page, {lake, origin: server.url})
    // The Presentation tool makes its own preview secret (through the stand-in) and opens the
    // page in draft mode in its frame.
    await page.goto(url('/studio/presentation?preview=%2Fglossary%2Fserp'))
    const framed = page.frameLocator('iframe')
    await framed.getByRole('heading', {level: 1, name: 'SERP Drafted In Preview'}).waitFor()
    const frame = page.frames().find((candidate) => candidate.url().includes('/glossary/serp'))!
    await frame.evaluate(() => Object.assign(window, {loadedOnce: true}))

    // The editor types in the Studio: the Studio patches the draft in the Content Lake.
    const typed = await fetch(`${lake.url}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      body: JSON.stringify({mutations: [{patch: {id: 'drafts.term-serp', set: {title: LIVE_EDIT}}}]}),
    })
    expect(typed.status).toBe(200)
    await framed.getByRole('heading', {level: 1, name: LIVE_EDIT}).waitFor({timeout: 20_000})
    expect(await frame.evaluate(() => 'loadedOnce' in window)).toBe(true)
    // Visitors still get the published page.
    expect((await rawRequest(url('/glossary/serp'))).body).not.toContain(LIVE_EDIT)
  })

  test('keeps every draft out of the outputs others receive and out of what the server stores', async () => {
    const cookie = await draftModeCookies(`${RELEASE.release},drafts`)
    const outputs = [
      '/glossary/serp.md',
      '/api/terms/serp',
      '/feed.xml',
      '/sitemap.xml',
      '/llms.txt',
      '/api/search?q=serp',
    ]
    for (const pathname of outputs) {
      const answer = await rawRequest(url(pathname), {headers: {cookie}})
      expect([pathname, answer.status]).toEqual([pathname, 200])
      for (const text of [...DRAFTS.map((draft) => draft.text), RELEASE.text]) {
        expect([pathname, answer.body.includes(text)]).toEqual([pathname, false])
      }
    }
    // Nothing the server wrote (the ISR pages, the data cache) holds a draft.
    const stored = filesUnder(path.join(root, distDir)).filter((file) =>
      /\.(html|rsc|json|body|meta)$|fetch-cache/.test(file),
    )
    const drafted = stored.filter((file) => {
      const content = readFileSync(file, 'utf8')
      return [...DRAFTS.map((draft) => draft.text), RELEASE.text, LIVE_EDIT].some((text) =>
        content.includes(text),
      )
    })
    expect(drafted).toEqual([])
  })
})
