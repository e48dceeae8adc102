// Entry of the sender thread. A worker thread does not inherit the parent's module hooks, so it registers
// the TypeScript loader itself (the service runs its TypeScript sources without a build step).
await import('../../runtime/typescript-loader.mjs');
await import('./sender-main.ts');
