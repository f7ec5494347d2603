export function markReady(): void
export function markDraining(): void
export function dependencyDown(name: string): void
export function dependencyUp(name: string): void
export function dependencyStates(): [name: string, up: boolean][]
export function readiness(): 'starting' | 'draining' | 'ready' | 'degraded'

export type ContentSourceState = 'up' | 'failing' | 'open' | 'probing' | 'stale'
export function reportContentSource(name: string, currentState: () => ContentSourceState): void
export function contentSourceStates(): [string, ContentSourceState][]
