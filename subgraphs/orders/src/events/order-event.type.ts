import { ConnectionType, UserError } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { OrderRejectionType } from '../approvals/order-rejection.type.js';
import { OrderType } from '../orders/order.type.js';

@ObjectType('OrderEvent', {
  description:
    'Something that happened to an order, as published after it committed: live over subscriptions, and again from orderEvents(since:) and the notification feed.',
})
export class OrderEventType {
  @Field(() => ID, { description: 'The event id; a client that receives the same id twice (after a reconnect) keeps one.' })
  id!: string;

  @Field({
    description:
      'What happened: ORDER_PLACED, STATUS_CHANGED, APPROVAL_STEP (a step was decided), ESCALATED (a step passed its deadline and moved up), REMINDER, SPECIAL_PRICE_REQUEST.',
  })
  type!: string;

  @Field(() => ID, { description: 'The order the event is about.' })
  orderId!: string;

  @Field(() => OrderType, { nullable: true, description: 'The order as it is now; null when the caller may no longer see it.' })
  order?: OrderType | null;

  @Field(() => String, { nullable: true, description: "The order's status after the event." })
  status!: string | null;

  @Field(() => String, { nullable: true, description: "The approver's comment, or the reason of a rejection, cancellation or escalation." })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'The approval level (1-5) of the step the event concerns, if any.' })
  level!: number | null;

  @Field(() => OrderRejectionType, {
    nullable: true,
    description: 'On the change to REJECTED: the reason code, text and suggested alternatives; null otherwise.',
  })
  rejection!: OrderRejectionType | null;

  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field({ description: 'In the notification feed: whether the caller has marked it read. False elsewhere.' })
  read!: boolean;
}

@ObjectType('NotificationConnection', { description: "A page of the caller's notification feed, newest first." })
export class NotificationConnection extends ConnectionType(OrderEventType, 'notifications') {
  @Field(() => Int, { description: 'How many notifications of the whole feed are unread.' })
  unreadCount!: number;
}

@ObjectType('MarkNotificationsReadPayload', { description: 'The outcome of marking notifications read.' })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'Unread notifications left in the feed.' })
  unreadCount!: number;

  @Field(() => [UserError], { description: 'Why nothing was marked, if so.' })
  userErrors!: UserError[];
}
