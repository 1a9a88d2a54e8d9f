import { createHash, randomUUID } from 'node:crypto';

import type { EntityManager } from '@dealergraph/runtime';
import { LockMode } from '@mikro-orm/core';

import { admission, afterFailure, ATTEMPT_LEASE_SECONDS, PER_ACCOUNT_POLICY, PER_ADDRESS_POLICY } from '../domain/sign-in-throttle.js';
import { SignInAttempt } from '../entities/sign-in-attempt.entity.js';
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
  /** Too many attempts on these keys are being checked at once: try again in a moment (nothing counted). */
  busy: boolean;
  /** The slot this attempt holds when admitted; settle it with {@link settleAttempt}. */
  attemptId: string | null;
}

/**
 * Locks both rows (account first, always the same order), reads whether the attempt is blocked and
 * how many attempts are being checked on each key, and admits this one into a slot when there is
 * room (domain `admission`). One short transaction, before argon2, so parallel attempts queue on the
 * row lock and each sees the slots of the ones before it; nothing is counted as a failure yet.
 */
export async function enterThrottle(em: EntityManager, keys: ThrottleKeys, now: Date): Promise<ThrottleGate> {
  return em.transactional(async (tx) => {
    await tx
      .createQueryBuilder(SignInThrottle)
      .insert([{ key: keys.account }, { key: keys.pair }])
      .onConflict('key')
      .ignore()
      .execute();
    const account = await tx.findOneOrFail(SignInThrottle, { key: keys.account }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const pair = await tx.findOneOrFail(SignInThrottle, { key: keys.pair }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    await tx.nativeDelete(SignInAttempt, { $or: [{ accountKey: keys.account }, { pairKey: keys.pair }], expiresAt: { $lte: now } });
    const pendingAccount = await tx.count(SignInAttempt, { accountKey: keys.account });
    const pendingPair = await tx.count(SignInAttempt, { pairKey: keys.pair });
    const byAccount = admission({ state: account, pending: pendingAccount, now, policy: PER_ACCOUNT_POLICY });
    const byPair = admission({ state: pair, pending: pendingPair, now, policy: PER_ADDRESS_POLICY });
    const gate: ThrottleGate = {
      accountBlocked: byAccount.kind === 'BLOCKED' ? byAccount.seconds : 0,
      pairBlocked: byPair.kind === 'BLOCKED' ? byPair.seconds : 0,
      busy: false,
      attemptId: null,
    };
    if (gate.accountBlocked > 0 || gate.pairBlocked > 0) return gate;
    if (byAccount.kind === 'BUSY' || byPair.kind === 'BUSY') return { ...gate, busy: true };
    const attemptId = randomUUID();
    tx.create(SignInAttempt, {
      id: attemptId,
      accountKey: keys.account,
      pairKey: keys.pair,
      expiresAt: new Date(now.getTime() + ATTEMPT_LEASE_SECONDS * 1000),
    });
    return { ...gate, attemptId };
  });
}

/**
 * Settles an attempt: a success forgives the failures of both keys; a failure of an admitted attempt
 * is counted (a refusal while blocked was never admitted and counts nothing more); ABANDONED (an
 * unexpected error) frees the slot and counts nothing. One transaction, so the slot and the count
 * change together and a parallel gate never sees neither.
 */
export async function settleAttempt(
  em: EntityManager,
  keys: ThrottleKeys,
  attemptId: string | null,
  outcome: 'SUCCEEDED' | 'FAILED' | 'ABANDONED',
  now: Date,
): Promise<void> {
  if (!attemptId && outcome !== 'SUCCEEDED') return;
  await em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(SignInThrottle, { key: keys.account }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const pair = await tx.findOneOrFail(SignInThrottle, { key: keys.pair }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (outcome === 'SUCCEEDED') {
      for (const row of [account, pair]) Object.assign(row, { failures: 0, blockedUntil: null, updatedAt: now });
    } else if (outcome === 'FAILED') {
      Object.assign(account, afterFailure({ state: account, now, policy: PER_ACCOUNT_POLICY }), { updatedAt: now });
      Object.assign(pair, afterFailure({ state: pair, now, policy: PER_ADDRESS_POLICY }), { updatedAt: now });
    }
    if (attemptId) await tx.nativeDelete(SignInAttempt, { id: attemptId });
  });
}
