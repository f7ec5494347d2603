/**
 * PGlite on a thread of its own (see pglite-driver.ts): a statement runs here, so however long it
 * takes, the thread that serves pages never waits for it. Plain JavaScript, loaded by path at run
 * time, because the worker runs outside Next's bundles.
 *
 * Messages in: {id, op: 'query', sql, params, tx?} | {id, op: 'each', sql, paramsList} (in one
 * transaction) | {id, op: 'exec', sql, tx?} | {id, op: 'begin'}
 * | {id, op: 'end', tx, commit} | {id, op: 'close'}. Out: {id, ok: true, result} or
 * {id, ok: false, error: {message, code}}; {ready: true} once the database is open. With
 * `createOnly`, it creates the database, says {created: true} and ends.
 */
import {parentPort, workerData} from 'node:worker_threads'

import {PGlite} from '@electric-sql/pglite'

const {dataDir, loadDataDir, createOnly} = workerData
const db = await PGlite.create(dataDir, {
  // Postgres's default page cache is 128 MB, all of it resident in this process; the feedback
  // tables are small, and the operating system caches the files under it anyway.
  postgresqlconf: ['shared_buffers = 16MB'],
  ...(loadDataDir && {loadDataDir: new Blob([loadDataDir])}),
})

/** Open transactions by id: PGlite's transaction callback stays pending until 'end' settles it. */
const transactions = new Map()
let lastTransaction = 0

const ROLLBACK = Symbol('rollback')

function begin() {
  const id = ++lastTransaction
  return new Promise((started, failed) => {
    let entered = false
    const finished = db.transaction(
      (tx) =>
        new Promise((commit, rollback) => {
          entered = true
          transactions.set(id, {tx, commit, rollback: () => rollback(ROLLBACK), finished})
          started(id)
        }),
    )
    finished.catch((error) => {
      if (!entered) failed(error)
    })
  })
}

async function end(id, commit) {
  const transaction = transactions.get(id)
  transactions.delete(id)
  if (commit) transaction.commit()
  else transaction.rollback()
  await transaction.finished.catch((error) => {
    if (error !== ROLLBACK) throw error
  })
}

const target = (tx) => (tx ? transactions.get(tx).tx : db)

async function handle(message) {
  switch (message.op) {
    case 'query':
      return (await target(message.tx).query(message.sql, message.params)).rows
    case 'each':
      return db.transaction(async (tx) => {
        const all = []
        for (const params of message.paramsList) all.push((await tx.query(message.sql, params)).rows)
        return all
      })
    case 'exec':
      await target(message.tx).exec(message.sql)
      return null
    case 'begin':
      return begin()
    case 'end':
      return end(message.tx, message.commit)
    case 'close':
      await db.close()
      return null
  }
  throw new Error(`Unknown operation ${message.op}`)
}

if (createOnly) {
  // Creating a database (initdb) leaves hundreds of MB behind on this thread, which only its end
  // gives back: the caller ends it and opens the new folder on a thread of its own.
  await db.close()
  parentPort.postMessage({created: true})
} else {
  parentPort.on('message', async (message) => {
    try {
      const result = await handle(message)
      parentPort.postMessage({id: message.id, ok: true, result})
      if (message.op === 'close') parentPort.close()
    } catch (error) {
      parentPort.postMessage({id: message.id, ok: false, error: {message: error.message, code: error.code}})
    }
  })
  parentPort.postMessage({ready: true})
}
