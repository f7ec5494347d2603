import path from 'node:path'

import {PGlite, type Transaction} from '@electric-sql/pglite'

import {lockDataFolder} from './data-lock'
import type {SqlDriver, SqlSession} from './driver'

const session = (db: PGlite | Transaction): SqlSession => ({
  async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
    return (await db.query<Row>(sql, params as unknown[])).rows
  },
  async exec(script: string) {
    await db.exec(script)
  },
})

/** A driver over an open PGlite instance; `onClose` runs once the instance is closed. */
export function pgliteDriver(db: PGlite, onClose: () => void = () => {}): SqlDriver {
  return {
    kind: 'pglite',
    ...session(db),
    transaction: (work) => db.transaction((tx) => work(session(tx))),
    async close() {
      try {
        await db.close()
      } finally {
        onClose()
      }
    },
  }
}

/**
 * The embedded store: PGlite in `folder`, owned by this process through the folder's lock file.
 * The database itself lives in `folder/pgdata`, beside the lock.
 */
export async function openPgliteDriver(folder: string): Promise<SqlDriver> {
  const lock = lockDataFolder(folder)
  try {
    const db = await PGlite.create(path.join(folder, 'pgdata'))
    return pgliteDriver(db, lock.release)
  } catch (error) {
    lock.release()
    throw error
  }
}
