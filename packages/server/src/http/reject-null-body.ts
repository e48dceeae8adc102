// A JSON body of `null` is a body, and not the object any route takes. Fastify hands a validator `null` for a body
// that was left out, too, so only here, before validation, can the two be told apart: `null` is refused with 422,
// while a left-out body stays allowed where every field is optional (Real ID's clients send bodiless POSTs).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';

export function rejectNullBody(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body !== null) return done();
    done(new AppError('validation_failed', 'Invalid request: the body must be a JSON object, not null.', [{ field: 'body', message: 'must be an object, not null' }]));
  });
}
