// The worker loop's sleep: cut short by a wake-up, including one that came while the loop was busy.
import { describe, expect, it } from 'vitest';
import { WakeSignal } from '../src/webhooks/engine/wake-signal.ts';

describe('wake signal', () => {
  it('sleeps until the time runs out', async () => {
    expect(await new WakeSignal().sleep(5)).toBe(true);
  });

  it('wakes a sleeper, and does not sleep after a wake-up since the round began', async () => {
    const w = new WakeSignal();
    w.begin();
    const sleeping = w.sleep(60_000);
    w.wake();
    expect(await sleeping).toBe(false);
    expect(await w.sleep(60_000)).toBe(false);
    w.begin();
    expect(await w.sleep(5)).toBe(true);
  });
});
