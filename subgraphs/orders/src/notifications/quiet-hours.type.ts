import { UserError } from '@dealergraph/runtime';
import { Field, InputType, ObjectType } from 'type-graphql';

@InputType('QuietHoursInput', { description: 'A daily window on the caller’s clock during which non-urgent notifications wait.' })
export class QuietHoursInput {
  @Field({ description: 'The first minute of the window, HH:MM (24 hours).' })
  start!: string;

  @Field({ description: 'The first minute after the window, HH:MM; earlier than start: the window crosses midnight (22:00 to 07:00).' })
  end!: string;

  @Field({ description: 'The IANA time zone of the clock, such as Europe/Berlin.' })
  timeZone!: string;
}

@ObjectType('QuietHours', {
  description: 'The caller’s quiet hours: non-urgent mail and push planned inside the window are sent when it ends.',
})
export class QuietHoursType {
  @Field({ description: 'The first minute of the window, HH:MM.' })
  start!: string;

  @Field({ description: 'The first minute after the window, HH:MM.' })
  end!: string;

  @Field({ description: 'The IANA time zone of the clock.' })
  timeZone!: string;
}

@ObjectType('SetQuietHoursPayload', { description: 'The outcome of setting or clearing quiet hours.' })
export class SetQuietHoursPayload {
  @Field(() => QuietHoursType, { nullable: true, description: 'The caller’s quiet hours after the change; null when they have none.' })
  quietHours!: QuietHoursType | null;

  @Field(() => [UserError], {
    description: 'Why nothing changed, if so (INVALID_INPUT: not a time, the same start and end, an unknown time zone).',
  })
  userErrors!: UserError[];
}
