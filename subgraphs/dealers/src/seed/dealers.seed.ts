import type { DemoData } from '@dealergraph/demo-data';
import { insertInChunks, type EntityManager, type Progress } from '@dealergraph/runtime';
import argon2 from 'argon2';
import { Dealer } from '../entities/dealer.entity.js';
import { User } from '../entities/user.entity.js';

/**
 * Writes the demo dealers and users in one transaction, unless dealers exist already. The named demo
 * users get their own argon2 hashes; the generated dealers' admins share one, to keep the first start fast.
 */
export async function seedDealers(em: EntityManager, data: DemoData, progress: Progress): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(Dealer, {})) > 0) return false;
    await insertInChunks(tx, Dealer, data.dealers.map((d) => ({ ...d, active: true })));
    const shared = new Map<string, Promise<string>>();
    const hashFor = (user: { email: string; password: string }, named: boolean) => {
      if (named) return argon2.hash(user.password);
      let hash = shared.get(user.password);
      if (!hash) shared.set(user.password, (hash = argon2.hash(user.password)));
      return hash;
    };
    const users = await Promise.all(
      data.users.map(async (u) => ({
        id: u.id,
        email: u.email.toLowerCase(),
        fullName: u.fullName,
        role: u.role,
        dealer: u.dealerId,
        passwordHash: await hashFor(u, /@demo\.(dealer|staff)$/.test(u.email)),
        active: true,
      })),
    );
    await insertInChunks(tx, User, users);
    progress(`dealers: ${data.dealers.length} dealers, ${users.length} users`);
    return true;
  });
}
