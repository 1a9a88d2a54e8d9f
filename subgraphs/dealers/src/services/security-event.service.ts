import type { DealersContext } from '../context.js';

/** The security events of user and API client administration. */
export type SecurityEventType =
  | 'USER_INVITED'
  | 'INVITATION_ACCEPTED'
  | 'ROLE_CHANGED'
  | 'USER_DISABLED'
  | 'USER_ENABLED'
  | 'API_CLIENT_CREATED'
  | 'API_CLIENT_REVOKED'
  | 'API_CLIENT_TOKEN_ISSUED'
  | 'API_CLIENT_TOKEN_REFUSED';

export interface SecurityEvent {
  type: SecurityEventType;
  /** The user who acted; null for an anonymous caller (accepting an invitation, a client's token request). */
  actorId: string | null;
  /** The dealer concerned, so that its DEALER_ADMIN sees the event. */
  dealerId: string | null;
  /** The user or API client acted on. */
  subjectId: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export type SecurityEventSink = (ctx: DealersContext, event: SecurityEvent & { ip: string | null; at: Date }) => Promise<void> | void;

let sink: SecurityEventSink = () => {};

/** Where security events go: the audit log, once it is wired in (until then they are dropped). */
export function setSecurityEventSink(next: SecurityEventSink): void {
  sink = next;
}

/** Records a security event with the caller's address; never carries a secret. */
export async function recordSecurityEvent(ctx: DealersContext, event: SecurityEvent): Promise<void> {
  await sink(ctx, { ...event, ip: ctx.client?.ip ?? null, at: new Date() });
}
