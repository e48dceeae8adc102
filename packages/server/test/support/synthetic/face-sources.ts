// The people behind synthetic portraits and selfies: the 22 faces in the six demo photos that
// @vladmandic/face-api ships in its npm package (MIT; photos by its author, who says "taken by me"), read
// from disk. One photo per person: every same-person pair shares its source picture (see the caveat in
// docs/architecture.md).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceSource {
  /** `sample<photo>-<n>`, n counted from the left of the photo. */
  id: string;
  file: string;
  /** The face in the source photo's pixels (found once by eye and detector, then fixed here). */
  face: FaceBox;
}

const box = (x: number, y: number, width: number, height: number): FaceBox => ({ x, y, width, height });

const FACES: Record<string, FaceBox[]> = {
  'sample1.jpg': [box(414, 355, 177, 240), box(838, 421, 186, 228), box(1476, 199, 203, 241)],
  'sample2.jpg': [box(361, 126, 153, 259), box(902, 220, 151, 233), box(1447, 153, 194, 242)],
  'sample3.jpg': [box(585, 329, 199, 271), box(1075, 215, 220, 299), box(1514, 292, 170, 280)],
  'sample4.jpg': [box(257, 185, 162, 245), box(664, 53, 187, 258), box(989, 180, 169, 227), box(1277, 144, 145, 244)],
  'sample5.jpg': [box(377, 859, 172, 301), box(598, 415, 166, 249), box(787, 109, 156, 212), box(1113, 198, 158, 236), box(1406, 390, 165, 271)],
  'sample6.jpg': [box(250, 468, 210, 291), box(681, 321, 160, 307), box(1180, 305, 188, 280), box(1487, 263, 212, 296)],
};

export const FACE_SOURCES: readonly FaceSource[] = Object.entries(FACES).flatMap(([file, faces]) =>
  faces.map((face, n) => ({ id: `${file.replace('.jpg', '')}-${n + 1}`, file, face })),
);

/** Regions of the demo photos with no face in them and detail enough to pass as sharp, for "no face" selfies. */
export const FACELESS_REGIONS: readonly { file: string; region: FaceBox }[] = [
  { file: 'sample3.jpg', region: box(0, 0, 420, 620) },
  { file: 'sample5.jpg', region: box(0, 0, 420, 640) },
  { file: 'sample6.jpg', region: box(0, 0, 400, 330) },
  { file: 'sample2.jpg', region: box(0, 380, 300, 600) },
];

const demoDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');

const solo = new Map<string, Promise<Buffer>>();

/**
 * The source photo with every other face in it blurred beyond recognition, so that a crop around one person
 * holds one detectable face (the others read as an out-of-focus background).
 */
export function photoOf(source: FaceSource): Promise<Buffer> {
  let photo = solo.get(source.id);
  if (!photo) {
    photo = blurOthers(source);
    solo.set(source.id, photo);
  }
  return photo;
}

async function blurOthers(source: FaceSource): Promise<Buffer> {
  const original = await readFile(path.join(demoDir, source.file));
  const { width = 0, height = 0 } = await sharp(original).metadata();
  const others = FACES[source.file]!.filter((face) => face !== source.face).map((face) => clamp(grow(face, 1.5), width, height));
  const patches = await Promise.all(
    others.map(async (r) => ({ input: await sharp(original).extract(r).blur(24).toBuffer(), left: r.left, top: r.top })),
  );
  return sharp(original).composite(patches).png().toBuffer();
}

/** The raw bytes of a demo photo, for regions with no face. */
export const demoPhoto = (file: string): Promise<Buffer> => readFile(path.join(demoDir, file));

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function grow(face: FaceBox, factor: number): FaceBox {
  const width = face.width * factor;
  const height = face.height * factor;
  return { x: face.x + face.width / 2 - width / 2, y: face.y + face.height / 2 - height / 2, width, height };
}

/** Rounds a box to whole pixels and moves it (shrinking only if it must) to lie inside the photo. */
export function clamp(b: FaceBox, photoWidth: number, photoHeight: number): Region {
  const width = Math.min(photoWidth, Math.round(b.width));
  const height = Math.min(photoHeight, Math.round(b.height));
  const left = Math.min(Math.max(0, Math.round(b.x)), photoWidth - width);
  const top = Math.min(Math.max(0, Math.round(b.y)), photoHeight - height);
  return { left, top, width, height };
}
