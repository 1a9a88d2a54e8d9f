import { PageArgs, pageWindow, toPage, userErrorsOf } from '@dealergraph/runtime';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { MailDeliveryConnection, MailDeliveryStatusEnum } from './mail-delivery.type.js';
import { MailNotification } from './mail-notification.entity.js';
import { myEmailPreferences, setMyEmailPreference } from './notification-preference.service.js';
import {
  EmailDeliveryEnum,
  NotificationKindEnum,
  NotificationPreferencesPayload,
  NotificationPreferenceType,
  PushDeliveryEnum,
} from './notification-preference.type.js';

/** The caller's mail notification preferences (the one-click unsubscribe link in every mail writes the same). */
@Resolver()
export class NotificationPreferenceResolver {
  @Authorized()
  @Query(() => [NotificationPreferenceType], {
    description: "The caller's choice for every kind of notification they can receive (mail IMMEDIATE and push ON unless turned off).",
  })
  async notificationPreferences(@Ctx() ctx: OrdersContext): Promise<NotificationPreferenceType[]> {
    return (await myEmailPreferences(ctx)) as NotificationPreferenceType[];
  }

  @Authorized()
  @Mutation(() => NotificationPreferencesPayload, {
    description: 'Turns one kind of notification on or off for the caller, by mail (IMMEDIATE or OFF) and/or by web push (ON or OFF).',
  })
  async setNotificationPreference(
    @Arg('kind', () => NotificationKindEnum, { description: 'The kind of notification.' }) kind: NotificationKindEnum,
    @Arg('email', () => EmailDeliveryEnum, {
      nullable: true,
      description: 'How it should reach the caller by mail; unchanged when absent.',
    })
    email: EmailDeliveryEnum | null,
    @Arg('push', () => PushDeliveryEnum, {
      nullable: true,
      description: 'Whether it should reach their devices by web push; unchanged when absent.',
    })
    push: PushDeliveryEnum | null,
    @Ctx() ctx: OrdersContext,
  ): Promise<NotificationPreferencesPayload> {
    const result = await setMyEmailPreference(ctx, { kind, email, push });
    return {
      preferences: (result.ok ? result.value : await myEmailPreferences(ctx)) as NotificationPreferenceType[],
      userErrors: userErrorsOf(result),
    };
  }

  @Authorized()
  @Query(() => MailDeliveryConnection, {
    description: 'ADMIN: the mail delivery log, newest first: what was sent, what waits for a retry, what failed and why.',
  })
  async mailDeliveries(
    @Args() args: PageArgs,
    @Arg('status', () => MailDeliveryStatusEnum, { nullable: true, description: 'Only mails in this state (FAILED: what needs a look).' })
    status: MailDeliveryStatusEnum | null,
    @Ctx() ctx: OrdersContext,
  ) {
    const window = pageWindow(args);
    const [rows, total] = await ctx.em.findAndCount(MailNotification, status ? { status } : {}, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      offset: window.offset,
      limit: window.limit,
    });
    return toPage(
      rows.map((m) => ({ ...m, to: m.email })),
      total,
      window,
    );
  }
}
