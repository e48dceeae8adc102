import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../src/webhooks/engine/outbound/network-errors.ts';

const withCode = (message: string, code: string, cause?: Error): Error => Object.assign(new Error(message, { cause }), { code });

describe('classifyNetworkError', () => {
  it.each([
    [withCode('connect ECONNREFUSED 10.0.0.1:443', 'ECONNREFUSED'), 'connection_refused'],
    [withCode('other side closed', 'UND_ERR_SOCKET'), 'connection_reset'],
    [withCode('read ECONNRESET', 'ECONNRESET'), 'connection_reset'],
    [withCode('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [withCode('Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    [withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [withCode("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [withCode('certificate has expired', 'CERT_HAS_EXPIRED'), 'tls'],
    [withCode('getaddrinfo EAI_AGAIN example.com', 'EAI_AGAIN'), 'dns'],
    [withCode('connect EHOSTUNREACH 203.0.113.1:443', 'EHOSTUNREACH'), 'network'],
    [new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }), 'connection_refused'],
    [withCode('aborted', 'UND_ERR_ABORTED', withCode('read ECONNRESET', 'ECONNRESET')), 'connection_reset'],
    ['a string', 'network'],
    [undefined, 'network'],
  ])('%s → %s', (error, errorCode) => {
    expect(classifyNetworkError(error).errorCode).toBe(errorCode);
  });

  it('keeps the outermost message, bounded in length', () => {
    const { errorMessage } = classifyNetworkError(new TypeError('fetch failed'.repeat(100), { cause: withCode('inner', 'ECONNRESET') }));
    expect(errorMessage.startsWith('fetch failed')).toBe(true);
    expect(errorMessage.length).toBeLessThanOrEqual(300);
  });
});
