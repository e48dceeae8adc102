// Where the customer is: which photos are done, which one is next.
import type { CustomerCheck } from './customer-api.ts';
import { PHOTO_TEXT, allSteps, currentStep } from './photo-steps.ts';

export function ProgressSteps(props: { check: CustomerCheck }) {
  const steps = allSteps(props.check);
  const current = currentStep(props.check);
  const index = current ? steps.indexOf(current) : steps.length;
  return (
    <nav aria-label="Progress">
      <p class="progress-text">
        {current ? `Photo ${index + 1} of ${steps.length}` : `All ${steps.length} photos sent`}
      </p>
      <ol class="progress">
        {steps.map((kind) => {
          const done = props.check.photos_accepted.includes(kind);
          const state = done ? 'done' : kind === current ? 'current' : 'todo';
          return (
            <li key={kind} class={`progress-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span class="progress-mark" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              {PHOTO_TEXT[kind].title}
              <span class="visually-hidden">{done ? ' (done)' : state === 'current' ? ' (now)' : ' (to do)'}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
