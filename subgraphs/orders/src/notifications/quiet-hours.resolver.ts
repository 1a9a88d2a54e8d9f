import { userErrorsOf } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { myQuietHours, setMyQuietHours } from './quiet-hours.service.js';
import { QuietHoursInput, QuietHoursType, SetQuietHoursPayload } from './quiet-hours.type.js';

/** The caller's quiet hours (domain/quiet-hours.ts). */
@Resolver()
export class QuietHoursResolver {
  @Authorized()
  @Query(() => QuietHoursType, { nullable: true, description: "The caller's quiet hours; null when they have none." })
  async quietHours(@Ctx() ctx: OrdersContext): Promise<QuietHoursType | null> {
    return myQuietHours(ctx);
  }

  @Authorized()
  @Mutation(() => SetQuietHoursPayload, {
    description: "Sets the caller's quiet hours, or clears them (input null). Urgent notifications (reminders, escalations) ignore them.",
  })
  async setQuietHours(
    @Arg('input', () => QuietHoursInput, { nullable: true, description: 'The window; null clears it.' }) input: QuietHoursInput | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<SetQuietHoursPayload> {
    const result = await setMyQuietHours(ctx, input ? { start: input.start, end: input.end, timeZone: input.timeZone } : null);
    return { quietHours: result.ok ? result.value : await myQuietHours(ctx), userErrors: userErrorsOf(result) };
  }
}
