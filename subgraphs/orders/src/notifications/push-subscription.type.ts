import { UserError } from '@dealergraph/runtime';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType('RegisterPushSubscriptionInput', {
  description: "A device's web push subscription, as the browser's PushSubscription.toJSON() gives it.",
})
export class RegisterPushSubscriptionInput {
  @Field({ description: "The push service's URL for this device (https)." })
  endpoint!: string;

  @Field({ description: "The subscription's P-256 public key (keys.p256dh, base64url)." })
  p256dh!: string;

  @Field({ description: "The subscription's authentication secret (keys.auth, base64url)." })
  auth!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A name for the device, so the user can tell their devices apart (at most 300 characters).',
  })
  userAgent?: string | null;
}

@ObjectType('PushSubscription', { description: 'A device of the caller that receives web push notifications.' })
export class PushSubscriptionType {
  @Field(() => ID, { description: "The subscription's id." })
  id!: string;

  @Field({ description: "The push service's URL for the device (the browser knows its own, so it can tell whether it is subscribed)." })
  endpoint!: string;

  @Field(() => String, { nullable: true, description: 'The name the device gave when it subscribed.' })
  userAgent!: string | null;

  @Field(() => Date, { description: 'When the device subscribed.' })
  createdAt!: Date;
}

@ObjectType('RegisterPushSubscriptionPayload', { description: 'The outcome of subscribing a device to web push.' })
export class RegisterPushSubscriptionPayload {
  @Field(() => PushSubscriptionType, { nullable: true, description: 'The device, subscribed; null when refused.' })
  subscription!: PushSubscriptionType | null;

  @Field(() => [UserError], {
    description:
      'Why nothing changed, if so: PUSH_UNAVAILABLE (web push is off on this server), INVALID_INPUT (not a subscription), TOO_MANY_DEVICES.',
  })
  userErrors!: UserError[];
}

@ObjectType('RemovePushSubscriptionPayload', { description: 'The outcome of unsubscribing a device from web push.' })
export class RemovePushSubscriptionPayload {
  @Field({ description: "True when one of the caller's devices had this endpoint and no longer receives web push." })
  removed!: boolean;

  @Field(() => [UserError], { description: 'Always empty: an unknown endpoint is not an error (removed is false).' })
  userErrors!: UserError[];
}
