// Limits that keep slow or idle clients from holding the server's connections (slowloris): headers and whole
// requests must arrive in time, idle keep-alive connections close, and connections past a limit are closed as
// they arrive, so that clients cannot use up the file descriptors the database, photos and deliveries need too.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions } from 'fastify';
import type { Config } from '../config/config.ts';

type LimitOptions = Pick<FastifyHttpOptions<Server>, 'requestTimeout' | 'keepAliveTimeout' | 'http' | 'clientErrorHandler'>;

export function connectionLimitOptions(limits: Config['http']): LimitOptions {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node looks for expired requests only this often (every 30 s by default): a late request would otherwise
      // keep its connection for up to that much longer than its timeout.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    clientErrorHandler: answerClientError,
  };
}

/** Past the limit, Node closes each new connection as it arrives; those already open are served on. */
export function limitConnections(server: Server, limits: Config['http']): void {
  server.maxConnections = limits.maxConnections;
}

const ANSWERS: Record<string, readonly [status: number, code: string, message: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request did not arrive in time.'],
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large.'],
};

/** A request the server could not read (late, malformed, oversized headers) gets our error shape, then the connection closes. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = ANSWERS[error.code ?? ''] ?? [400, 'bad_request', 'The request could not be read.'];
  // An answer already under way cannot be replaced by another one; the connection is only closed.
  const response = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const body = JSON.stringify({ error: { code, message } });
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}
