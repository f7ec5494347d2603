import {rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {readDataset, type SanityDocument} from '@/lib/content/dataset'
import {unlinkedMentionsByDocument} from '@/lib/links/report'

import {startContentLake, type ContentLake, type LakeMutation} from './support/content-lake'
import {rawRequest} from './support/http'
import {fakeSanityApi} from './support/sanity-api'
import {freshFixtureCopy, sanityFixtureEnv} from './support/sanity-fixture'
import {root, startNextServer, type RunningServer} from './support/server'
import {expect, test} from './support/test'
import type {Locator, Page} from '@playwright/test'

const ADMIN_TOKEN = 'e2e-feedback-admin-token'

/** Searches readers make: one for a term nobody wrote, one a typing slip away from "Backlink". */
const UNWRITTEN = 'topical authority'
const SLIP = 'backlnik'

/** Readers' answers on Backlink: enough "Incorrect or outdated" reports to flag it for review. */
const BACKLINK_VOTES = [
  ...Array.from({length: 4}, () => ({vote: 'no', reason: 'incorrect-or-outdated'})),
  {vote: 'no', reason: 'hard-to-understand'},
  {vote: 'yes', reason: 'clear'},
  {vote: 'yes'},
]

/**
 * What the editor sees, saved for docs/editorial-loop.md when DOCS_SCREENSHOTS is set
 * (`DOCS_SCREENSHOTS=1 npx playwright test tests/e2e/editorial-loop.e2e.test.ts`).
 */
async function docsScreenshot(target: Page | Locator, name: string, {inView}: {inView?: Locator} = {}) {
  if (!process.env.DOCS_SCREENSHOTS) return
  // The Studio may render the form again meanwhile: scroll to the element as it is then.
  if (inView) await expect(() => inView.scrollIntoViewIfNeeded({timeout: 2000})).toPass({timeout: 10_000})
  await target.screenshot({path: path.join(root, 'docs/images', `${name}.png`), animations: 'disabled'})
}

/** The ids a mutation writes: a publish would write a published id. */
const writtenIds = (mutations: LakeMutation[]) =>
  mutations.map((mutation) => {
    const body = Object.values(mutation)[0]!
    return String(body._id ?? body.id)
  })

/**
 * The editorial loop in the Studio, in Sanity mode against the Content Lake stand-in: readers'
 * searches that found nothing become a draft term or an alias, and what the Studio wrote is
 * checked mutation by mutation.
 */
test.describe('the editorial loop in the Studio', () => {
  let published: SanityDocument[]
  let lake: ContentLake
  let server: RunningServer
  const feedbackDir = path.join(os.tmpdir(), `e2e-editorial-loop-${process.pid}`)
  const url = (pathname: string) => `${server.url}${pathname}`

  async function searchMisses(): Promise<{query: string}[]> {
    const response = await fetch(url('/api/feedback/summary?limit=1'), {
      headers: {authorization: `Bearer ${ADMIN_TOKEN}`},
    })
    return ((await response.json()) as {searchMisses: {query: string}[]}).searchMisses
  }

  test.beforeAll(async () => {
    test.setTimeout(90_000)
    published = await readDataset(path.join(root, 'sanity/seed/dataset.ndjson'))
    lake = await startContentLake({documents: published})
    server = await startNextServer(0, {
      ...sanityFixtureEnv(lake.url, freshFixtureCopy()),
      FEEDBACK_ADMIN_TOKEN: ADMIN_TOKEN,
      FEEDBACK_DATA_DIR: feedbackDir,
    })
    // Readers search, find nothing, and the site counts the searches after answering.
    for (const query of [UNWRITTEN, SLIP]) {
      const page = await rawRequest(url(`/glossary?${new URLSearchParams({q: query})}`))
      expect(page.status).toBe(200)
    }
    await expect
      .poll(async () => (await searchMisses()).map((miss) => miss.query).sort(), {timeout: 15_000})
      .toEqual([SLIP, UNWRITTEN])
    // Each reader from an address of their own, as the vote route tells readers apart.
    for (const [i, answer] of BACKLINK_VOTES.entries()) {
      const response = await fetch(url('/api/feedback'), {
        method: 'POST',
        headers: {'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i + 1}`},
        body: JSON.stringify({term: 'backlink', ...answer}),
      })
      expect(response.status).toBe(200)
    }
  })

  /** Opens the Studio at `pathname` with the admin token entered, once the Studio has settled. */
  async function studioWithToken(page: Page, pathname: string, shows: Locator) {
    await fakeSanityApi(page, {lake, origin: server.url})
    await page.goto(url(pathname))
    // The Studio may mount a view again while it settles, emptying the field: enter the token
    // until the feedback shows.
    await expect(async () => {
      const token = page.getByLabel('Admin token, to see readers’ feedback')
      await token.fill(ADMIN_TOKEN)
      await token.press('Enter')
      await expect(shows).toBeVisible({timeout: 2000})
    }).toPass({timeout: 30_000})
  }

  test.afterAll(async () => {
    await server?.stop()
    await lake?.stop()
    rmSync(feedbackDir, {recursive: true, force: true})
  })

  test('turns missed searches into an alias and a draft term, and never publishes', async ({page}) => {
    test.setTimeout(120_000)
    const misses = page.getByRole('region', {name: 'Searches that found nothing'})
    await studioWithToken(page, '/studio/feedback', misses)
    const row = (query: string) =>
      misses.getByRole('row').filter({has: page.getByRole('rowheader', {name: query})})
    await expect(row(SLIP).getByRole('button')).toHaveText('Add as alias of Backlink')
    await expect(row(UNWRITTEN).getByRole('button')).toHaveText('Create term “Topical authority”')
    await docsScreenshot(misses, 'missed-searches')

    // The slip becomes an alias in Backlink's draft, made from the published term.
    await row(SLIP).getByRole('button').click()
    await expect(misses.getByRole('status')).toHaveText(
      `“${SLIP}” is now an alias of Backlink, in its draft.`,
    )
    await expect(row(SLIP)).toHaveCount(0)
    const backlink = published.find((doc) => doc._id === 'term-backlink')!
    const [createDraft, addAlias] = lake.mutations
    expect(createDraft).toEqual({
      createIfNotExists: expect.objectContaining({
        _id: 'drafts.term-backlink',
        _type: 'term',
        title: 'Backlink',
        aliases: backlink.aliases,
      }),
    })
    expect(addAlias).toEqual({
      patch: {
        id: 'drafts.term-backlink',
        setIfMissing: {aliases: []},
        insert: {after: 'aliases[-1]', items: [SLIP]},
      },
    })

    // The unwritten term becomes a new draft, titled after the search, and opens in the form.
    await row(UNWRITTEN).getByRole('button').click()
    await expect.poll(() => lake.mutations.length).toBe(3)
    const created = lake.mutations[2]!.create as {_id: string; editorialNote: string}
    expect(created).toEqual({
      _id: expect.stringMatching(/^drafts\.[0-9a-f-]{36}$/),
      _type: 'term',
      title: 'Topical authority',
      editorialNote: expect.stringMatching(
        /^Readers searched for “topical authority” once on .+ and found nothing\.$/,
      ),
    })
    await page.waitForURL(new RegExp(created._id.replace('drafts.', '')))
    // The form as the editor reads it, its inputs named by their fields. The Studio fills it once
    // its listener connects, which the stand-in's stream (ending at once) makes it retry a while.
    const form = page.locator('form').first()
    await expect(form).toHaveText(/^Term\nTopical authority\n/, {useInnerText: true, timeout: 30_000})
    await expect(form.locator('input#title')).toHaveValue('Topical authority')
    await page.getByRole('tab', {name: 'Publishing'}).click()
    await expect(form.locator('textarea#editorialNote')).toHaveValue(created.editorialNote)
    await docsScreenshot(page, 'draft-from-missed-search', {inView: form.locator('textarea#editorialNote')})

    // Nothing reached a published document: every write went to a draft.
    expect(writtenIds(lake.mutations).every((id) => id.startsWith('drafts.'))).toBe(true)
    const live = await rawRequest(url('/glossary/backlink'))
    expect(live.body).not.toContain(SLIP)
  })

  test('flags a term readers report as wrong, says why, and shows its votes per revision', async ({page}) => {
    test.setTimeout(120_000)
    const pane = page.getByRole('region', {name: /^Needs review/})
    await studioWithToken(page, '/studio/structure/terms;needsReview', pane.getByRole('list').first())
    const flagged = pane.getByRole('listitem').filter({has: page.getByRole('link', {name: 'Backlink'})})
    await expect(flagged).toContainText('4 readers reported this revision incorrect or outdated')
    await docsScreenshot(page, 'needs-review')

    // The term's Feedback view: the same cause, and the votes on each published revision.
    await flagged.getByRole('link', {name: 'Backlink'}).click()
    await page.getByRole('tab', {name: 'Feedback'}).click()
    const view = page.getByRole('region', {name: 'Reader feedback'})
    await expect(view).toContainText('4 readers reported this revision incorrect or outdated')
    const revisions = view.getByRole('table', {name: /revision/i})
    await expect(revisions.getByRole('row')).toHaveCount(2)
    await expect(revisions.getByRole('row').last()).toContainText('29%')
    await docsScreenshot(page, 'term-feedback')
  })

  test('links an unlinked mention in a guide from its document menu, as a draft edit', async ({page}) => {
    test.setTimeout(120_000)
    const [first] = unlinkedMentionsByDocument(published).filter(({document}) => document.type === 'guide')
    const {document: guide, mentions} = first!
    const [mention] = mentions
    await fakeSanityApi(page, {lake, origin: server.url})
    await page.goto(url(`/studio/intent/edit/id=${guide.id};type=guide`))
    // The document's actions wait for the document: its form is filled once it has loaded.
    await expect(page.locator('form input#title')).toHaveValue(guide.title, {timeout: 30_000})

    const dialog = page.getByRole('dialog', {name: 'Unlinked mentions of terms'})
    async function openLinkMentions() {
      // The menu, and the dialog, stay open once the document's actions have settled, which can
      // take a few tries.
      await expect(async () => {
        await page.getByTestId('pane-footer').getByTestId('action-menu-button').click()
        await page.getByRole('menuitem', {name: 'Link mentions'}).click({timeout: 2000})
        await expect(dialog.getByRole('status')).toHaveText(/mentions? of a term without a link\.$/, {
          timeout: 2000,
        })
      }).toPass({timeout: 30_000})
    }
    await openLinkMentions()
    await expect(dialog.getByRole('status')).toHaveText(
      `${mentions.length} mentions of a term without a link.`,
    )
    await docsScreenshot(page, 'link-mentions')
    await dialog
      .getByRole('button', {name: `Link “${mention!.text}”`})
      .first()
      .click()

    // The Studio sends a draft edit of the guide that links the mention's words in their block.
    const edit = () => lake.actions.find((action) => action.patch?.set)
    await expect.poll(edit, {timeout: 30_000}).toBeTruthy()
    const {actionType, draftId, patch} = edit()!
    expect({actionType, draftId}).toEqual({
      actionType: 'sanity.action.document.edit',
      draftId: `drafts.${guide.id}`,
    })
    const set = patch!.set as Record<string, unknown>
    const block = mention!.blockPath
    expect(Object.keys(set).sort()).toEqual([`${block}.children`, `${block}.markDefs`])
    const [link] = (set[`${block}.markDefs`] as {_key: string}[]).slice(-1)
    expect(link).toEqual({
      _key: expect.any(String),
      _type: 'internalLink',
      reference: {_type: 'reference', _ref: mention!.termId},
    })
    const children = set[`${block}.children`] as {text: string; marks: string[]}[]
    expect(children.find((span) => span.marks.includes(link!._key))?.text).toBe(mention!.text)
    // Only the guide's draft was written, never a published document.
    expect(lake.actions.every((action) => action.draftId === `drafts.${guide.id}`)).toBe(true)

    // The draft holds the link: that mention is no longer listed, the others still are.
    if (!(await dialog.isVisible())) await openLinkMentions()
    await expect(dialog.getByRole('listitem')).toHaveCount(mentions.length - 1)
  })
})
