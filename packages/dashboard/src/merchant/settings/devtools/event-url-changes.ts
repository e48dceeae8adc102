// DevTools shows one URL per event, the API stores endpoints that each serve a list of events. These turn
// "set/change/remove the URL of this event" into endpoint calls without disturbing the other events.
import type { RealIdEventType } from '@realid/webhooks';
import { createEndpoint, deleteEndpoint, updateEndpoint, type Endpoint, type Mode } from './webhooks-api.ts';

const sameUrl = (a: string, b: string): boolean => a.trim() === b.trim();

export async function addUrlForEvent(endpoints: Endpoint[], mode: Mode, eventType: RealIdEventType, url: string): Promise<void> {
  const existing = endpoints.find((e) => e.mode === mode && sameUrl(e.url, url));
  if (!existing) {
    await createEndpoint({ url: url.trim(), event_types: [eventType], mode });
    return;
  }
  if (!existing.event_types.includes(eventType)) await updateEndpoint(existing.id, { event_types: [...existing.event_types, eventType] });
}

export async function removeUrlForEvent(endpoint: Endpoint, eventType: RealIdEventType): Promise<void> {
  const rest = endpoint.event_types.filter((t) => t !== eventType);
  if (rest.length === 0) await deleteEndpoint(endpoint.id);
  else await updateEndpoint(endpoint.id, { event_types: rest });
}

export async function changeUrlForEvent(endpoints: Endpoint[], endpoint: Endpoint, eventType: RealIdEventType, url: string): Promise<void> {
  if (sameUrl(endpoint.url, url)) return;
  const target = endpoints.find((e) => e.mode === endpoint.mode && sameUrl(e.url, url));
  // The endpoint serves only this event and nobody else has the new URL: change it in place and keep its history.
  if (!target && endpoint.event_types.length === 1) {
    await updateEndpoint(endpoint.id, { url: url.trim() });
    return;
  }
  await addUrlForEvent(endpoints, endpoint.mode, eventType, url);
  await removeUrlForEvent(endpoint, eventType);
}
