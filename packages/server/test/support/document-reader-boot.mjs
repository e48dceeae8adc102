// Entry of the test's reader thread: worker threads do not inherit the parent's module hooks, so tsx is
// registered here, as the service's own threads do.
import { register } from 'tsx/esm/api';

register();
await import('./document-reader-thread.ts');
