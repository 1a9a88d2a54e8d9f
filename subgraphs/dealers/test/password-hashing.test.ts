import { describe, expect, it } from 'vitest';

import { PASSWORD_HASH_COST, passwordHasher } from '../src/services/password-hashing.service.js';

describe('password hashing', () => {
  it('hashes with argon2id at the production cost unless told otherwise', async () => {
    const hash = await passwordHasher().hash('demo-pass-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(PASSWORD_HASH_COST).toEqual({ memoryCost: 65_536, timeCost: 3, parallelism: 4 });
  });

  it("checks a password against a hash of any cost (the hash carries it), so tests' cheap hashes verify", async () => {
    const cheap = passwordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const hash = await cheap.hash('demo-pass-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(await passwordHasher().verify(hash, 'demo-pass-2026')).toBe(true);
    expect(await cheap.verify(hash, 'demo-pass-2027')).toBe(false);
    expect(await cheap.verify(await cheap.unknownUserHash(), 'demo-pass-2026')).toBe(false);
  });
});
