import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'

import type {SqlDriver} from './driver'

export type Migration = {version: number; name: string; sql: string}

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/

/** Any fixed number: it only has to be the same for every instance that migrates this database. */
const MIGRATION_LOCK_KEY = 4_417_100_001

/** The versioned SQL files `NNN_name.sql` in `folder`, in order. */
export async function readMigrations(
  folder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/feedback/migrations'),
): Promise<Migration[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.sql')).sort()
  const migrations: Migration[] = []
  for (const name of names) {
    const match = MIGRATION_FILE.exec(name)
    if (!match) throw new Error(`Migration file ${name} must be named NNN_name.sql (e.g. 002_add_index.sql).`)
    const version = Number(match[1])
    if (migrations.some((migration) => migration.version === version)) {
      throw new Error(`Two migration files have version ${match[1]} in ${folder}.`)
    }
    migrations.push({version, name: match[2]!, sql: await readFile(path.join(folder, name), 'utf8')})
  }
  return migrations
}

/**
 * Applies the migrations this database has not had yet, each recorded in `feedback_migrations`.
 * It all runs in one transaction under an advisory lock, so instances starting together neither
 * apply a migration twice nor leave one half applied.
 */
export async function migrate(driver: SqlDriver, migrations: Migration[]): Promise<number[]> {
  return driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    await tx.exec(`CREATE TABLE IF NOT EXISTS feedback_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = new Set(
      (await tx.query<{version: number}>('SELECT version FROM feedback_migrations')).map(
        (row) => row.version,
      ),
    )
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      await tx.exec(migration.sql)
      await tx.query('INSERT INTO feedback_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      applied.push(migration.version)
    }
    return applied
  })
}
