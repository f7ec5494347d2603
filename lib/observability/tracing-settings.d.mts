export function tracingEnabled(): boolean
