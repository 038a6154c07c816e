import type { AuthConfig } from '../../config/auth.config';
import { PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  // Small memory keeps the spec fast; the algorithm and the other parameters are the real ones.
  const hasher = new PasswordHasher({ argon2MemoryKib: 1024 } as AuthConfig);

  it('hashes with argon2id, a fresh salt each time', async () => {
    const first = await hasher.hash('thidua-demo-2011');
    const second = await hasher.hash('thidua-demo-2011');

    const [, algorithm, , params] = first.split('$');
    expect(algorithm).toBe('argon2id');
    expect(params.split(',').sort()).toEqual(['m=1024', 'p=1', 't=2']);
    expect(first).not.toContain('thidua-demo-2011');
    expect(second).not.toBe(first);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hasher.hash('thidua-demo-2011');

    await expect(hasher.verify(hash, 'thidua-demo-2011')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'thidua-demo-2012')).resolves.toBe(false);
    await expect(hasher.verify(hash, '')).resolves.toBe(false);
  });

  it('refuses every password for an account without a hash, even the internal dummy one', async () => {
    await expect(hasher.verify(undefined, 'thidua-demo-2011')).resolves.toBe(false);
    await expect(hasher.verify(undefined, 'not-a-real-password')).resolves.toBe(false);
  });

  it('refuses a password against a stored value that is not an argon2 hash', async () => {
    await expect(hasher.verify('plain-text-password', 'plain-text-password')).resolves.toBe(false);
  });
});
