import type { DemoData } from '@dealergraph/demo-data';
import { type EntityManager, insertInChunks, type Progress } from '@dealergraph/runtime';

import { Dealer } from '../entities/dealer.entity.js';
import { User } from '../entities/user.entity.js';
import type { PasswordHasher } from '../services/password-hashing.service.js';

/**
 * Writes the demo dealers and users in one transaction, unless dealers exist already. Every demo user
 * has the documented demo password, so it is hashed once (argon2 is slow by design) and shared.
 */
export async function seedDealers(
  em: EntityManager,
  demoData: () => DemoData,
  progress: Progress,
  passwords: PasswordHasher,
): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(Dealer, {})) > 0) return false;
    const data = demoData();
    await insertInChunks(
      tx,
      Dealer,
      data.dealers.map((d) => ({ ...d, active: true })),
    );
    const hashes = new Map<string, Promise<string>>();
    const hashOf = (password: string) => {
      if (!hashes.has(password)) hashes.set(password, passwords.hash(password));
      return hashes.get(password)!;
    };
    const users = await Promise.all(
      data.users.map(async (u) => ({
        id: u.id,
        email: u.email.toLowerCase(),
        fullName: u.fullName,
        role: u.role,
        dealer: u.dealerId,
        region: u.region,
        passwordHash: await hashOf(u.password),
        active: true,
      })),
    );
    await insertInChunks(tx, User, users);
    progress(`dealers: ${data.dealers.length} dealers, ${users.length} users`);
    return true;
  });
}
