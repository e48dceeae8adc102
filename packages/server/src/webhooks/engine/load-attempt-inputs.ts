// What a batch of claimed deliveries needs before its attempts start: each event's stored bytes, each endpoint,
// and the active secrets of each endpoint's account and mode. On PostgreSQL the claim brought them; where it
// did not (SQLite), or they were read before the deliveries waited for an endpoint's slot, they are read here,
// once per batch.
import type { Services } from '../../core/services.ts';
import type { AttemptInputs, ClaimedDelivery } from '../../store/deliveries-repo.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';

/** `claimedJustNow`: the attempts start at once, so what the claim read is current enough to use. */
export async function loadAttemptInputs(s: Services, batch: readonly ClaimedDelivery[], claimedJustNow: boolean): Promise<(d: ClaimedDelivery) => AttemptInputs> {
  if (claimedJustNow && batch.every((d) => d.inputs)) return (d) => d.inputs!;
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
