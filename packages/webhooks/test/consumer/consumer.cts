// Type-checked, never run: a CommonJS TypeScript file (compiled to require calls) under NodeNext.
import { constructEvent, type RealIdEvent } from '@realid/webhooks';
import { webhookHandler } from '@realid/webhooks/express';

export const parse = (body: string, headers: Record<string, string>): Promise<RealIdEvent> => constructEvent(body, headers, 'whsec_x');
export const handler = webhookHandler('whsec_dfAV7w8VzpKGF7UP5gQuIb7QWzmK3KzZCD25AC6N+2Y=', () => undefined);
