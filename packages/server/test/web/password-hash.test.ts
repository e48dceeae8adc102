// scrypt password hashes: salted, self-describing, and checked in constant time.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/web/password-hash.ts';

describe('password hashes', () => {
  it('are salted and carry their parameters', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
  });

  it('verify the right password only', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horse ', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treat the same text in either Unicode form as the same password', async () => {
    const stored = await hashPassword('café');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('refuse hashes they do not understand', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});
