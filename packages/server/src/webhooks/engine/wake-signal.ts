// A loop's sleep that any caller can cut short, and that remembers a wake-up which came while the loop was
// busy, so news that arrives mid-round is not slept through.

export class WakeSignal {
  private woken = false;
  private wakeUp: (() => void) | undefined;

  /** A round of the loop begins: only wake-ups from now on cut the next sleep short. */
  begin(): void {
    this.woken = false;
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Resolves true when the time ran out, false when woken (at once if woken since `begin`). */
  sleep(ms: number): Promise<boolean> {
    if (this.woken) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve(true);
      }, ms);
      this.wakeUp = () => {
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve(false);
      };
    });
  }
}
