// The one table of allowed step changes. Steps move forward; only a merchant's override crosses between verdicts.
import { AppError } from '../errors/app-error.ts';
import type { Step } from './check-types.ts';

export type Action = 'open' | 'submit_photo' | 'complete' | 'fail' | 'approve' | 'reject';

export const TRANSITIONS: Record<Action, { from: readonly Step[]; to: Step }> = {
  open: { from: ['delivered'], to: 'opened' },
  submit_photo: { from: ['opened', 'submitted-photo'], to: 'submitted-photo' },
  complete: { from: ['submitted-photo'], to: 'completed' },
  fail: { from: ['delivered', 'opened', 'submitted-photo'], to: 'failed' },
  approve: { from: ['delivered', 'opened', 'submitted-photo', 'failed'], to: 'completed' },
  reject: { from: ['delivered', 'opened', 'submitted-photo', 'completed'], to: 'failed' },
};

export const canTransition = (step: Step, action: Action): boolean => TRANSITIONS[action].from.includes(step);

/** The step after `action`, or a 409 `invalid_transition` that says why not. */
export function nextStep(step: Step, action: Action): Step {
  if (!canTransition(step, action)) {
    throw new AppError('invalid_transition', `Cannot ${action.replace('_', ' ')} a check whose step is "${step}".`);
  }
  return TRANSITIONS[action].to;
}

export const isTerminal = (step: Step): boolean => step === 'completed' || step === 'failed';
