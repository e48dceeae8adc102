// The photos a customer is asked for, in order, with what to do for each.
import type { CustomerCheck, PhotoKind } from './customer-api.ts';

export const PHOTO_TEXT: Record<PhotoKind, { title: string; instructions: string; camera: 'environment' | 'user' }> = {
  front: {
    title: 'Front of your ID',
    instructions: 'Lay your ID on a plain, dark surface. Fill the frame with the whole card, avoid glare, and make sure the text is sharp.',
    camera: 'environment',
  },
  back: {
    title: 'Back of your ID',
    instructions: 'Turn the card over. Keep the barcode or machine-readable lines in the frame and in focus.',
    camera: 'environment',
  },
  selfie: {
    title: 'A selfie',
    instructions: 'Face the camera in good light. Take off sunglasses or a hat so your face is fully visible.',
    camera: 'user',
  },
  selfie_turn: {
    title: 'A selfie with your head turned',
    instructions: 'Turn your head a little to the side named above, keep your whole face in the frame, and take the photo.',
    camera: 'user',
  },
  signature: {
    title: 'Your signature',
    instructions: 'Sign in the box with your finger or a mouse, as you sign on paper.',
    camera: 'user',
  },
};

/** The turned-selfie step names its side; the customer sees it before taking the photo. */
export function instructionsFor(kind: PhotoKind, check: CustomerCheck): string {
  if (kind !== 'selfie_turn' || !check.selfie_turn) return PHOTO_TEXT[kind].instructions;
  return `Turn your head a little to your ${check.selfie_turn}, keep your whole face in the frame, and take the photo.`;
}

/** Every photo this check asks for, accepted or not, in the order they are asked. */
export function allSteps(check: CustomerCheck): PhotoKind[] {
  const order: PhotoKind[] = ['front', 'back', 'selfie', 'selfie_turn', 'signature'];
  const wanted = new Set([...check.photos_accepted, ...check.photos_needed]);
  return order.filter((k) => wanted.has(k));
}

export const currentStep = (check: CustomerCheck): PhotoKind | undefined => check.retake?.kind ?? check.photos_needed[0];
