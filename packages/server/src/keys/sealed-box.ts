// AES-256-GCM with the context bound in as associated data: a sealed value moved to another row, or read as
// something it is not, fails to open instead of decrypting. Format: base64 of [12-byte IV][16-byte tag][ciphertext].
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function seal(key: Buffer, context: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, context: string, sealed: Buffer): Buffer {
  if (sealed.length < 28) throw new Error('Sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

export const sealText = (key: Buffer, context: string, text: string): string => seal(key, context, Buffer.from(text)).toString('base64');
export const openText = (key: Buffer, context: string, sealed: string): string => open(key, context, Buffer.from(sealed, 'base64')).toString();
