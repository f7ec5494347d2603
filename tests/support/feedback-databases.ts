import {randomBytes} from 'node:crypto'

import {PGlite} from '@electric-sql/pglite'
import {Client} from 'pg'

import type {SqlDriver} from '@/lib/feedback/driver'
import {createPgDriver} from '@/lib/feedback/pg-driver'
import {startPgliteWorker} from '@/lib/feedback/pglite-driver'
import {createFeedbackStore, type FeedbackStore} from '@/lib/feedback/store'

/** Hands out empty databases of one kind for store tests, and removes them afterwards. */
export type TestDatabases = {
  kind: SqlDriver['kind']
  /** A new, empty database. Tests may open several; `cleanup` closes and removes them all. */
  fresh(): Promise<SqlDriver>
  cleanup(): Promise<void>
}

/**
 * In-memory PGlite, in a worker as the server runs it. Setting one up from nothing takes ~5 s, so
 * the first empty instance is dumped and every later one starts from that dump (under a second).
 */
export function pgliteDatabases(): TestDatabases {
  let pristine: Promise<Uint8Array> | undefined
  const opened: SqlDriver[] = []
  return {
    kind: 'pglite',
    async fresh() {
      pristine ??= PGlite.create().then(async (db) => {
        const dump = await db.dumpDataDir('none')
        await db.close()
        return new Uint8Array(await dump.arrayBuffer())
      })
      const driver = await startPgliteWorker({loadDataDir: await pristine})
      opened.push(driver)
      return driver
    },
    async cleanup() {
      await Promise.all(opened.map((driver) => driver.close()))
    },
  }
}

/** Runs one statement on the PostgreSQL server at `adminUrl` (CREATE or DROP DATABASE, say). */
export async function adminQuery(adminUrl: string, sql: string) {
  const client = new Client({connectionString: adminUrl})
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Throwaway databases created on the PostgreSQL server at `adminUrl`, dropped afterwards. */
export function postgresDatabases(adminUrl: string): TestDatabases {
  const created: {name: string; driver: SqlDriver}[] = []
  return {
    kind: 'postgres',
    async fresh() {
      const name = `feedback_test_${randomBytes(6).toString('hex')}`
      await adminQuery(adminUrl, `CREATE DATABASE ${name}`)
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const driver = createPgDriver(url.toString())
      created.push({name, driver})
      return driver
    },
    async cleanup() {
      await Promise.all(created.map(({driver}) => driver.close()))
      for (const {name} of created) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/**
 * The databases the store tests run against: PGlite always, PostgreSQL when TEST_DATABASE_URL
 * names a server the tests may create databases on (`npm run test:postgres`, as CI does).
 */
export function storeTestTargets(): {name: string; databases: () => TestDatabases; skipReason?: string}[] {
  const url = process.env.TEST_DATABASE_URL
  return [
    {name: 'PGlite', databases: pgliteDatabases},
    {
      name: 'PostgreSQL',
      databases: () => postgresDatabases(url!),
      skipReason: url
        ? undefined
        : 'TEST_DATABASE_URL is not set, so there is no PostgreSQL server to test against',
    },
  ]
}

/** What `describeEachStore` opens before a target's tests: its databases, a fresh one, and a store on it. */
export type OpenedStore = {databases: TestDatabases; driver: SqlDriver; store: FeedbackStore}

/**
 * Runs `tests` once per store target, in a describe named for it, with a fresh database and a store
 * on it opened first (read `opened` inside tests and hooks, not while they are declared). A target
 * that cannot run shows as skipped, with why.
 */
export function describeEachStore(tests: (opened: OpenedStore) => void) {
  for (const target of storeTestTargets()) {
    if (target.skipReason) {
      describe.skip(`feedback store on ${target.name} (skipped: ${target.skipReason})`, () => {
        it('runs the store tests', () => {})
      })
      console.warn(`Skipping the feedback store tests on ${target.name}: ${target.skipReason}.`)
      continue
    }
    describe(`feedback store on ${target.name}`, () => {
      const opened = {} as OpenedStore
      beforeAll(async () => {
        opened.databases = target.databases()
        opened.driver = await opened.databases.fresh()
        opened.store = await createFeedbackStore(opened.driver)
      })
      afterAll(() => opened.databases?.cleanup())
      tests(opened)
    })
  }
}
