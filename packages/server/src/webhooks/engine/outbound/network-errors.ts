// Maps the errors node:net, node:tls, DNS and undici raise to our stable attempt error codes.

import type { SendErrorCode } from './send-result.ts';

const BY_CODE: Readonly<Record<string, SendErrorCode>> = {
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  ECONNREFUSED: 'connection_refused',
  ECONNRESET: 'connection_reset',
  ECONNABORTED: 'connection_reset',
  EPIPE: 'connection_reset',
  UND_ERR_SOCKET: 'connection_reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  // Node reports TLS record-layer failures (e.g. https to a plain-http port) as EPROTO.
  EPROTO: 'tls',
};

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;
const MAX_MESSAGE = 300;

function codesOf(error: unknown): { codes: string[]; message: string } {
  const codes: string[] = [];
  let message = '';
  // undici and fetch wrap the socket error in `cause`; the useful code can be a few levels down.
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    message ||= current.message;
  }
  return { codes, message };
}

export function classifyNetworkError(error: unknown): { errorCode: SendErrorCode; errorMessage: string } {
  const { codes, message } = codesOf(error);
  const errorMessage = (message || String(error)).slice(0, MAX_MESSAGE);
  for (const code of codes) {
    const mapped = BY_CODE[code] ?? (TLS_CODE.test(code) ? 'tls' : undefined);
    if (mapped !== undefined) return { errorCode: mapped, errorMessage };
  }
  return { errorCode: 'network', errorMessage };
}
