// A box to sign in with a finger, a pen or a mouse; the drawing is sent as a PNG, like a photo.
import { useRef, useState } from 'preact/hooks';

const WIDTH = 600;
const HEIGHT = 220;

export function SignaturePad(props: { onSigned: (file: File) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  const point = (e: PointerEvent): [number, number] => {
    const box = canvas.current!.getBoundingClientRect();
    return [((e.clientX - box.left) * WIDTH) / box.width, ((e.clientY - box.top) * HEIGHT) / box.height];
  };
  const context = () => {
    const ctx = canvas.current!.getContext('2d')!;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111827';
    return ctx;
  };
  const down = (e: PointerEvent) => {
    canvas.current!.setPointerCapture(e.pointerId);
    drawing.current = true;
    const ctx = context();
    ctx.beginPath();
    ctx.moveTo(...point(e));
  };
  const move = (e: PointerEvent) => {
    if (!drawing.current) return;
    const ctx = context();
    ctx.lineTo(...point(e));
    ctx.stroke();
    setEmpty(false);
  };
  const up = () => {
    drawing.current = false;
  };
  const clear = () => {
    context().clearRect(0, 0, WIDTH, HEIGHT);
    setEmpty(true);
  };
  const use = () =>
    canvas.current!.toBlob((blob) => blob && props.onSigned(new File([blob], 'signature.png', { type: 'image/png' })), 'image/png');

  return (
    <div class="signature">
      <canvas
        ref={canvas}
        class="signature-pad"
        width={WIDTH}
        height={HEIGHT}
        data-testid="signature-pad"
        aria-label="Signature box: sign here with your finger or a mouse"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" class="button button-primary button-block" disabled={empty} onClick={use}>
        Use this signature
      </button>
      <button type="button" class="button button-secondary button-block" disabled={empty} onClick={clear}>
        Clear
      </button>
    </div>
  );
}
