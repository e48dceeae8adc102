// Where the customer ends: in review, verified, or not verified, in plain words and without the business's
// internal reasons.
import type { CustomerCheck } from './customer-api.ts';

const OUTCOMES = {
  in_review: {
    title: 'Thank you, your photos were sent',
    text: (merchant: string) => `${merchant} is reviewing them. You will hear from them soon; you can close this page.`,
  },
  verified: {
    title: 'You are verified',
    text: (merchant: string) => `Your identity is confirmed and ${merchant} has been told. You can close this page.`,
  },
  not_verified: {
    title: 'We could not verify your identity',
    text: (merchant: string) =>
      `${merchant} has been told. If you think this is a mistake, ask for a manual review below: a person will look at your photos.`,
  },
} as const;

export function OutcomePage(props: { check: CustomerCheck }) {
  const status = props.check.status === 'waiting_for_photos' ? 'in_review' : props.check.status;
  const outcome = OUTCOMES[status];
  return (
    <section aria-labelledby="outcome-title" class={`outcome outcome-${status}`}>
      <div class="outcome-icon" aria-hidden="true">
        {status === 'verified' ? '✓' : status === 'not_verified' ? '!' : '…'}
      </div>
      <h1 id="outcome-title" tabIndex={-1}>
        {outcome.title}
      </h1>
      <p>{outcome.text(props.check.merchant || 'The business')}</p>
    </section>
  );
}
