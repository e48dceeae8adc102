// The SDK's public check types and the schema-derived ones must agree field for field: the schemas serialize
// the answers, so an SDK type that drifted from them would promise fields the wire no longer carries.
// The assertions are types: `npm run typecheck` fails when they drift; the test run only confirms they compiled.
import type { Check, CheckDetail } from '@realid/webhooks';
import { describe, expectTypeOf, it } from 'vitest';
import type { DocumentData, Rules } from '../src/checks/check-types.ts';
import type { customerView } from '../src/checks/customer-actions.ts';
import type { CheckDetailView, CheckView, CreatedCheckView, CustomerCheckAnswer } from '../src/http/schemas/api-types.ts';

type Document = CheckView['result']['document'];

describe('the SDK’s check types and the API schemas', () => {
  it('agree on the check object', () => {
    expectTypeOf<CheckView>().toEqualTypeOf<Check>();
    expectTypeOf<Omit<CreatedCheckView, 'link'>>().toEqualTypeOf<Check>();
    expectTypeOf<CreatedCheckView['link']>().toEqualTypeOf<string>();
  });

  it('agree on the check detail', () => {
    expectTypeOf<CheckDetailView>().toEqualTypeOf<CheckDetail>();
  });

  it('list every field the domain keeps, so serialization drops none', () => {
    expectTypeOf<keyof DocumentData>().toEqualTypeOf<keyof Document>();
    expectTypeOf<keyof NonNullable<DocumentData['address']>>().toEqualTypeOf<keyof NonNullable<Document['address']>>();
    expectTypeOf<keyof Rules | 'testing'>().toEqualTypeOf<keyof CheckView['rules']>();
  });

  it('agree with what the customer’s pages are answered', () => {
    expectTypeOf<Awaited<ReturnType<typeof customerView>>>().toEqualTypeOf<CustomerCheckAnswer>();
  });
});
