import type {Page, Route} from '@playwright/test'

import type {ContentLake} from './content-lake'

export const EDITOR = {id: 'e2e-editor', name: 'Test Editor', email: 'editor@example.com'}

/**
 * Answers, inside the browser, the hosted Sanity APIs the embedded Studio calls, so that it runs
 * offline: a signed-in editor with permission to edit, and the queries, documents and mutations
 * of the Content Lake stand-in. Calls about usage, announcements and add-ons, and the Studio's web font,
 * get empty answers; the realtime socket and the listeners connect and stay silent.
 */
export async function fakeSanityApi(page: Page, {lake, origin}: {lake: ContentLake; origin: string}) {
  const cors = {'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true'}
  const json = (route: Route, body: unknown) =>
    route.fulfill({status: 200, contentType: 'application/json', headers: cors, body: JSON.stringify(body)})

  // The Studio's listeners read Server-Sent Events through fetch. Each gets a welcome and then a
  // stream that stays open, as the Content Lake's does: a stream that ended would keep the Studio
  // reconnecting ("Trying to connect…"), its forms read-only and its document actions waiting.
  await page.addInitScript(() => {
    const fetchFromNetwork = window.fetch.bind(window)
    window.fetch = (input, init) => {
      const address = input instanceof Request ? input.url : String(input)
      if (!/\.api\.sanity\.io\/.*\/data\/listen\//.test(address)) return fetchFromNetwork(input, init)
      const welcome = new TextEncoder().encode('event: welcome\ndata: {"listenerName":"e2e"}\n\n')
      const body = new ReadableStream({start: (controller) => controller.enqueue(welcome)})
      return Promise.resolve(new Response(body, {headers: {'content-type': 'text/event-stream'}}))
    }
  })
  await page.routeWebSocket(/\.api\.sanity\.io\/.*\/socket\//, () => {})
  await page.route(/^https:\/\/([\w-]+\.)?(api\.sanity\.io|sanity-cdn\.com|sanity\.io)\//, async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    const path = url.pathname
    if (url.hostname === 'core.sanity-cdn.com') {
      return route.fulfill({status: 200, contentType: 'application/javascript', body: ''})
    }
    // Studio 6's Inter font: an empty answer, so the Studio falls back to a system font.
    if (url.hostname === 'design-system-static.sanity.io') {
      return route.fulfill({status: 200, contentType: 'font/woff2', headers: cors, body: ''})
    }
    if (/\/data\/(query|doc|mutate|actions)\//.test(path)) {
      const answer = await fetch(`${lake.url}${path}${url.search}`, {
        method: request.method(),
        body: request.postData() ?? undefined,
      })
      return route.fulfill({
        status: answer.status,
        contentType: 'application/json',
        headers: cors,
        body: await answer.text(),
      })
    }
    if (path.endsWith('/users/me')) {
      return json(route, {
        ...EDITOR,
        role: 'administrator',
        roles: [{name: 'administrator', title: 'Administrator'}],
      })
    }
    if (path.endsWith('/acl')) {
      return json(route, [
        {filter: '_id in path("**")', permissions: ['history', 'read', 'update', 'create']},
      ])
    }
    if (path.includes('/data/history/') && path.includes('/transactions/')) {
      return route.fulfill({status: 200, contentType: 'application/x-ndjson', headers: cors, body: ''})
    }
    const events = path.match(/\/data\/history\/[\w-]+\/events\/documents\/(.+)$/)
    if (events) {
      return json(route, {
        events: Object.fromEntries(
          decodeURIComponent(events[1])
            .split(',')
            .map((id) => [id, []]),
        ),
      })
    }
    // Batch look-ups (stored preferences, features, datasets) answer with lists.
    if (/\/(keyvalue\/.+|features|datasets|user-applications)$/.test(path)) return json(route, [])
    return json(route, {})
  })
}
