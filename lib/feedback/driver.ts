/**
 * The little the feedback store needs from a database, so one query layer serves both the embedded
 * PGlite folder and a PostgreSQL server. Both speak PostgreSQL, so the SQL is the same.
 */
export interface SqlSession {
  /** One statement with `$1…$n` parameters. */
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>
}

export interface SqlDriver extends SqlSession {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` in one transaction on one connection: all of it is committed, or none. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>
  close(): Promise<void>
}
