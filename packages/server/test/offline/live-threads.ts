// Counts the process's live worker threads from Node's own diagnostic report, so a test can fail when
// something it started leaves a thread behind.
export const liveThreads = (): number => (process.report.getReport() as { workers: unknown[] }).workers.length;
