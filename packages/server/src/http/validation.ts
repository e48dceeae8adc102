// Two validators: bodies are strict (a string is not a number), query strings and params coerce (they are text).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(coerce: boolean) {
  const ajv = new Ajv.default({ coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats.default(ajv, ['email', 'date-time', 'uri']);
  ajv.addKeyword({ keyword: 'hide' });
  return ajv;
}

const strict = makeAjv(false);
const coercing = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  if (httpPart !== 'body') return coercing.compile(schema);
  const validate = strict.compile(schema);
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
