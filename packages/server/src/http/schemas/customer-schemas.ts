// JSON Schemas for the customer's side, reached with the link's token alone: requests and answers.
import { PHOTO_KINDS } from '../../checks/check-types.ts';
import { dateTime, reasonSchema } from './check-object-schemas.ts';

const photoKind = { enum: PHOTO_KINDS } as const;
const privacyKind = { enum: ['data_request', 'manual_review', 'data_deletion'] } as const;

export const tokenParams = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 200, description: 'The token from the check’s link: whoever holds the link is the customer.' } },
} as const;

export const privacyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: privacyKind, message: { type: 'string', maxLength: 2000 } },
} as const;

/**
 * The photo upload's form, for the OpenAPI document only: the route reads the multipart stream itself (the
 * `kind` field must come before the file), so nothing validates a parsed body against this.
 */
export const photoUploadForm = {
  type: 'object',
  required: ['photo'],
  properties: {
    kind: { ...photoKind, description: 'Which photo this is; before the file, or as `?kind=`.' },
    photo: { type: 'string', contentMediaType: 'application/octet-stream', description: 'JPEG, PNG, WebP or HEIC, recognised by content; the signature is a PNG.' },
  },
} as const;

export const photoQuery = {
  type: 'object',
  properties: { kind: photoKind },
} as const;

/** Where the customer stands: progress and what to do next, never the merchant's reason codes or rules. */
export const customerCheckSchema = {
  title: 'CustomerCheck',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'merchant',
    'testing',
    'status',
    'photos_needed',
    'photos_accepted',
    'retake',
    'retakes_left',
    'intro_content',
    'theme',
    'link_expires_at',
    'privacy_requests',
  ],
  properties: {
    id: { type: 'string' },
    merchant: { type: 'string' },
    testing: { type: 'boolean' },
    status: { enum: ['waiting_for_photos', 'in_review', 'verified', 'not_verified'] },
    photos_needed: { type: 'array', items: photoKind },
    photos_accepted: { type: 'array', items: photoKind },
    retake: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['kind', 'message'],
      properties: { kind: photoKind, message: { type: 'string' } },
    },
    retakes_left: { type: 'integer' },
    intro_content: { type: ['string', 'null'], description: 'The merchant’s own words for this check, shown before the first photo.' },
    theme: { type: 'object', additionalProperties: false, properties: { primary_color: { type: 'string' } } },
    selfie_turn: { enum: ['left', 'right'], description: 'With a turned-selfie step: the side to turn to.' },
    link_expires_at: dateTime,
    privacy_requests: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['kind', 'created_at'], properties: { kind: privacyKind, created_at: dateTime } },
    },
  },
} as const;

export const customerCheckAnswer = {
  description: 'Where the customer stands.',
  type: 'object',
  additionalProperties: false,
  required: ['check'],
  properties: { check: customerCheckSchema },
} as const;

export const photoAnswer = {
  description: 'The photo, accepted or rejected (with what to fix), and where the customer stands now.',
  type: 'object',
  additionalProperties: false,
  required: ['photo', 'check'],
  properties: {
    photo: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'status', 'reasons'],
      properties: { id: { type: 'string' }, kind: photoKind, status: { enum: ['accepted', 'rejected'] }, reasons: { type: 'array', items: reasonSchema } },
    },
    check: customerCheckSchema,
  },
} as const;

export const privacyRequestAnswer = {
  description: 'Filed; the merchant is told by webhook.',
  type: 'object',
  additionalProperties: false,
  required: ['privacy_request'],
  properties: {
    privacy_request: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'created_at'],
      properties: { id: { type: 'string' }, kind: privacyKind, created_at: dateTime },
    },
  },
} as const;
