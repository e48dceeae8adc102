// The customer's pages for one check link: consent, photos one at a time, the outcome, and privacy requests.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.ts';
import '../styles/customer.css';
import { Loading } from '../ui/feedback.tsx';
import { CaptureStep } from './capture-step.tsx';
import { ConsentStep } from './consent-step.tsx';
import { fetchCheck, openCheck, type CustomerCheck } from './customer-api.ts';
import { LinkProblem, type LinkProblemKind } from './link-problem.tsx';
import { OutcomePage } from './outcome-page.tsx';
import { currentStep } from './photo-steps.ts';
import { PrivacyPanel } from './privacy-panel.tsx';

const tokenFromPath = (): string => decodeURIComponent(location.pathname.slice('/c/'.length).split('/')[0] ?? '');

function problemOf(error: unknown): LinkProblemKind {
  if (error instanceof ApiError && error.code === 'link_expired') return 'expired';
  if (error instanceof ApiError && error.status === 404) return 'not_found';
  return 'unreachable';
}

const TITLES = { waiting_for_photos: 'Verify your identity', in_review: 'Photos sent', verified: 'Verified', not_verified: 'Not verified' };

export function CustomerApp() {
  const token = tokenFromPath();
  const [check, setCheck] = useState<CustomerCheck | undefined>(undefined);
  const [problem, setProblem] = useState<LinkProblemKind | undefined>(undefined);
  const [started, setStarted] = useState(false);

  const load = useCallback(async () => {
    setProblem(undefined);
    try {
      setCheck(await fetchCheck(token));
    } catch (e) {
      setProblem(problemOf(e));
    }
  }, [token]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    document.title = problem ? 'Link problem · realid' : check ? `${TITLES[check.status]} · ${check.merchant || 'realid'}` : 'realid';
  }, [check, problem]);

  if (problem) return <Page><LinkProblem kind={problem} {...(problem === 'unreachable' ? { retry: () => void load() } : {})} /></Page>;
  if (!check) return <Page><Loading /></Page>;

  const step = check.status === 'waiting_for_photos' ? currentStep(check) : undefined;
  const consenting = step && !started && check.photos_accepted.length === 0 && !check.retake;
  return (
    <Page check={check}>
      {consenting ? (
        <ConsentStep
          check={check}
          onStart={async () => {
            setCheck(await openCheck(token));
            setStarted(true);
          }}
        />
      ) : step ? (
        <CaptureStep token={token} check={check} kind={step} onUploaded={(r) => setCheck(r.check)} onFinished={() => void load()} />
      ) : (
        <OutcomePage check={check} />
      )}
      <PrivacyPanel token={token} check={check} onFiled={load} />
    </Page>
  );
}

function Page(props: { check?: CustomerCheck; children: ComponentChildren }) {
  const primary = props.check?.theme.primary_color;
  return (
    <div class="customer" style={primary ? { '--primary': primary, '--primary-dark': primary } : undefined}>
      <header class="customer-header">
        <span class="customer-merchant">{props.check?.merchant || 'Identity check'}</span>
        {props.check?.testing && <span class="badge badge-warning">Test check: nothing real is verified</span>}
      </header>
      <main id="main">{props.children}</main>
      <footer class="customer-footer">
        {props.check && <a href="#privacy">Your data and privacy</a>}
        <span>Secured by realid</span>
      </footer>
    </div>
  );
}
