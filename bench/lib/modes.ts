/** The two kinds of run: a full one (the figures the docs report) and a quick smoke run. */
import type {LoadSettings} from './wrk'

export type Mode = {
  name: 'full' | 'quick'
  sizes: {small: number; large: number}
  coldTerms: number
  /** Time budgets (seconds) keep a run inside 15 minutes even when a page renders slowly. */
  coldBudgetS: number
  crawlBudgetS: number
  load: LoadSettings
  searchRounds: number
  searchBudgetS: number
  votes: number
  voteConcurrency: number
  votesBudgetS: number
  lighthouseRuns: number
  /** Invented URLs sent in the hostile-traffic phase, and votes stored before its summary is timed. */
  inventedUrls: number
  seededVotes: number
  /** Restarts of each server in the start-up phase. */
  restarts: number
  /** Terms TERM_QUERY is timed on, and runs of each list query, per size. */
  querySamples: number
  listQueryRuns: number
}

export const FULL: Mode = {
  name: 'full',
  sizes: {small: 1_000, large: 10_000},
  coldTerms: 200,
  coldBudgetS: 60,
  crawlBudgetS: 240,
  load: {threads: 1, connections: 32, warmupSeconds: 2, seconds: 10},
  searchRounds: 5,
  searchBudgetS: 45,
  votes: 5_000,
  voteConcurrency: 16,
  votesBudgetS: 20,
  lighthouseRuns: 5,
  inventedUrls: 10_000,
  seededVotes: 300_000,
  restarts: 5,
  querySamples: 20,
  listQueryRuns: 3,
}

export const QUICK: Mode = {
  name: 'quick',
  sizes: {small: 300, large: 1_000},
  coldTerms: 20,
  coldBudgetS: 20,
  crawlBudgetS: 20,
  load: {threads: 1, connections: 32, warmupSeconds: 1, seconds: 3},
  searchRounds: 1,
  searchBudgetS: 15,
  votes: 300,
  voteConcurrency: 16,
  votesBudgetS: 10,
  lighthouseRuns: 1,
  inventedUrls: 900,
  seededVotes: 10_000,
  restarts: 2,
  querySamples: 5,
  listQueryRuns: 2,
}
