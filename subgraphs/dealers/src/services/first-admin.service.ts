import { randomUUID } from 'node:crypto';

import { type EntityManager, ok, refused, type Result, userError } from '@dealergraph/runtime';

import { firstAdminRefusal } from '../domain/first-admin.js';
import { User } from '../entities/user.entity.js';
import { passwordHasher } from './password-hashing.service.js';
import { recordSecurityEvent } from './security-event.service.js';

/** The administrator created. */
export interface FirstAdmin {
  userId: string;
  email: string;
}

/**
 * Creates the distributor's first ADMIN (`npm run admin:create`), outside any request: there is no
 * signed-in caller yet. Two runs at once are serialised by an advisory lock, so at most one of them
 * finds the database without an administrator. Audited as a role grant by the command line.
 */
export async function createFirstAdmin(
  em: EntityManager,
  input: { email: string; password: string; fullName: string; additional: boolean },
): Promise<Result<FirstAdmin>> {
  const email = input.email.trim().toLowerCase();
  const early = firstAdminRefusal({ ...input, email, existingAdmins: [], emailTaken: false });
  if (early) return refused(userError(early.code, early.message));
  // The production cost, whatever a test stack uses: this hash is the real administrator's.
  const passwordHash = await passwordHasher().hash(input.password);
  return em.transactional(async (tx) => {
    await tx
      .getConnection()
      .execute(`select pg_advisory_xact_lock(hashtext('dealers.first-admin'))`, [], 'all', tx.getTransactionContext());
    const admins = await tx.find(User, { role: 'ADMIN', active: true }, { fields: ['email'], orderBy: { createdAt: 'asc' } });
    const refusal = firstAdminRefusal({
      ...input,
      email,
      existingAdmins: admins.map((a) => a.email),
      emailTaken: (await tx.count(User, { email })) > 0,
    });
    if (refusal) return refused(userError(refusal.code, refusal.message));
    const user = tx.create(User, { id: randomUUID(), email, fullName: input.fullName.trim(), passwordHash, role: 'ADMIN', dealer: null });
    recordSecurityEvent({ client: undefined }, tx, {
      kind: 'ROLE_CHANGED',
      userId: user.id,
      email,
      actorId: null,
      ipAddress: null,
      userAgent: null,
      detail: { role: 'ADMIN', previousRole: null, source: 'admin:create' },
    });
    await tx.flush();
    return ok({ userId: user.id, email });
  });
}
