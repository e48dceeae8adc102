#!/usr/bin/env node
// Thin entry point: TypeScript sources run through tsx, so a clone needs no build step.
await import('@realid/server/runtime/typescript-loader.mjs');
const { main } = await import('@realid/server/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
