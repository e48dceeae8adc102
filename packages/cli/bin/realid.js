#!/usr/bin/env node
// Thin entry point. Runs the server's compiled JavaScript when its build is current (`npm install`, `npm start`,
// `npm run build` and the test setup build it); otherwise the TypeScript sources through tsx, so an edited
// checkout always runs what it holds, only slower to start.
import { isCurrent, TARGETS } from '../../../tools/build/build-targets.mjs';

const compiled = isCurrent(TARGETS.server) && isCurrent(TARGETS.webhooks);
if (!compiled) await import('@realid/server/runtime/typescript-loader.mjs');
const { main } = await import(compiled ? '@realid/server/dist/cli/main.js' : '@realid/server/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
