// A multipart body whose framing is broken is the client's mistake: a boundary that is missing or longer than RFC
// 2046 allows, parts framed by another boundary, a body that ends before its closing delimiter. The parser reports
// those as plain errors, which would otherwise become 500s; here they become 400 `bad_request`.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/** RFC 2046 §5.1.1: 1 to 70 characters from a small set, the last not a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]$/;
const BOUNDARY_PARAMETER = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i;

const unreadable = (message: string): AppError => new AppError('bad_request', `The multipart body cannot be read: ${message}.`);

/** Refuses a multipart request whose boundary parameter is missing or malformed, before any of its body is read. */
export function checkBoundary(request: FastifyRequest): void {
  const match = BOUNDARY_PARAMETER.exec(request.headers['content-type'] ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined || boundary === '') throw unreadable('its Content-Type has no boundary');
  if (!BOUNDARY.test(boundary)) throw unreadable('its boundary is not 1 to 70 of the characters RFC 2046 allows');
}

/**
 * Runs a read of the multipart body; the parser's own errors (framing, an early end) become 400s. Errors that
 * already carry a client status (a file over the size limit: 413) or a code of ours keep it.
 */
export async function readingMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (error instanceof AppError || (typeof status === 'number' && status < 500)) throw error;
    throw unreadable('its parts are not framed by its boundary, or it ends before its closing delimiter');
  }
}
