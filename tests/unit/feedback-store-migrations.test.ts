/**
 * The feedback store's migrations and reader salt against a real engine: in-memory PGlite always, and
 * a real PostgreSQL server when TEST_DATABASE_URL is set. The same tests run on both.
 * `npm run test:postgres` picks only the PostgreSQL half by name: the PGlite half already ran in
 * `npm test`, and every PGlite instance a process starts and ends adds to the odds of a V8 crash as it
 * exits (nodejs/node#64500, seen in CI on Node 24), which costs that suite its report.
 */
import {migrate, readMigrations} from '@/lib/feedback/migrate'
import {createFeedbackStore} from '@/lib/feedback/store'

import {describeEachStore} from '@/tests/support/feedback-databases'

jest.setTimeout(60_000)

describeEachStore((opened) => {
  describe('migrations', () => {
    it('records every migration file as applied when the store opens', async () => {
      const files = await readMigrations()
      expect(files.map((m) => m.version)).toEqual([1, 2, 3, 4, 5])
      const applied = await opened.driver.query<{version: number; name: string}>(
        'SELECT version, name FROM feedback_migrations ORDER BY version',
      )
      expect(applied).toEqual([
        {version: 1, name: 'initial'},
        {version: 2, name: 'search_miss_readers'},
        {version: 3, name: 'vote_counts'},
        {version: 4, name: 'vote_count_changes'},
        {version: 5, name: 'revision_first_votes'},
      ])
    })

    it('applies nothing twice when the store opens again', async () => {
      await expect(migrate(opened.driver, await readMigrations())).resolves.toEqual([])
      await createFeedbackStore(opened.driver)
      const [row] = await opened.driver.query<{n: number}>(
        'SELECT count(*)::integer AS n FROM feedback_migrations',
      )
      expect(row!.n).toBe(5)
    })

    it('applies only the new versions, in order', async () => {
      const fresh = await opened.databases.fresh()
      const initial = (await readMigrations()).slice(0, 1)
      await expect(migrate(fresh, initial)).resolves.toEqual([1])
      const later = [
        ...initial,
        {version: 3, name: 'third', sql: 'ALTER TABLE feedback_settings ADD COLUMN third text'},
        {version: 2, name: 'second', sql: 'ALTER TABLE feedback_settings ADD COLUMN second text'},
      ].sort((a, b) => a.version - b.version)
      await expect(migrate(fresh, later)).resolves.toEqual([2, 3])
      const columns = await fresh.query<{column_name: string}>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback_settings'
           ORDER BY ordinal_position`,
      )
      expect(columns.map((c) => c.column_name)).toEqual(['name', 'value', 'second', 'third'])
    })

    it('leaves nothing half applied when a migration fails', async () => {
      const fresh = await opened.databases.fresh()
      const broken = [
        ...(await readMigrations()),
        {version: 2, name: 'broken', sql: 'CREATE TABLE half_done (a int); SELECT * FROM no_such_table'},
      ]
      await expect(migrate(fresh, broken)).rejects.toThrow(/no_such_table/)
      const tables = await fresh.query<{table_name: string}>(
        `SELECT table_name FROM information_schema.tables
           WHERE table_name IN ('feedback_votes', 'half_done', 'feedback_migrations')`,
      )
      expect(tables).toEqual([])
    })

    it('lets two instances that start together migrate one database once', async () => {
      const fresh = await opened.databases.fresh()
      const migrations = await readMigrations()
      const results = await Promise.all([migrate(fresh, migrations), migrate(fresh, migrations)])
      expect(results.flat()).toEqual([1, 2, 3, 4, 5])
    })

    it('dates the counts of votes cast before migration 5 by their first vote', async () => {
      const fresh = await opened.databases.fresh()
      const migrations = await readMigrations()
      await migrate(fresh, migrations.slice(0, 4))
      await fresh.query(
        `INSERT INTO feedback_votes (term_id, term_rev, reader_hash, vote, created_at) VALUES
           ('term-old', 'r1', 'a', 'yes', '2026-01-05T10:00:00Z'),
           ('term-old', 'r1', 'b', 'yes', '2026-01-02T10:00:00Z'),
           ('term-old', 'r2', 'c', 'no', '2026-03-01T10:00:00Z')`,
      )
      await migrate(fresh, migrations)
      const counts = await createFeedbackStore(fresh).then((opened) => opened.voteCounts())
      expect(
        counts.map((row) => [row.termRev, row.votes, new Date(row.firstVoteAt).toISOString()]).sort(),
      ).toEqual([
        ['r1', 2, '2026-01-02T10:00:00.000Z'],
        ['r2', 1, '2026-03-01T10:00:00.000Z'],
      ])
    })
  })

  describe('reader salt', () => {
    it('generates a random salt once and keeps it in the database', async () => {
      expect(opened.store.readerSalt).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const again = await createFeedbackStore(opened.driver)
      expect(again.readerSalt).toBe(opened.store.readerSalt)
    })

    it('uses the configured salt instead when there is one', async () => {
      const configured = await createFeedbackStore(opened.driver, {salt: 'from-the-environment'})
      expect(configured.readerSalt).toBe('from-the-environment')
    })
  })
})
