import { UserError } from '@dealergraph/runtime';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { NOTIFICATION_KINDS } from './domain/notification-audience.js';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in (typeof NOTIFICATION_KINDS)[number]]: K;
};
export type NotificationKindEnum = (typeof NOTIFICATION_KINDS)[number];

registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'A kind of mail notification.',
  valuesConfig: {
    ORDER_PLACED: { description: "Dealer users: their dealer's order was placed." },
    ORDER_APPROVED: { description: "Dealer users: their dealer's order was approved." },
    ORDER_REJECTED: { description: "Dealer users: their dealer's order was rejected (with the reason)." },
    ORDER_SHIPPED: { description: "Dealer users: their dealer's order shipped (carrier and tracking number)." },
    ORDER_DELIVERED: { description: "Dealer users: their dealer's order was delivered." },
    APPROVAL_WAITING: { description: 'Approvers: an order in their scope waits at their level (with a one-click link).' },
    APPROVAL_REMINDER: { description: 'Approvers: an order waiting at their level nears its deadline (with a one-click link).' },
    APPROVAL_ESCALATED: { description: 'Approvers: an order in their scope was escalated to their level (with a one-click link).' },
  },
});

export enum EmailDeliveryEnum {
  IMMEDIATE = 'IMMEDIATE',
  OFF = 'OFF',
}

registerEnumType(EmailDeliveryEnum, {
  name: 'EmailDelivery',
  description: 'How a kind of notification reaches the user by mail.',
  valuesConfig: {
    IMMEDIATE: { description: 'A mail as soon as it happens (the default).' },
    OFF: { description: 'No mail (the in-app feed still shows it).' },
  },
});

export enum PushDeliveryEnum {
  ON = 'ON',
  OFF = 'OFF',
}

registerEnumType(PushDeliveryEnum, {
  name: 'PushDelivery',
  description: "Whether a kind of notification reaches the user's subscribed devices by web push.",
  valuesConfig: {
    ON: { description: 'A push message to every subscribed device (the default).' },
    OFF: { description: 'No push message.' },
  },
});

@ObjectType('NotificationPreference', { description: "The caller's choice for one kind of notification, per channel." })
export class NotificationPreferenceType {
  @Field(() => NotificationKindEnum, { description: 'The kind of notification.' })
  kind!: NotificationKindEnum;

  @Field(() => EmailDeliveryEnum, { description: 'How it reaches the caller by mail.' })
  email!: EmailDeliveryEnum;

  @Field(() => PushDeliveryEnum, { description: "Whether it reaches the caller's subscribed devices by web push." })
  push!: PushDeliveryEnum;
}

@ObjectType('NotificationPreferencesPayload', { description: 'The outcome of changing a notification preference.' })
export class NotificationPreferencesPayload {
  @Field(() => [NotificationPreferenceType], { description: "The caller's preferences after the change (unchanged when refused)." })
  preferences!: NotificationPreferenceType[];

  @Field(() => [UserError], {
    description: 'Why nothing changed, if so (INVALID_INPUT: a kind the caller never receives, or no channel given).',
  })
  userErrors!: UserError[];
}
