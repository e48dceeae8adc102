// Entry of an analysis worker thread. A worker thread does not inherit the parent's module hooks, so it
// registers tsx itself (the service runs its TypeScript sources without a build step).
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker-main.ts');
