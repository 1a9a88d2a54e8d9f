import { userErrorsOf } from '@dealergraph/runtime';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { OrdersContext } from '../context.js';
import { myPushDevices, registerMyPushDevice, removeMyPushDevice } from './push-subscription.service.js';
import {
  PushSubscriptionType,
  RegisterPushSubscriptionInput,
  RegisterPushSubscriptionPayload,
  RemovePushSubscriptionPayload,
} from './push-subscription.type.js';

/** Web push for the caller's devices: the server's key, and subscribing and unsubscribing a device. */
@Resolver()
export class PushSubscriptionResolver {
  @Authorized()
  @Query(() => String, {
    nullable: true,
    description:
      "The server's VAPID public key (base64url), the applicationServerKey a device subscribes to web push with; null when web push is off.",
  })
  webPushPublicKey(@Ctx() ctx: OrdersContext): string | null {
    return ctx.webPush?.keys?.publicKey ?? null;
  }

  @Authorized()
  @Query(() => [PushSubscriptionType], { description: "The caller's devices that receive web push, newest first." })
  async pushSubscriptions(@Ctx() ctx: OrdersContext): Promise<PushSubscriptionType[]> {
    return myPushDevices(ctx);
  }

  @Authorized()
  @Mutation(() => RegisterPushSubscriptionPayload, {
    description: "Subscribes the caller's device to web push: it then receives the notifications the caller gets by mail.",
  })
  async registerPushSubscription(
    @Arg('input', () => RegisterPushSubscriptionInput, { description: "The browser's subscription." }) input: RegisterPushSubscriptionInput,
    @Ctx() ctx: OrdersContext,
  ): Promise<RegisterPushSubscriptionPayload> {
    const result = await registerMyPushDevice(ctx, input);
    return { subscription: result.ok ? result.value : null, userErrors: userErrorsOf(result) };
  }

  @Authorized()
  @Mutation(() => RemovePushSubscriptionPayload, { description: "Unsubscribes one of the caller's devices from web push." })
  async removePushSubscription(
    @Arg('endpoint', { description: "The device's push endpoint." }) endpoint: string,
    @Ctx() ctx: OrdersContext,
  ): Promise<RemovePushSubscriptionPayload> {
    return { removed: await removeMyPushDevice(ctx, endpoint), userErrors: [] };
  }
}
