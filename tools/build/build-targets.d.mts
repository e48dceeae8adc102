export interface BuildTarget {
  /** The package name, for messages. */
  name: string;
  /** The package's folder. */
  dir: string;
  /** Files and folders whose changes make the output stale. */
  inputs: string[];
  /** An output file whose modification time is the start of the build that wrote it. */
  stamp: string;
}

export const REPO_ROOT: string;
export const TARGETS: { webhooks: BuildTarget; server: BuildTarget; dashboard: BuildTarget };
export function newestMtime(entry: string): number;
export function isCurrent(target: BuildTarget): boolean;
