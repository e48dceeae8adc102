// Lets this thread import our TypeScript sources: tsx compiles them as they load, and `@realid/webhooks`
// resolves to its sources (the `@realid/source` export condition) instead of its build. For development
// checkouts only: a built server runs compiled JavaScript and never loads this.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
// Registered after tsx, so it runs first and tsx's resolver sees the added condition.
register('./source-condition.mjs', import.meta.url);
