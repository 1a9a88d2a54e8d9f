import { randomUUID } from 'node:crypto';

import { errors, jwtVerify, SignJWT } from 'jose';

import type { NotificationKind } from './domain/notification-audience.js';

const ISSUER = 'dealergraph-orders';
const APPROVAL_AUDIENCE = 'dealergraph-mail-approval';
const UNSUBSCRIBE_AUDIENCE = 'dealergraph-mail-unsubscribe';

/** What an approval link stands for: this approver may decide this order, once, until it expires. */
export interface ApprovalLink {
  tokenId: string;
  userId: string;
  orderId: string;
  expiresAt: Date;
}

/** What an unsubscribe link stands for: this user wants no more mails of this kind. */
export interface UnsubscribeLink {
  userId: string;
  kind: NotificationKind;
}

/** Why a link was refused: EXPIRED (its time passed) or INVALID (not ours, altered, or of another kind). */
export type LinkRefusal = 'EXPIRED' | 'INVALID';

/**
 * The signed links of mails (JWS, HS256 with jose): an approval link (single use: its `jti` is
 * recorded when it decides; expiring) and an unsubscribe link (no expiry: RFC 8058 links must keep
 * working). The link carries its token in the path, never a session: whoever holds the mail holds it.
 */
export class MailLinks {
  readonly #key: Uint8Array;

  constructor(
    secret: string,
    readonly publicUrl: string,
    readonly approvalHours: number,
  ) {
    this.#key = new TextEncoder().encode(secret);
  }

  async approvalUrl(input: { userId: string; orderId: string; now: Date }): Promise<string> {
    const iat = Math.floor(input.now.getTime() / 1000);
    const token = await new SignJWT({ oid: input.orderId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(APPROVAL_AUDIENCE)
      .setSubject(input.userId)
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.approvalHours * 3600)
      .sign(this.#key);
    return `${this.publicUrl}/mail/approval/${token}`;
  }

  async unsubscribeUrl(input: { userId: string; kind: NotificationKind }): Promise<string> {
    const token = await new SignJWT({ k: input.kind })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(UNSUBSCRIBE_AUDIENCE)
      .setSubject(input.userId)
      .sign(this.#key);
    return `${this.publicUrl}/mail/unsubscribe/${token}`;
  }

  async readApproval(token: string): Promise<ApprovalLink | LinkRefusal> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer: ISSUER, audience: APPROVAL_AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.oid !== 'string' || typeof payload.jti !== 'string' || !payload.exp)
        return 'INVALID';
      return { tokenId: payload.jti, userId: payload.sub, orderId: payload.oid, expiresAt: new Date(payload.exp * 1000) };
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'EXPIRED' : 'INVALID';
    }
  }

  async readUnsubscribe(token: string): Promise<UnsubscribeLink | LinkRefusal> {
    try {
      const { payload } = await jwtVerify(token, this.#key, { issuer: ISSUER, audience: UNSUBSCRIBE_AUDIENCE, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.k !== 'string') return 'INVALID';
      return { userId: payload.sub, kind: payload.k as NotificationKind };
    } catch {
      return 'INVALID';
    }
  }
}
