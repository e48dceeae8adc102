// Validators: bodies are strict (a string is not a number), query strings and params coerce (they are text).
// A body schema marked `x-ignore-unknown` drops the fields it does not declare, at every depth, instead of
// refusing them: Real ID's clients send fields realid has no use for, and those must be neither stored nor echoed.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FastifySchemaCompiler } from 'fastify';

const rfc3339 = fullFormats['date-time'] as { validate: (text: string) => boolean; compare: (a: string, b: string) => number | undefined };

/**
 * RFC 3339 allows a leap second (`2016-12-31T23:59:60Z`), which no JavaScript date can hold: Date.parse gives NaN,
 * which a route would hand on to the database. A `date-time` must also be an instant we can compute with.
 */
const instant = { type: 'string', validate: (text: string) => rfc3339.validate(text) && Number.isFinite(Date.parse(text)), compare: rfc3339.compare } as const;

function makeAjv(coerce: boolean, removeAdditional: 'all' | false = false) {
  const ajv = new Ajv.default({ coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional, allErrors: false, strict: false });
  addFormats.default(ajv, ['email', 'uri']);
  ajv.addFormat('date-time', instant);
  ajv.addKeyword({ keyword: 'hide' });
  return ajv;
}

const strict = makeAjv(false);
const stripping = makeAjv(false, 'all');
const coercing = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  if (httpPart !== 'body') return coercing.compile(schema);
  const validate = ((schema as Record<string, unknown>)['x-ignore-unknown'] ? stripping : strict).compile(schema);
  if ((schema as { required?: string[] }).required?.length) return validate;
  // A body whose fields are all optional may be left out entirely (`POST /checks/{id}/approve`).
  const optional = (data: unknown): boolean => {
    const ok = validate(data ?? {});
    optional.errors = validate.errors;
    return ok;
  };
  optional.errors = null as typeof validate.errors;
  return optional;
};
