// Links that lead nowhere: unknown, expired, or a service that cannot be reached. Never a stack trace.
export type LinkProblemKind = 'not_found' | 'expired' | 'unreachable';

const TEXT: Record<LinkProblemKind, { title: string; body: string }> = {
  not_found: {
    title: 'This link is not valid',
    body: 'Check that you opened the whole link from your email or message. If it still does not work, ask the business that sent it for a new one.',
  },
  expired: {
    title: 'This link has expired',
    body: 'For your safety, verification links only work for a limited time. Ask the business that sent it for a new link.',
  },
  unreachable: {
    title: 'We cannot reach the service',
    body: 'Check your internet connection, then try again.',
  },
};

export function LinkProblem(props: { kind: LinkProblemKind; retry?: () => void }) {
  const text = TEXT[props.kind];
  return (
    <section aria-labelledby="problem-title" class="outcome">
      <div class="outcome-icon" aria-hidden="true">
        !
      </div>
      <h1 id="problem-title" tabIndex={-1}>
        {text.title}
      </h1>
      <p>{text.body}</p>
      {props.retry && (
        <button type="button" class="button button-primary button-block" onClick={props.retry}>
          Try again
        </button>
      )}
    </section>
  );
}
