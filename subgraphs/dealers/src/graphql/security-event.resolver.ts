import { pageWindow, toPage } from '@dealergraph/runtime';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';

import type { DealersContext } from '../context.js';
import * as events from '../services/security-event.service.js';
import { SecurityEventConnection, SecurityEventsArgs, SecurityEventType } from './security-event.type.js';

@Resolver(() => SecurityEventType)
export class SecurityEventResolver {
  @Authorized('DEALER_ADMIN', 'ADMIN')
  @Query(() => SecurityEventConnection, {
    description: "The security audit log, newest first: a DEALER_ADMIN sees its own dealer's events, an ADMIN all; others get FORBIDDEN.",
  })
  async securityEvents(@Args() args: SecurityEventsArgs, @Ctx() ctx: DealersContext) {
    const window = pageWindow(args);
    const [rows, total] = await events.listSecurityEvents(ctx, args.filter ?? {}, window);
    return toPage(
      rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        at: e.at,
        userId: e.userId,
        email: e.email,
        actorId: e.actorId,
        dealerId: e.dealerId,
        ipAddress: e.ipAddress,
        userAgent: e.userAgent,
        detail: JSON.stringify(e.detail),
      })),
      total,
      window,
    );
  }
}
