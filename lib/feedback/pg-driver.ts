import {Pool, type PoolClient} from 'pg'

import type {SqlDriver, SqlSession} from './driver'

const session = (client: Pool | PoolClient): SqlSession => ({
  async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
    return (await client.query<Row>(sql, params as unknown[])).rows
  },
  async exec(script: string) {
    await client.query(script)
  },
})

/** PostgreSQL through a `pg` connection pool: the production store, shared by every instance. */
export function createPgDriver(connectionString: string): SqlDriver {
  const pool = new Pool({connectionString, max: 10, connectionTimeoutMillis: 5000})
  // A server restart drops idle connections; the pool replaces them. Without a listener the
  // error event would crash the process.
  pool.on('error', () => {})
  return {
    kind: 'postgres',
    ...session(pool),
    async transaction(work) {
      const client = await pool.connect()
      // A connection whose ROLLBACK failed is broken: it is destroyed, not handed to the next caller.
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await work(session(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
