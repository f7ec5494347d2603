export function processWide<T>(name: string, create: () => T): T
