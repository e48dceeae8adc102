// Taking (or choosing) one photo: the camera opens straight from the phone's browser; the photo is shown
// back before it is sent; a rejected photo comes back with the reason and a retake.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.ts';
import { Alert, ErrorMessage } from '../ui/feedback.tsx';
import { uploadPhoto, type CustomerCheck, type PhotoKind, type UploadResult } from './customer-api.ts';
import { PHOTO_TEXT, instructionsFor } from './photo-steps.ts';
import { ProgressSteps } from './progress-steps.tsx';
import { SignaturePad } from './signature-pad.tsx';

function PhotoPicker(props: { kind: PhotoKind; onPick: (file: File) => void }) {
  const text = PHOTO_TEXT[props.kind];
  const pick = (e: { currentTarget: HTMLInputElement }) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) props.onPick(file);
  };
  return (
    <div class="picker">
      <label class="button button-primary button-block file-button">
        <input class="visually-hidden" type="file" accept="image/*" capture={text.camera} data-testid={`camera-${props.kind}`} onChange={pick} />
        Take the photo
      </label>
      <label class="button button-secondary button-block file-button">
        <input class="visually-hidden" type="file" accept="image/*" data-testid={`file-${props.kind}`} onChange={pick} />
        Choose an existing photo
      </label>
    </div>
  );
}

export function CaptureStep(props: { token: string; check: CustomerCheck; kind: PhotoKind; onUploaded: (result: UploadResult) => void; onFinished: () => void }) {
  const { check, kind } = props;
  const [file, setFile] = useState<File | undefined>(undefined);
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const text = PHOTO_TEXT[kind];
  const retake = check.retake?.kind === kind ? check.retake : null;

  useEffect(() => {
    if (!file) return setPreview(undefined);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  useEffect(() => {
    setFile(undefined);
    document.querySelector<HTMLElement>('#capture-title')?.focus();
  }, [kind, check.retake?.message]);

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      props.onUploaded(await uploadPhoto(props.token, kind, file));
    } catch (e) {
      // The check was finished meanwhile (for instance by the business): show where it stands.
      if (e instanceof ApiError && e.code === 'invalid_transition') props.onFinished();
      else setError(e as Error);
    } finally {
      setBusy(false);
      setFile(undefined);
    }
  };

  return (
    <section aria-labelledby="capture-title">
      <ProgressSteps check={check} />
      <h1 id="capture-title" tabIndex={-1}>
        {text.title}
      </h1>
      {retake && (
        <Alert tone="warning" title="Please take this photo again">
          <p>{retake.message}</p>
          <p>
            {check.retakes_left === 0 ? 'This is your last try.' : `You can retake ${check.retakes_left} more ${check.retakes_left === 1 ? 'time' : 'times'}.`}
          </p>
        </Alert>
      )}
      <p>{instructionsFor(kind, check)}</p>
      <ErrorMessage error={error} />
      {file && preview ? (
        <div class="preview">
          <img src={preview} alt={`Your photo: ${text.title.toLowerCase()}`} />
          <button type="button" class="button button-primary button-block" disabled={busy} onClick={() => void send()}>
            {busy ? 'Sending…' : kind === 'signature' ? 'Send this signature' : 'Use this photo'}
          </button>
          <button type="button" class="button button-secondary button-block" disabled={busy} onClick={() => setFile(undefined)}>
            Choose another
          </button>
        </div>
      ) : kind === 'signature' ? (
        <SignaturePad onSigned={setFile} />
      ) : (
        <PhotoPicker kind={kind} onPick={setFile} />
      )}
    </section>
  );
}
