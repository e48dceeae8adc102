// Settings › DevTools: the URL for each event, endpoint health and tools, the signing secret, the delivery
// log and notices, per mode. Accounts without webhooks see what they would get instead.
import { useState } from 'preact/hooks';
import { ApiError } from '../../../lib/api.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { Card } from '../../../ui/card.tsx';
import { ErrorMessage, Loading } from '../../../ui/feedback.tsx';
import { PageTitle } from '../../app-shell.tsx';
import { useSession } from '../../session.ts';
import { AccountNotices } from './account-notices.tsx';
import { DeliveryLog } from './delivery-log.tsx';
import { EndpointCard } from './endpoint-card.tsx';
import { EventUrls } from './event-urls.tsx';
import { PlanRequired } from './plan-required.tsx';
import { SigningSecret } from './signing-secret.tsx';
import { useMode } from '../../../lib/mode.ts';
import { listEndpoints } from './webhooks-api.ts';

export function DevToolsPage() {
  const { session } = useSession();
  const mode = useMode();
  const [refreshKey, setRefreshKey] = useState(0);
  const endpoints = useAsync((signal) => listEndpoints(signal), []);
  const changed = async () => {
    await endpoints.reload();
    setRefreshKey((k) => k + 1);
  };

  const planError = endpoints.error instanceof ApiError && endpoints.error.code === 'plan_required' ? endpoints.error : undefined;
  const all = endpoints.data?.endpoints ?? [];
  const inMode = all.filter((e) => e.mode === mode);

  return (
    <section class="devtools">
      <div class="page-header">
        <PageTitle>DevTools</PageTitle>
      </div>
      {planError ? (
        <PlanRequired message={planError.message} accountId={session.account.id} />
      ) : !endpoints.data ? (
        endpoints.error ? <ErrorMessage error={endpoints.error} retry={() => void endpoints.reload()} /> : <Loading />
      ) : (
        <>
          <Card id="event-urls" title={`Webhook URLs by event (${mode} mode)`}>
            <p class="hint">{mode === 'live' ? 'Live URLs must use https.' : 'Test checks (testing: true) are sent to these URLs.'}</p>
            <EventUrls endpoints={all} mode={mode} onChanged={changed} />
          </Card>
          <Card id="endpoints" title={`Endpoints (${mode} mode)`}>
            {inMode.length === 0 ? <p class="muted">No endpoints yet: add a URL for an event above.</p> : (
              <ul class="endpoint-list">
                {inMode.map((e) => (
                  <EndpointCard key={e.id} endpoint={e} onChanged={changed} />
                ))}
              </ul>
            )}
          </Card>
          <Card id="secret" title={`Signing secret (${mode} mode)`}>
            <SigningSecret />
          </Card>
          <Card id="log" title="Delivery log" wide>
            <DeliveryLog endpoints={all} refreshKey={refreshKey} />
          </Card>
          <Card id="notices" title="Notices">
            <AccountNotices refreshKey={refreshKey} />
          </Card>
        </>
      )}
    </section>
  );
}
