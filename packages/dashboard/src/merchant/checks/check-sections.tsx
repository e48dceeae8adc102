// The read-only parts of a check's page: sub-checks with their reasons, extracted data, timeline,
// photos and privacy requests.
import { useState } from 'preact/hooks';
import { formatDateTime, formatPrecise, humanize } from '../../lib/format.ts';
import { Badge } from '../../ui/feedback.tsx';
import { Table, type Column } from '../../ui/table.tsx';
import { ACCESS_LABELS, DOCUMENT_LABELS, PHOTO_LABELS, PRIVACY_LABELS, SCORE_LABELS, SUB_CHECK_LABELS, TIMELINE_DESCRIPTIONS } from '../labels.ts';
import type { AccessEntry, CheckDetail, Reason } from './check-api.ts';

function Reasons(props: { reasons: Reason[] }) {
  if (props.reasons.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="reasons">
      {props.reasons.map((r) => (
        <li key={r.code}>
          {r.message} <code>{r.code}</code> <Badge tone={r.retryable ? 'info' : 'danger'}>{r.retryable ? 'Retake possible' : 'Final'}</Badge>
        </li>
      ))}
    </ul>
  );
}

const SUB_CHECK_COLUMNS: Column<CheckDetail['sub_checks'][number]>[] = [
  { label: 'Sub-check', cell: (s) => SUB_CHECK_LABELS[s.name] ?? humanize(s.name) },
  {
    label: 'Result',
    cell: (s) => <Badge tone={s.status === 'passed' ? 'success' : s.status === 'failed' ? 'danger' : 'neutral'}>{humanize(s.status)}</Badge>,
  },
  { label: 'Reason', cell: (s) => <Reasons reasons={s.reasons} /> },
];

export function SubChecks(props: { check: CheckDetail }) {
  return <Table caption="Sub-checks" columns={SUB_CHECK_COLUMNS} rows={props.check.sub_checks} rowKey={(s) => s.name} />;
}

export function DefinitionList(props: { items: [string, string | number | null | undefined][] }) {
  const shown = props.items.filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (shown.length === 0) return <p class="muted">Nothing recorded.</p>;
  return (
    <dl class="details">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const percent = (score: number): string => `${Math.round(score * 100)} %`;

export function ExtractedData(props: { check: CheckDetail }) {
  const { document: d, scores } = props.check.result;
  const { address, ...fields } = d;
  const items: [string, string | number | undefined][] = [
    ...Object.entries(fields).map(([k, v]): [string, string] => [DOCUMENT_LABELS[k] ?? humanize(k), String(v)]),
    ['Address', address && [address.street, address.city, address.state, address.postal_code, address.country].filter(Boolean).join(', ')],
    ...Object.entries(scores).map(([k, v]): [string, string] => [SCORE_LABELS[k] ?? humanize(k), percent(v)]),
  ];
  if (items.every(([, v]) => v === undefined)) return <p class="muted">No document data yet: it appears once the ID is read.</p>;
  return <DefinitionList items={items} />;
}

export function Timeline(props: { check: CheckDetail }) {
  return (
    <ol class="timeline">
      {props.check.timeline.map((e) => (
        <li key={e.id}>
          <code>{e.event}</code>
          <span class="muted">
            {' '}
            {TIMELINE_DESCRIPTIONS[e.event] ?? ''}
            {e.by === 'retention' ? ' (retention period)' : e.by === 'merchant' ? ' (by the merchant)' : ''}
          </span>
          <time dateTime={e.created_at}>{formatPrecise(e.created_at)}</time>
        </li>
      ))}
    </ol>
  );
}

export function Photos(props: { check: CheckDetail }) {
  const urls = new Map((props.check.photos ?? []).map((p) => [p.id, p]));
  if (props.check.photos_received.length === 0) return <p class="muted">No photos yet.</p>;
  const expires = props.check.photos?.[0]?.expires_at;
  return (
    <>
      {expires && <p class="hint">Photo links are short-lived (until {formatDateTime(expires)}); reload the page for fresh ones.</p>}
      <ul class="photos">
        {props.check.photos_received.map((p) => {
          const image = urls.get(p.id);
          return (
            <li key={p.id} class="photo">
              {image ? <img src={image.url} alt={`${PHOTO_LABELS[p.kind] ?? p.kind}, sent ${formatDateTime(p.created_at)}`} /> : <div class="photo-missing">Not stored</div>}
              <p>
                {PHOTO_LABELS[p.kind] ?? p.kind} <Badge tone={p.status === 'accepted' ? 'success' : 'warning'}>{humanize(p.status)}</Badge>
              </p>
              <Reasons reasons={p.reasons} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function PrivacyRequests(props: { check: CheckDetail }) {
  if (props.check.privacy_requests.length === 0) return <p class="muted">The customer has not filed any privacy request.</p>;
  return (
    <ul class="privacy-list">
      {props.check.privacy_requests.map((r) => (
        <li key={r.id}>
          <strong>{PRIVACY_LABELS[r.kind] ?? humanize(r.kind)}</strong> <time dateTime={r.created_at}>{formatDateTime(r.created_at)}</time>
          {r.message && <blockquote>{r.message}</blockquote>}
        </li>
      ))}
    </ul>
  );
}

const ACCESS_COLUMNS: Column<AccessEntry>[] = [
  { label: 'When', cell: (e) => formatPrecise(e.created_at) },
  { label: 'Who', cell: (e) => <code>{e.actor.type === 'service' ? 'realid' : e.actor.id}</code> },
  { label: 'What', cell: (e) => ACCESS_LABELS[e.action] ?? humanize(e.action) },
];

/** Who read or changed this check's personal data: API keys and users by id, never the data itself. */
export function AccessLog(props: { entries: AccessEntry[] }) {
  if (props.entries.length === 0) return <p class="muted">Nobody has opened this check's personal data yet.</p>;
  return <Table caption="Access log" captionHidden columns={ACCESS_COLUMNS} rows={props.entries} rowKey={(e) => e.id} />;
}

/** Part of a photo, by shares of its width and height: the portrait cut out of the document's front. */
function PhotoCrop(props: { url: string; box: { x: number; y: number; width: number; height: number }; alt: string }) {
  const [size, setSize] = useState<{ w: number; h: number } | undefined>(undefined);
  const { box } = props;
  // The crop's own proportions come from the photo's, known once it has loaded.
  const aspect = size ? (box.width * size.w) / (box.height * size.h) : 3 / 4;
  return (
    <div class="photo-crop" style={{ aspectRatio: String(aspect) }}>
      <img
        src={props.url}
        alt={props.alt}
        onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
        style={{ width: `${100 / box.width}%`, left: `${(-box.x / box.width) * 100}%`, top: `${(-box.y / box.height) * 100}%` }}
      />
    </div>
  );
}

/** For the person deciding: the portrait on the ID beside the selfie, with the score the analysis gave. */
export function FaceComparison(props: { check: CheckDetail }) {
  const compare = props.check.face_comparison;
  const urls = new Map((props.check.photos ?? []).map((p) => [p.id, p.url]));
  const portrait = compare && urls.get(compare.portrait.photo_id);
  const selfie = compare && urls.get(compare.selfie_photo_id);
  if (!compare || !portrait || !selfie) return <p class="muted">The portrait and the selfie appear here once both are in.</p>;
  return (
    <>
      <div class="face-comparison">
        <figure>
          <PhotoCrop url={portrait} box={compare.portrait.box} alt="The portrait on the ID" />
          <figcaption>On the ID</figcaption>
        </figure>
        <figure>
          <img src={selfie} alt="The selfie" />
          <figcaption>Selfie</figcaption>
        </figure>
      </div>
      {compare.score !== null && <p>Face match score: {percent(compare.score)} (the analysis counts 50 % and above as the same person).</p>}
    </>
  );
}
