// libvips (through sharp) inside analysis threads: one thread per operation and no cache, because the
// pool already runs one task per core, and a per-thread cache of decoded photos would only hold memory
// (and customers' images) longer than the task needs them.
import sharp from 'sharp';

let limited = false;

export function limitImageLibraryForPool(): void {
  if (limited) return;
  limited = true;
  sharp.concurrency(1);
  sharp.cache(false);
}
