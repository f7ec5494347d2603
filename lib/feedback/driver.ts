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
  /**
   * Runs one statement once per parameter list, in one transaction: every run is committed, or
   * none. Returns each run's rows, in order.
   */
  queryEach<Row extends object>(sql: string, paramsList: readonly (readonly unknown[])[]): Promise<Row[][]>
  /** Runs `work` in one transaction on one connection: all of it is committed, or none. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>
  close(): Promise<void>
}
