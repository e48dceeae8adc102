// Validators: bodies are strict (a string is not a number), query strings and params coerce (they are text).
// A body schema marked `x-ignore-unknown` drops the fields it does not declare, at every depth, instead of
// refusing them: Real ID's clients send fields realid has no use for, and those must be neither stored nor echoed.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(coerce: boolean, removeAdditional: 'all' | false = false) {
  const ajv = new Ajv.default({ coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional, allErrors: false, strict: false });
  addFormats.default(ajv, ['email', 'date-time', 'uri']);
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
