// What a batch of claimed deliveries needs before its attempts start, read once per batch: each event's
// stored bytes, each endpoint, and the active secrets of each endpoint's account and mode.
import type { Services } from '../../core/services.ts';
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
  // All three at once: each round trip between the claim and the attempts is waited for by every delivery in
  // the batch, and on a busy machine each costs a scheduling delay of its own.
  const endpointIds = [...new Set(batch.map((d) => d.endpointId))];
  const [payloads, endpoints, secrets] = await Promise.all([
    s.store.deliveries.payloads(batch.map((d) => d.eventId)),
    endpointsOf(s, endpointIds),
    secretsOf(s, endpointIds),
  ]);
  return (d) => {
    const endpoint = endpoints.get(d.endpointId);
    return { endpoint, payload: payloads.get(d.eventId), secrets: (endpoint && secrets.get(endpoint.id)) ?? [] };
  };
}

async function endpointsOf(s: Services, ids: readonly string[]): Promise<Map<string, Endpoint>> {
  const found = await Promise.all(ids.map((id) => s.store.endpoints.getById(id)));
  return new Map(found.filter((e): e is Endpoint => e !== undefined).map((e) => [e.id, e]));
}

/** The secrets that sign each endpoint's deliveries (its account's, for its mode), by endpoint id. */
async function secretsOf(s: Services, ids: readonly string[]): Promise<Map<string, string[]>> {
  const now = s.clock.now();
  const lists = await Promise.all(ids.map(async (id) => [id, (await s.store.accounts.activeSecretsOfEndpoint(id, now)).map((x) => x.secret)] as const));
  return new Map(lists);
}
