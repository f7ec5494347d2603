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

const TIMEOUT_MS = 5000

/** PostgreSQL through a `pg` connection pool: the production store, shared by every instance. */
export function createPgDriver(connectionString: string): SqlDriver {
  // Every wait is bounded: a server that accepts connections and never answers costs a vote or a
  // summary a few seconds and a 503, never a request held open.
  const pool = new Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
    statement_timeout: TIMEOUT_MS,
  })
  // A server restart drops idle connections; the pool replaces them. Without a listener the
  // error event would crash the process.
  pool.on('error', () => {})
  const driver: SqlDriver = {
    kind: 'postgres',
    ...session(pool),
    queryEach<Row extends object>(sql: string, paramsList: readonly (readonly unknown[])[]) {
      return driver.transaction(async (tx) => {
        const all: Row[][] = []
        for (const params of paramsList) all.push(await tx.query<Row>(sql, params))
        return all
      })
    },
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
  return driver
}
