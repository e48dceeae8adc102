// The `realid_session` cookie: HttpOnly, SameSite=Lax, Secure whenever the service is reached over https.
// One cookie whose value is base64url, so reading and writing it needs no cookie library.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';

const SESSION_COOKIE = 'realid_session';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function serialize(config: Config, value: string, maxAgeSeconds: number): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    ...(maxAgeSeconds === 0 ? ['Expires=Thu, 01 Jan 1970 00:00:00 GMT'] : []),
    'HttpOnly',
    'SameSite=Lax',
    ...(config.publicUrl.startsWith('https:') ? ['Secure'] : []),
  ].join('; ');
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === SESSION_COOKIE && value && TOKEN.test(value)) return value;
  }
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: number, now: number): void {
  reply.header('set-cookie', serialize(config, token, Math.max(0, Math.floor((expiresAt - now) / 1000))));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.header('set-cookie', serialize(config, '', 0));
}
