import { ConnectionType } from '@dealergraph/runtime';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { NotificationKindEnum } from './notification-preference.type.js';

export enum MailDeliveryStatusEnum {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

registerEnumType(MailDeliveryStatusEnum, {
  name: 'MailDeliveryStatus',
  description: 'Where a notification mail stands.',
  valuesConfig: {
    PENDING: { description: 'Queued, or refused or not taken by the SMTP server and waiting for its next try.' },
    SENT: { description: 'Taken by the SMTP server (or, in demo mode, kept in the dev mailbox).' },
    FAILED: { description: 'Every try failed; the last error says why.' },
  },
});

@ObjectType('MailDelivery', { description: 'A notification mail to one person, as the delivery log keeps it (staff admins).' })
export class MailDeliveryType {
  @Field(() => ID, { description: "The mail's id (also its Message-ID and its job's id)." })
  id!: string;

  @Field({ description: 'The address it went to.' })
  to!: string;

  @Field(() => NotificationKindEnum, { description: 'The kind of notification.' })
  kind!: NotificationKindEnum;

  @Field({ description: 'The subject line.' })
  subject!: string;

  @Field(() => ID, { nullable: true, description: 'The order it is about.' })
  orderId!: string | null;

  @Field(() => MailDeliveryStatusEnum, { description: 'Where it stands.' })
  status!: MailDeliveryStatusEnum;

  @Field(() => Int, { description: 'Tries so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: "The last failure's message (from the SMTP server or the network); null once sent." })
  lastError!: string | null;

  @Field(() => Date, { description: 'When it was planned.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the server took it.' })
  sentAt!: Date | null;
}

@ObjectType('MailDeliveryConnection', { description: 'A page of the mail delivery log, newest first.' })
export class MailDeliveryConnection extends ConnectionType(MailDeliveryType, 'mail deliveries') {}
