// What an account without the Enterprise plan sees in DevTools: what webhooks would give it and how to get them.
import { EVENT_DESCRIPTIONS } from '../../labels.ts';
import { Card } from '../../../ui/card.tsx';

export function PlanRequired(props: { message: string; accountId: string }) {
  return (
    <Card id="plan-title" title="Webhooks come with the Enterprise plan" class="plan-required">
      <p>
        With webhooks, every step of every check reaches your server the moment it happens, as a signed HTTPS request: sync customer
        records, hold an order until its check completes, release it when it does, without polling the API.
      </p>
      <ul class="event-summary">
        {Object.entries(EVENT_DESCRIPTIONS).map(([type, text]) => (
          <li key={type}>
            <code>{type}</code> — {text}
          </li>
        ))}
      </ul>
      <p>Each delivery is signed with your account’s secret, retried for more than a day when your server is down, and logged with every attempt.</p>
      <h3>How to get them</h3>
      <p>{props.message}</p>
      <p>
        The operator of this service changes the plan with:
        <br />
        <code class="command">realid accounts set-plan --id {props.accountId} --plan enterprise</code>
      </p>
    </Card>
  );
}
