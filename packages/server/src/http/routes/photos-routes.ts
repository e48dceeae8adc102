// Serves a photo to whoever holds a fresh signed URL from `GET /checks/{id}?withPhotos=true`.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.ts';
import { AppError } from '../../errors/app-error.ts';
import { verifyPhotoSignature } from '../../photos/photo-urls.ts';

export function photosRoutes(s: Services) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { id: string }; Querystring: { expires: number; signature: string } }>(
      '/photos/:id',
      {
        schema: {
          hide: true,
          params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
          querystring: {
            type: 'object',
            required: ['expires', 'signature'],
            properties: { expires: { type: 'integer' }, signature: { type: 'string', maxLength: 100 } },
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        if (!verifyPhotoSignature(s.urlKey, id, request.query.expires, request.query.signature, s.clock.now())) {
          throw new AppError('forbidden', 'This photo link is invalid or has expired; fetch the check again for a fresh one.');
        }
        const photo = await s.store.checks.getPhoto(id);
        // A deleted check has no data key any more: its photos are gone even if a file were left behind.
        const dataKey = photo?.blobKey ? await s.store.checks.dataKey(s.store.driver, photo.accountId, photo.checkId) : undefined;
        const bytes = photo?.blobKey && dataKey ? await s.blobs.get(photo.blobKey, dataKey) : undefined;
        if (!photo || !bytes) throw new AppError('not_found', 'Photo not found');
        return reply
          .header('content-type', photo.contentType)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(bytes);
      },
    );
  };
}
