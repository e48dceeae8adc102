// One check: status, who and what, sub-checks with reasons, extracted data, photos, timeline, privacy
// requests, and the merchant's actions.
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../lib/router.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Card } from '../../ui/card.tsx';
import { Alert, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { PageTitle } from '../app-shell.tsx';
import { getAccessLog, getCheck, type CheckDetail } from './check-api.ts';
import { CheckActions } from './check-actions.tsx';
import { ModeBadge, StepBadge, VerdictBadge } from './check-badges.tsx';
import { AccessLog, DefinitionList, ExtractedData, FaceComparison, Photos, PrivacyRequests, SubChecks, Timeline } from './check-sections.tsx';

/** The captures the rules ask for, in words. */
function askedFor(rules: CheckDetail['rules']): string {
  const idv = rules.id_check_type === 'idv';
  return [
    'front of ID',
    rules.include_back_of_id && 'back of ID',
    idv && 'selfie',
    idv && rules.selfie_liveness === 'turn' && 'selfie with the head turned',
    rules.signature_required && 'signature',
  ]
    .filter(Boolean)
    .join(', ');
}

function Overview(props: { check: CheckDetail }) {
  const c = props.check;
  return (
    <DefinitionList
      items={[
        ['Customer', [c.customer.first_name, c.customer.last_name].filter(Boolean).join(' ')],
        ['Email', c.customer.email],
        ['Phone', c.customer.phone],
        ['Customer id', c.customer.id],
        ['Order', c.order.name],
        ['Order id', c.order.id],
        ['Asked for', askedFor(c.rules)],
        ['Minimum age', c.rules.minimum_age],
        ['Retakes used', `${c.retakes} of ${c.rules.max_retakes}`],
        ['Created', formatDateTime(c.created_at)],
        ['Finished', c.finished_at && formatDateTime(c.finished_at)],
        ['Link expires', formatDateTime(c.link_expires_at)],
        ['Decision', c.decision && `${c.decision.verdict === 'passed' ? 'Approved' : 'Rejected'} by ${c.decision.by}${c.decision.reason ? `: “${c.decision.reason}”` : ''}`],
      ]}
    />
  );
}

export function CheckDetailPage(props: { id: string }) {
  // The check is read first, so its access log, read after, includes this view.
  const state = useAsync(async (signal) => ({ ...(await getCheck(props.id, signal)), access: await getAccessLog(props.id, signal) }), [props.id]);
  const check = state.data?.check;

  if (state.error instanceof ApiError && state.error.status === 404) {
    return (
      <section>
        <PageTitle>Check not found</PageTitle>
        <p>
          There is no check {props.id} in this account. <Link href="/">Back to the checks</Link>
        </p>
      </section>
    );
  }
  if (!check) return state.error ? <ErrorMessage error={state.error} retry={() => void state.reload()} /> : <Loading label="Loading the check…" />;

  return (
    <article class="check-detail">
      <p class="breadcrumb">
        <Link href="/">ID checks</Link> › {check.id}
      </p>
      <div class="page-header">
        <PageTitle>
          Check <span class="mono">{check.id}</span>
        </PageTitle>
        <div class="badges">
          <StepBadge step={check.step} />
          <VerdictBadge verdict={check.verdict} />
          <ModeBadge testing={check.rules.testing} />
        </div>
      </div>
      {check.deleted && <Alert tone="info">Personal data and photos were deleted on {formatDateTime(check.deleted_at)}.</Alert>}
      {check.personal_data_expires_at && (
        <Alert tone="neutral">
          This check's personal data and photos will be deleted automatically on {formatDateTime(check.personal_data_expires_at)}, at the
          end of the account's retention period (Settings › Privacy).
        </Alert>
      )}
      <ErrorMessage error={state.error} retry={() => void state.reload()} />
      <div class="detail-grid">
        <Card id="overview" title="Overview">
          <Overview check={check} />
        </Card>
        <Card id="decide" title="Decide">
          <CheckActions check={check} onChanged={state.reload} />
        </Card>
        <Card id="results" title="Results" wide>
          <SubChecks check={check} />
        </Card>
        <Card id="extracted" title="Extracted data">
          <ExtractedData check={check} />
        </Card>
        <Card id="privacy" title="Privacy requests">
          <PrivacyRequests check={check} />
        </Card>
        {check.face_comparison && (
          <Card id="face-comparison" title="Face comparison" wide>
            <FaceComparison check={check} />
          </Card>
        )}
        <Card id="photos" title="Photos" wide>
          <Photos check={check} />
        </Card>
        <Card id="timeline" title="Timeline" wide>
          <Timeline check={check} />
        </Card>
        <Card id="access" title="Access log" wide>
          <AccessLog entries={state.data!.access.entries} />
        </Card>
      </div>
    </article>
  );
}
