// Where an endpoint's deliveries may go, by its mode: the one rule both the endpoint's URL check (on create and
// change) and every attempt (at connect time, after resolving) apply. Live endpoints reach public addresses over
// https only, whatever the settings: on a shared instance a live receiver on loopback or a private network
// would let a merchant probe the operator's services and read their answers in the delivery log. The operator's
// switches open loopback (a developer's receiver on the same machine) and private networks to test endpoints alone.
import type { Config } from '../../config/config.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';

export interface DestinationPolicy {
  readonly allowLoopback: boolean;
  readonly allowPrivate: boolean;
  readonly requireHttps: boolean;
}

const LIVE: DestinationPolicy = Object.freeze({ allowLoopback: false, allowPrivate: false, requireHttps: true });

export function destinationPolicy(settings: Pick<Config['webhooks'], 'allowLoopback' | 'allowPrivate'>, mode: Endpoint['mode']): DestinationPolicy {
  if (mode === 'live') return LIVE;
  return { allowLoopback: settings.allowLoopback, allowPrivate: settings.allowPrivate, requireHttps: false };
}
