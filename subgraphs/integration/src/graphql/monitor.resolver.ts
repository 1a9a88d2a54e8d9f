import { PageArgs, pageWindow, toPage } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { IntegrationContext } from '../context.js';
import * as monitor from '../services/integration-monitor.service.js';
import { IgnoreWebhookDeliveryPayload, IntegrationAlertConnection, IntegrationStatusType } from './monitor.type.js';
import { toDeliveryType } from './webhook.resolver.js';

@Resolver()
export class MonitorResolver {
  @Authorized()
  @Query(() => IntegrationStatusType, {
    description: "ADMIN or the ERP's client: each kind of data's last sync and lag against the seed's schedule, and the error queue.",
  })
  integrationStatus(@Ctx() ctx: IntegrationContext) {
    return monitor.integrationStatus(ctx);
  }

  @Authorized()
  @Query(() => IntegrationAlertConnection, { description: 'ADMIN: integration alerts, open ones first, newest first.' })
  async integrationAlerts(
    @Args() args: PageArgs,
    @Arg('openOnly', () => Boolean, { defaultValue: false, description: 'Only alerts whose cause is still there.' }) openOnly: boolean,
    @Ctx() ctx: IntegrationContext,
  ) {
    const window = pageWindow(args);
    const [rows, total] = await monitor.integrationAlerts(ctx, { openOnly, ...window });
    return toPage(rows, total, window);
  }

  @Authorized()
  @Mutation(() => IgnoreWebhookDeliveryPayload, {
    description: 'ADMIN: sets a DEAD delivery aside with a reason (audited); the later deliveries of its order go on.',
  })
  async ignoreWebhookDelivery(
    @Arg('id', () => ID, { description: 'The dead delivery.' }) id: string,
    @Arg('reason', { description: 'Why (1-500 characters), e.g. "keyed into the ERP by hand".' }) reason: string,
    @Ctx() ctx: IntegrationContext,
  ): Promise<IgnoreWebhookDeliveryPayload> {
    const { delivery, userErrors } = await monitor.ignoreWebhookDelivery(ctx, { id, reason });
    return { delivery: delivery ? toDeliveryType(delivery) : null, userErrors };
  }
}
