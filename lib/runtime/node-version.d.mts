export declare const MINIMUM_NODE: string
export declare function isSupportedNode(version: string): boolean
export declare function requireSupportedNode(command: string): void
export declare function npmCommandFor(scriptFile: string): string
