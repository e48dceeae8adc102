// The benches' HTTP load: `count` POSTs with `concurrency` in flight over one undici Agent; returns requests/s.
import { Agent, request } from 'undici';

export async function postLoop(
  url: string,
  count: number,
  concurrency: number,
  body: string,
  headersFor: (i: number) => Record<string, string>,
  expectStatus = 200,
): Promise<number> {
  const agent = new Agent({ connections: concurrency });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const res = await request(url, { method: 'POST', body, headers: headersFor(next++), dispatcher: agent });
        if (res.statusCode !== expectStatus) throw new Error(`HTTP ${res.statusCode}: ${await res.body.text()}`);
        await res.body.dump();
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  await agent.close();
  return rate;
}
