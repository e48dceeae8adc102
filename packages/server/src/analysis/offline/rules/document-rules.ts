// The sub-checks that what was read from an ID settles: readable, the fields a check needs, not expired, old
// enough, and the customer's name. Pure: the same document, rules and day always give the same answer.
import { reason } from '../../../checks/reason-codes.ts';
import type { Customer, DocumentData, Rules, SubCheck } from '../../../checks/check-types.ts';
import { namesMatch } from './name-match.ts';

const passed = (name: SubCheck['name']): SubCheck => ({ name, status: 'passed', reasons: [] });
const failed = (name: SubCheck['name'], code: Parameters<typeof reason>[0]): SubCheck => ({ name, status: 'failed', reasons: [reason(code)] });

/** Whole years from `birth` to `today` (both YYYY-MM-DD): a birthday counts from its day. */
export function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const REQUIRED: (keyof DocumentData)[] = ['last_name', 'birth_date', 'expiration_date', 'document_number'];

export function documentSubChecks(document: DocumentData, context: { rules: Rules; customer: Customer | null; today: string }): SubCheck[] {
  const { rules, customer, today } = context;
  const complete = REQUIRED.every((field) => Boolean(document[field])) && Boolean(document.first_name || document.last_name);
  if (!complete) return [passed('document_readable'), failed('required_fields', 'missing_required_fields')];
  const checks: SubCheck[] = [
    passed('document_readable'),
    passed('required_fields'),
    // An ID is valid through the day printed on it.
    document.expiration_date! >= today ? passed('not_expired') : failed('not_expired', 'document_expired'),
  ];
  if (rules.minimum_age > 0) {
    checks.push(ageOn(document.birth_date!, today) >= rules.minimum_age ? passed('minimum_age') : failed('minimum_age', 'underage'));
  }
  if (rules.name_match && customer) checks.push(namesMatch(customer, document) ? passed('name_match') : failed('name_match', 'name_mismatch'));
  return checks;
}

/** Both sides read: the same person on each (names and date of birth), or the check fails. */
export function sidesAgree(front: DocumentData, back: DocumentData): boolean {
  if (front.birth_date && back.birth_date && front.birth_date !== back.birth_date) return false;
  const asCustomer = { first_name: front.first_name ?? '', last_name: front.last_name ?? '' };
  return namesMatch(asCustomer, back);
}
