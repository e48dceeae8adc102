// One long-lived undici dispatcher per connection setting, so that deliveries reuse keep-alive
// connections instead of paying a TCP and TLS handshake per request.

import { Agent, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import type { ResolvedOutboundOptions } from './outbound-options.ts';

const dispatchers = new Map<string, Dispatcher>();

function create(options: ResolvedOutboundOptions): Dispatcher {
  const { connectTimeoutMs, localAddress, proxyUrl } = options;
  if (proxyUrl !== undefined) {
    // The proxy receives the already-checked IP (CONNECT ip:port), so it cannot resolve the name
    // again to something else. The egress address is then the proxy's, so localAddress does not apply.
    return new ProxyAgent({
      uri: proxyUrl,
      proxyTls: { timeout: connectTimeoutMs },
      requestTls: { timeout: connectTimeoutMs },
    });
  }
  // Pools are keyed by origin, and every origin we dispatch to is a checked IP literal: connections
  // never resolve a name, so a pooled connection always goes to an address that passed the check.
  return new Agent({ connect: { timeout: connectTimeoutMs }, ...(localAddress === undefined ? {} : { localAddress }) });
}

/** The shared dispatcher for these options; created on first use, kept until closed. */
export function outboundDispatcher(options: ResolvedOutboundOptions): Dispatcher {
  const key = `${options.proxyUrl ?? ''}\n${options.localAddress ?? ''}\n${options.connectTimeoutMs}`;
  let dispatcher = dispatchers.get(key);
  if (dispatcher === undefined) {
    dispatcher = create(options);
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** Closes every shared dispatcher, letting in-flight requests finish (shutdown and tests). */
export async function closeOutboundDispatchers(): Promise<void> {
  const closing = [...dispatchers.values()].map((dispatcher) => dispatcher.close());
  dispatchers.clear();
  await Promise.all(closing);
}
