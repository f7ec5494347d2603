/**
 * What this instance can say about itself to a balancer or an orchestrator (app/api/health): its
 * phase (starting, ready, draining) and which of the dependencies pages can live without (the
 * feedback database, the Content Lake, the shared cache) are down. Plain JavaScript, one per process:
 * the cache handler, which Node loads without compiling, reports here too.
 */
import {processWide} from '../runtime/process-wide.mjs'

const state = processWide('health', () => ({
  phase: 'starting',
  dependencies: new Map(),
  contentSources: new Map(),
}))

/** Start-up is done: the instance serves pages. */
export function markReady() {
  if (state.phase === 'starting') state.phase = 'ready'
}

/** Shutdown has begun: balancers should stop sending requests; those already sent still complete. */
export function markDraining() {
  state.phase = 'draining'
}

export function dependencyDown(name) {
  state.dependencies.set(name, false)
}

/** Also called when a dependency is set up, so it is listed (as up) before anything failed. */
export function dependencyUp(name) {
  state.dependencies.set(name, true)
}

/** Each dependency seen so far and whether it is up: for metrics and the token holder's readiness detail. */
export function dependencyStates() {
  return [...state.dependencies]
}

/**
 * A content source and how to ask for its state: 'up'; for the Content Lake 'open' (not called
 * during a cool-down), 'probing' or 'failing' (lib/content/lake-guard.ts); for the embedded
 * dataset 'stale' (a newer file would not load, so the last good one is served).
 */
export function reportContentSource(name, currentState) {
  state.contentSources.set(name, currentState)
}

/** Each content source this process uses, with its state now. */
export function contentSourceStates() {
  return [...state.contentSources].map(([name, currentState]) => [name, currentState()])
}

/** 'starting' or 'draining' (not ready), else 'ready', or 'degraded' while a dependency is down. */
export function readiness() {
  if (state.phase !== 'ready') return state.phase
  return [...state.dependencies.values()].every(Boolean) ? 'ready' : 'degraded'
}
