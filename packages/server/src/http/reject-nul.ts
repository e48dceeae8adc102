// No name, email, description, message or id ever holds a NUL character, and PostgreSQL cannot store one in text:
// left alone, a NUL fails the statement that carries it and the client gets a 500. So a NUL anywhere in a
// request's path parameters, query string or JSON body (values and property names) is refused here, once for every
// route, before any of them sees it: 422 `validation_failed` naming the field. Refused rather than stripped: a
// silently changed value would be stored as something the client never sent, and two different strings (a search,
// an email at sign-in) could become one.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.ts';

const NUL = '\u0000';

/** Where a value sits: its key and its parent's place, so a field's name is spelled out only when needed. */
interface Place {
  readonly key: string;
  readonly parent: Place | undefined;
}

/** Field names as validation errors spell them: `customer.first_name`, `querystring.q`, `params.id`. */
function nameOf(place: Place | undefined): string {
  const keys: string[] = [];
  for (let at = place; at !== undefined; at = at.parent) keys.push(at.key.replaceAll(NUL, '\\u0000'));
  return keys.reverse().join('.');
}

/** The first field holding a NUL, walked without recursion so that no nesting depth can overflow the stack. */
export function fieldWithNul(value: unknown, root: string): string | undefined {
  const pending: [unknown, Place | undefined][] = [[value, root === '' ? undefined : { key: root, parent: undefined }]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, place] = next;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return nameOf(place);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPlace: Place = { key, parent: place };
        if (key.includes(NUL)) return nameOf(childPlace);
        pending.push([child, childPlace]);
      }
    }
  }
  return undefined;
}

export function rejectNul(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const field = fieldWithNul(request.params, 'params') ?? fieldWithNul(request.query, 'querystring') ?? fieldWithNul(request.body, '');
    if (field === undefined) return done();
    const name = field === '' ? 'body' : field;
    done(new AppError('validation_failed', `Invalid request: ${name} must not contain the NUL character (U+0000).`, [
      { field: name, message: 'must not contain the NUL character (U+0000)' },
    ]));
  });
}
