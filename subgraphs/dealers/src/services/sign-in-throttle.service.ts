import { createHash } from 'node:crypto';

import type { EntityManager } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import { afterFailure, blockedSeconds, PER_ACCOUNT_POLICY, PER_ADDRESS_POLICY } from '../domain/sign-in-throttle.js';
import { SignInThrottle } from '../entities/sign-in-throttle.entity.js';

/** The two throttle keys of an attempt: the account, and the account from this address. */
export interface ThrottleKeys {
  account: string;
  pair: string;
}

/** Keys for an email (known or not: the rows exist for any email) and a client address. */
export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  const hash = (value: string) => createHash('sha256').update(value).digest('hex');
  return { account: hash(`account:${email}`), pair: hash(`pair:${email}|${ip ?? 'unknown'}`) };
}

/** What the gate decided for one attempt. */
export interface ThrottleGate {
  /** Seconds the account is blocked for everyone (0: not blocked). */
  accountBlocked: number;
  /** Seconds the account is blocked for this address (0: not blocked). */
  pairBlocked: number;
}

/**
 * Locks both rows (account first, always the same order), reads whether the attempt is blocked, and,
 * when it is not, counts it as a failure up front; success forgives it later. In one short
 * transaction, before argon2: parallel guesses queue on the row lock and each sees the count of the
 * ones before it.
 */
export async function enterThrottle(em: EntityManager, keys: ThrottleKeys, now: Date): Promise<ThrottleGate> {
  return em.transactional(async (tx) => {
    await tx
      .createQueryBuilder(SignInThrottle)
      .insert([{ key: keys.account }, { key: keys.pair }])
      .onConflict('key')
      .ignore()
      .execute();
    const account = await tx.findOneOrFail(SignInThrottle, { key: keys.account }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const pair = await tx.findOneOrFail(SignInThrottle, { key: keys.pair }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const gate = { accountBlocked: blockedSeconds({ state: account, now }), pairBlocked: blockedSeconds({ state: pair, now }) };
    if (gate.accountBlocked === 0 && gate.pairBlocked === 0) {
      Object.assign(account, afterFailure({ state: account, now, policy: PER_ACCOUNT_POLICY }), { updatedAt: now });
      Object.assign(pair, afterFailure({ state: pair, now, policy: PER_ADDRESS_POLICY }), { updatedAt: now });
    }
    return gate;
  });
}

/** Forgives the failures of both keys after a successful sign-in. */
export async function clearThrottle(em: EntityManager, keys: ThrottleKeys): Promise<void> {
  await em.nativeUpdate(
    SignInThrottle,
    { key: { $in: [keys.account, keys.pair] } },
    { failures: 0, blockedUntil: null, updatedAt: new Date() },
  );
}
