// What a merchant may send to create a check, in Real ID's current and older spellings, normalised to one
// shape before anything is stored: `firstName` becomes `first_name`, platform ids become `id`, rules and
// content given inside `check` (as Real ID nests them in its answer) or beside it are merged.
import type { CreateCheckBody } from '../http/schemas/api-types.ts';
import type { CheckContent, Customer, Order, PlatformId, Rules } from './check-types.ts';

/** The platform ids of the body's customer or order, typed by their schema (`http/schemas/check-schemas.ts`). */
type PlatformIds = Pick<CreateCheckBody['customer'], 'wc_id' | 'wcId' | 'shopify_admin_graphql_id' | 'shopifyAdminGraphqlId'>;

export interface CheckInput {
  customer: Customer;
  order: Order | null;
  rules: Partial<Rules>;
  /** The `testing` rule when the merchant gave one. */
  testing?: boolean;
  content: CheckContent | null;
}

/** Empty strings are no value: some clients send every field they have a box for. */
function text(...values: (string | undefined)[]): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

function platformId(ids: PlatformIds): PlatformId | undefined {
  const shopify = text(ids.shopify_admin_graphql_id, ids.shopifyAdminGraphqlId);
  if (shopify) return shopify;
  const wc = ids.wc_id ?? ids.wcId;
  return typeof wc === 'string' ? text(wc) : wc;
}

/** Drops the keys whose value is undefined, so stored JSON holds only what was given. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function contentOf(check: CreateCheckBody['check']): CheckContent | null {
  const intro = text(check?.intro_content);
  const color = text(check?.theme?.primary_color);
  const content = defined({ intro_content: intro, theme: color ? { primary_color: color } : undefined });
  return Object.keys(content).length ? content : null;
}

export function checkInput(body: CreateCheckBody): CheckInput {
  const c = body.customer;
  const customer = defined({
    id: platformId(c),
    email: text(c.email),
    phone: text(c.phone),
    first_name: text(c.first_name, c.firstName),
    last_name: text(c.last_name, c.lastName),
  });
  const o = body.order ?? {};
  const order = defined({ id: platformId(o), name: text(o.name) });
  const { testing, ...rules } = defined({ ...body.rules, ...body.check?.rules });
  return {
    customer,
    order: Object.keys(order).length ? order : null,
    rules,
    ...(testing !== undefined ? { testing } : {}),
    content: contentOf(body.check),
  };
}
