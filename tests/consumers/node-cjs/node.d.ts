// The two Node globals index.ts uses (so the check does not depend on @types/node).
declare const process: { argv: string[] };
declare const console: { log(...args: unknown[]): void };
