import { normalizeId } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as sessions from '../services/session.service.js';
import { RevokeSessionsPayload, SessionType } from './session.type.js';

@Resolver(() => SessionType)
export class SessionResolver {
  // Internal: hidden from the public graph; the gateway asks it (signed, directly) for every token.
  @Directive('@inaccessible')
  @Query(() => String, {
    description:
      "Internal to the gateway: whether a session's token may be used from an address: LIVE, ENDED (signed out, revoked, idle or expired) or IP_NOT_ALLOWED (outside its dealer's allow-list).",
  })
  async sessionAccess(
    @Arg('id', () => ID, { description: 'The session id (the sid claim).' }) id: string,
    @Arg('ip', () => String, { nullable: true, description: 'The client address the gateway sees.' }) ip: string | null,
    @Ctx() ctx: DealersContext,
  ): Promise<sessions.SessionAccess> {
    const sessionId = normalizeId(id);
    return sessionId ? sessions.sessionAccess(ctx, sessionId, ip ?? null) : 'ENDED';
  }

  @Authorized()
  @Query(() => [SessionType], { description: "The signed-in user's live sessions (device, address, last seen), most recently used first." })
  async mySessions(@Ctx() ctx: DealersContext): Promise<SessionType[]> {
    const rows = await sessions.listMySessions(ctx);
    return rows.map((s) => ({
      id: s.id,
      device: s.userAgent,
      ipAddress: s.ipAddress,
      createdAt: s.createdAt,
      lastSeenAt: s.lastUsedAt,
      current: s.id === ctx.claims?.sid,
    }));
  }

  @Authorized()
  @Mutation(() => RevokeSessionsPayload, {
    description: 'Ends one of your sessions: its tokens stop working within seconds and its sockets close.',
  })
  async revokeSession(
    @Arg('id', () => ID, { description: 'The session to end (from mySessions).' }) id: string,
    @Ctx() ctx: DealersContext,
  ): Promise<RevokeSessionsPayload> {
    const sessionId = normalizeId(id);
    const done = sessionId ? await sessions.revokeMySession(ctx, sessionId) : false;
    return done
      ? { revokedCount: 1, userErrors: [] }
      : { revokedCount: 0, userErrors: [{ code: 'NOT_FOUND', message: 'No live session of yours has this id.', field: ['id'] }] };
  }

  @Authorized()
  @Mutation(() => RevokeSessionsPayload, { description: 'Signs you out everywhere: ends all your sessions, or all but this one.' })
  async revokeAllSessions(
    @Arg('keepCurrent', { defaultValue: false, description: 'Keep the session of the token that asks.' }) keepCurrent: boolean,
    @Ctx() ctx: DealersContext,
  ): Promise<RevokeSessionsPayload> {
    return { revokedCount: await sessions.revokeMySessions(ctx, keepCurrent), userErrors: [] };
  }
}
