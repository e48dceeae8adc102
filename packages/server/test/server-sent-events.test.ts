// The SSE reader `realid listen` uses: whatever the chunking and line endings, it gives back the events as sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverSentEvents, type ServerSentEvent } from '../src/cli/server-sent-events.ts';

async function read(chunks: string[]): Promise<ServerSentEvent[]> {
  const encoder = new TextEncoder();
  const body = (async function* () {
    for (const chunk of chunks) yield encoder.encode(chunk);
  })();
  const events: ServerSentEvent[] = [];
  for await (const event of serverSentEvents(body)) events.push(event);
  return events;
}

/** Splits `text` at the given points (some inside a CRLF or a multi-byte character's neighbours). */
const split = (text: string, cuts: number[]): string[] => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
};

const line = fc.string({ unit: fc.constantFrom('a', 'é', '{', '"', ':', ' ', '✓', '1') });

describe('serverSentEvents', () => {
  it('reads back every event whatever the chunks and the line endings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.stringMatching(/^evt_[A-Za-z0-9]{1,20}$/), event: fc.constantFrom('check.completed', 'ready'), data: fc.array(line, { minLength: 1, maxLength: 3 }) }), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (events, eol, cuts) => {
          const text = events
            .map((e) => [`: keep-alive`, `id: ${e.id}`, `event: ${e.event}`, ...e.data.map((d) => `data: ${d}`), 'retry: 1000', ''].join(eol) + eol)
            .join('');
          const got = await read(split(text, cuts));
          expect(got).toEqual(events.map((e) => ({ id: e.id, event: e.event, data: e.data.join('\n') })));
        },
      ),
    );
  });

  it('keeps the last id for events without one, names unnamed events "message", and skips events without data', async () => {
    expect(await read(['id: evt_1\ndata: a\n\n', 'data: b\n\nevent: x\n\n', 'data\n\n'])).toEqual([
      { id: 'evt_1', event: 'message', data: 'a' },
      { id: 'evt_1', event: 'message', data: 'b' },
      { id: 'evt_1', event: 'message', data: '' },
    ]);
  });
});
