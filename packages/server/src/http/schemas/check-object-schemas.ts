// The check object as the API answers it (docs/api.md "The check object"): Real ID's documented shape first,
// realid's additions beside it. These schemas serialize the answers (a field missing here is dropped from
// them), document them in the OpenAPI document, and type them (`api-types.ts`).
import { PHOTO_KINDS, STEPS } from '../../checks/check-types.ts';

export const dateTime = { type: 'string', format: 'date-time' } as const;
export const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
/** A platform's id for the customer or order, as the merchant gave it: a Shopify GraphQL id or a WooCommerce id. */
const platformId = { type: ['string', 'integer', 'null'], description: 'The platform’s id (Shopify GraphQL id or WooCommerce id), as given.' } as const;
const photoKind = { enum: PHOTO_KINDS } as const;
const SUB_CHECK_NAMES = [
  'document_readable',
  'required_fields',
  'not_expired',
  'minimum_age',
  'back_readable',
  'face_match',
  'name_match',
  'liveness',
  'signature',
  'manual_review',
] as const;

export const reasonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'retryable', 'message'],
  properties: {
    code: { type: 'string', description: 'A reason code (docs/api.md "The lifecycle"), e.g. `document_expired`.' },
    retryable: { type: 'boolean', description: 'true: a retake can fix it; false: final.' },
    message: { type: 'string' },
  },
} as const;

const customer = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'first_name', 'last_name', 'phone', 'email'],
  properties: { id: platformId, first_name: { type: 'string' }, last_name: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' } },
} as const;

const order = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: { id: platformId, name: { type: 'string' } },
} as const;

const rules = {
  type: 'object',
  additionalProperties: false,
  required: ['testing', 'signature_required', 'id_check_type', 'include_back_of_id', 'selfie_liveness', 'minimum_age', 'max_retakes'],
  properties: {
    testing: { type: 'boolean' },
    signature_required: { type: 'boolean' },
    id_check_type: { enum: ['idv', 'id'], description: '`idv`: the ID and a selfie matched to its portrait; `id`: the ID alone.' },
    include_back_of_id: { type: 'boolean' },
    selfie_liveness: { enum: ['straight', 'turn'], description: '`turn`: a second selfie with the head turned to a side named at random.' },
    minimum_age: { type: 'integer', description: 'realid: the youngest age that passes (0: no age rule).' },
    max_retakes: { type: 'integer', description: 'realid: how many unusable photos the customer may retake.' },
    // Not on checks created before name matching existed.
    name_match: { type: 'boolean', description: 'realid: the name read from the ID must match the customer’s.' },
  },
} as const;

const address = {
  type: 'object',
  additionalProperties: false,
  properties: { street: { type: 'string' }, city: { type: 'string' }, state: { type: 'string' }, postal_code: { type: 'string' }, country: { type: 'string' } },
} as const;

/** What was read from the ID; fields appear only once read. */
const document = {
  type: 'object',
  additionalProperties: false,
  description: 'What was read from the ID; fields appear only once read. Dates are `YYYY-MM-DD`.',
  properties: {
    source: { enum: ['barcode', 'mrz', 'simulator'], description: 'realid: where the fields came from.' },
    document_type: { enum: ['drivers_license', 'id_card', 'passport'] },
    issuing_country: { type: 'string' },
    issuing_state: { type: 'string' },
    first_name: { type: 'string' },
    middle_name: { type: 'string' },
    last_name: { type: 'string' },
    birth_date: { type: 'string' },
    expiration_date: { type: 'string' },
    issue_date: { type: 'string' },
    document_number: { type: 'string' },
    sex: { enum: ['M', 'F', 'X'] },
    nationality: { type: 'string' },
    address,
  },
} as const;

const result = {
  type: 'object',
  additionalProperties: false,
  required: ['scores', 'document'],
  properties: {
    scores: {
      type: 'object',
      additionalProperties: false,
      description: '0–1, higher is better.',
      properties: { face_match: { type: 'number' }, liveness: { type: 'number' } },
    },
    document,
  },
} as const;

const checkProperties = {
  id: { type: 'string' },
  step: { enum: STEPS },
  shop_name: { type: 'string' },
  created_at: dateTime,
  order,
  customer,
  rules,
  result,
  verdict: { enum: ['pending', 'passed', 'failed'] },
  deleted: { type: 'boolean' },
  updated_at: dateTime,
  opened_at: nullableDateTime,
  finished_at: nullableDateTime,
  deleted_at: nullableDateTime,
  personal_data_expires_at: { ...nullableDateTime, description: 'When a finished check’s personal data will be deleted automatically.' },
  link_expires_at: dateTime,
} as const;

const checkRequired = [
  'id',
  'step',
  'shop_name',
  'created_at',
  'order',
  'customer',
  'rules',
  'result',
  'verdict',
  'deleted',
  'updated_at',
  'opened_at',
  'finished_at',
  'deleted_at',
  'personal_data_expires_at',
  'link_expires_at',
] as const;

/** A check as lists, the create answer and the delete answer show it. */
export const checkSchema = {
  title: 'Check',
  type: 'object',
  additionalProperties: false,
  required: checkRequired,
  properties: checkProperties,
} as const;

/** The create answer's check: with the customer's link, shown this once. */
export const createdCheckSchema = {
  title: 'CreatedCheck',
  type: 'object',
  additionalProperties: false,
  required: [...checkRequired, 'link'],
  properties: { ...checkProperties, link: { type: 'string', description: 'The customer’s link. Shown only in this answer.' } },
} as const;

const box = {
  type: 'object',
  additionalProperties: false,
  required: ['x', 'y', 'width', 'height'],
  properties: { x: { type: 'number' }, y: { type: 'number' }, width: { type: 'number' }, height: { type: 'number' } },
} as const;

const detailProperties = {
  ...checkProperties,
  content: {
    type: 'object',
    additionalProperties: false,
    properties: {
      intro_content: { type: 'string' },
      theme: { type: 'object', additionalProperties: false, properties: { primary_color: { type: 'string' } } },
    },
  },
  analyzer: { type: 'string' },
  sub_checks: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'status', 'reasons'],
      properties: { name: { enum: SUB_CHECK_NAMES }, status: { enum: ['passed', 'failed', 'pending'] }, reasons: { type: 'array', items: reasonSchema } },
    },
  },
  decision: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['by', 'verdict', 'at'],
    properties: { by: { enum: ['merchant', 'simulation'] }, verdict: { enum: ['passed', 'failed'] }, reason: { type: 'string' }, at: dateTime },
  },
  retakes: { type: 'integer' },
  selfie_turn: { enum: ['left', 'right'], description: 'With `selfie_liveness: turn`: the side the customer was asked to turn to.' },
  face_comparison: {
    type: 'object',
    additionalProperties: false,
    description: 'Offline analysis: the document’s portrait (its photo and where on it) beside the selfie, for a reviewer.',
    required: ['portrait', 'selfie_photo_id', 'score'],
    properties: {
      portrait: { type: 'object', additionalProperties: false, required: ['photo_id', 'box'], properties: { photo_id: { type: 'string' }, box } },
      selfie_photo_id: { type: 'string' },
      score: { type: ['number', 'null'] },
    },
  },
  photos_received: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'status', 'reasons', 'created_at'],
      properties: { id: { type: 'string' }, kind: photoKind, status: { enum: ['accepted', 'rejected'] }, reasons: { type: 'array', items: reasonSchema }, created_at: dateTime },
    },
  },
  privacy_requests: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'message', 'created_at'],
      properties: {
        id: { type: 'string' },
        kind: { enum: ['data_request', 'manual_review', 'data_deletion'] },
        message: { type: ['string', 'null'] },
        created_at: dateTime,
      },
    },
  },
  timeline: {
    type: 'array',
    description: 'The check’s events in order (`id` is the webhook-id), and `personal_data.deleted` with who deleted it.',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'event', 'created_at'],
      properties: { id: { type: 'string' }, event: { type: 'string' }, created_at: dateTime, by: { enum: ['merchant', 'retention'] } },
    },
  },
  photos: {
    type: 'array',
    description: 'With `?withPhotos=true`: signed URLs, valid for five minutes.',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'content_type', 'url', 'expires_at'],
      properties: { id: { type: 'string' }, kind: photoKind, content_type: { type: 'string' }, url: { type: 'string' }, expires_at: dateTime },
    },
  },
} as const;

/** `GET /checks/{id}`: everything, with `photos` when asked for. */
export const checkDetailSchema = {
  title: 'CheckDetail',
  type: 'object',
  additionalProperties: false,
  required: [...checkRequired, 'content', 'analyzer', 'sub_checks', 'decision', 'retakes', 'photos_received', 'privacy_requests', 'timeline'],
  properties: detailProperties,
} as const;
