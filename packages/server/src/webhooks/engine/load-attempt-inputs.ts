// What a batch of claimed deliveries needs before its attempts start, read once per batch: each event's
// stored bytes, each endpoint, and each account's active secrets per mode.
import type { Services } from '../../core/services.ts';
import type { KeyMode } from '../../store/accounts-repo.ts';
import type { ClaimedDelivery } from '../../store/deliveries-repo.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';

export interface AttemptInput {
  /** Undefined when the endpoint was deleted since the claim. */
  endpoint: Endpoint | undefined;
  payload: string | undefined;
  /** The account's active secrets for the endpoint's mode: test endpoints get test-signed deliveries. */
  secrets: string[];
}

export async function loadAttemptInputs(s: Services, batch: readonly ClaimedDelivery[]): Promise<(d: ClaimedDelivery) => AttemptInput> {
  const [payloads, endpoints] = await Promise.all([s.store.deliveries.payloads(batch.map((d) => d.eventId)), endpointsOf(s, batch)]);
  const secrets = await secretsOf(s, endpoints);
  return (d) => {
    const endpoint = endpoints.get(d.endpointId);
    return { endpoint, payload: payloads.get(d.eventId), secrets: (endpoint && secrets.get(`${endpoint.accountId}:${endpoint.mode}`)) ?? [] };
  };
}

async function endpointsOf(s: Services, batch: readonly ClaimedDelivery[]): Promise<Map<string, Endpoint>> {
  const ids = [...new Set(batch.map((d) => d.endpointId))];
  const found = await Promise.all(ids.map((id) => s.store.endpoints.getById(id)));
  return new Map(found.filter((e): e is Endpoint => e !== undefined).map((e) => [e.id, e]));
}

/** Each account's secrets per mode, keyed `account:mode`. */
async function secretsOf(s: Services, endpoints: Map<string, Endpoint>): Promise<Map<string, string[]>> {
  const now = s.clock.now();
  const keys = [...new Set([...endpoints.values()].map((e) => `${e.accountId}:${e.mode}`))];
  const lists = await Promise.all(
    keys.map(async (key) => {
      const [accountId, mode] = key.split(':') as [string, KeyMode];
      return [key, (await s.store.accounts.activeSecrets(accountId, mode, now, s.store.driver.workerReads)).map((x) => x.secret)] as const;
    }),
  );
  return new Map(lists);
}
