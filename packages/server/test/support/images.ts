// Real image bytes for uploads: a tiny PNG and a JPEG header, plus a file that only pretends by its name.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fixture bytes for tests')]);
export const NOT_AN_IMAGE = Buffer.from('%PDF-1.7 this is not an image even if named photo.jpg');

export async function uploadPhoto(baseUrl: string, token: string, kind: string, bytes: Buffer, filename = 'photo.jpg') {
  const form = new FormData();
  form.append('kind', kind);
  form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), filename);
  const response = await fetch(`${baseUrl}/api/v1/customer/${token}/photos`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as any };
}

export const tokenOf = (link: string): string => link.split('/c/')[1]!;
