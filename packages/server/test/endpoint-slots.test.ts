// The worker's slots per endpoint: a healthy endpoint gets its share and as many again held, one that fails or
// hangs only a few, held deliveries start in order as slots free and go back to the queue when they may not wait.
import { describe, expect, it } from 'vitest';
import { EndpointSlots, FAILING_ENDPOINT_SLOTS } from '../src/webhooks/engine/endpoint-slots.ts';

let next = 0;
const delivery = (endpointId: string) => ({ id: `d${++next}`, endpointId });
const many = (endpointId: string, n: number) => Array.from({ length: n }, () => delivery(endpointId));

function slots(perEndpoint = 8, maxHoldMs = 10_000) {
  const clock = { ms: 0 };
  return { clock, s: new EndpointSlots<{ id: string; endpointId: string }>({ perEndpoint, maxHoldMs, now: () => clock.ms }) };
}

describe('endpoint slots', () => {
  it('admits up to an endpoint’s slots and holds the rest; full once as many again are held', () => {
    const { s } = slots(4);
    expect(s.accept(many('A', 6))).toHaveLength(4);
    expect([s.inFlight, s.heldCount]).toEqual([4, 2]);
    expect(s.saturated()).toEqual([]);
    s.accept(many('A', 2));
    expect(s.saturated()).toEqual(['A']);
    expect(s.accept(many('B', 1))).toHaveLength(1);
    expect(s.saturated()).toEqual(['A']);
  });

  it('starts held deliveries in order as slots free, and asks for a claim once half the slots are free', () => {
    const { s } = slots(4);
    const claimed = many('A', 6);
    const started = s.accept(claimed);
    expect(s.release(started[0]!)).toBe('start-held');
    expect(s.takeHeld()).toEqual({ ready: [claimed[4]], back: [] });
    expect(s.release(started[1]!)).toBe('start-held');
    expect(s.release(started[2]!)).toBe('claim');
    expect(s.takeHeld()).toEqual({ ready: [claimed[5]], back: [] });
    expect(s.heldCount).toBe(0);
    expect(s.release(started[3]!)).toBe('claim');
  });

  it('gives a failing endpoint only a few slots, gives back what it holds past them, and no held ones while it fails', () => {
    const { s } = slots(8);
    const claimed = many('A', 12);
    const started = s.accept(claimed);
    expect(started).toHaveLength(8);
    const at = s.begin('A');
    s.answered('A', false);
    expect(s.saturated()).toEqual(['A']);
    // Eight in flight, beyond the failing endpoint's few: every held one goes back to the queue.
    expect(s.release(started[0]!, at)).toBe('start-held');
    expect(s.takeHeld()).toEqual({ ready: [], back: claimed.slice(8).map((d) => d.id) });
    for (const d of started.slice(1, 4)) s.release(d);
    expect(s.accept(many('A', 2))).toHaveLength(0);
    expect(s.takeHeld().back).toHaveLength(2);
    s.release(started[4]!);
    expect(s.accept(many('A', 1))).toHaveLength(1);
    expect(s.inFlight).toBe(FAILING_ENDPOINT_SLOTS);
    s.answered('A', true);
    expect(s.accept(many('A', 4))).toHaveLength(4);
  });

  it('treats an endpoint with an attempt hanging for over a second as struggling', () => {
    const { s, clock } = slots(8);
    const started = s.accept(many('A', 8));
    const at = s.begin('A');
    clock.ms = 1_001;
    expect(s.saturated()).toEqual(['A']);
    expect(s.release(started[0]!, at)).toBe('none');
    expect(s.saturated()).toEqual([]);
  });

  it('gives back deliveries held for too long, and all of them when dropped', () => {
    const { s, clock } = slots(1, 100);
    s.accept(many('A', 1));
    const held = many('A', 2);
    s.accept(held.slice(0, 1));
    clock.ms = 50;
    s.accept(held.slice(1));
    clock.ms = 101;
    expect(s.takeHeld()).toEqual({ ready: [], back: [held[0]!.id] });
    expect(s.dropHeld()).toEqual([held[1]!.id]);
    expect(s.heldCount).toBe(0);
  });
});
