import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('SuccessMetrics', {
  description:
    "The portal's success metrics over the orders placed in [from, to): ratios are Float from 0 to 1, null where there is no data (no order, no active dealer, nothing shipped, nothing recorded).",
})
export class SuccessMetricsType {
  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => Int, { description: 'Orders placed in the period (orders still being placed are left out).' })
  orderCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Orders the dealer placed itself (channel PORTAL or API) over all orders of the period.',
  })
  portalOrderRatio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Active dealers with at least one order in the period over all dealers active now.',
  })
  activeDealerRatio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Orders of the period cancelled for an error (reasonCode ENTRY_ERROR, DUPLICATE_ORDER, WRONG_PRICE or WRONG_ITEM) over all orders of the period.',
  })
  orderErrorRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean hours from placement to shipment over the orders of the period that have shipped; null when none has.',
  })
  averageProcessingHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Orders placed from 18:00 to 09:00 in the dealer's time zone (UTC when the dealer has none recorded) over all orders of the period.",
  })
  afterHoursOrderRatio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The sales team's order-entry load: orders staff keyed in (channel PHONE, FAX or EMAIL) over all orders of the period.",
  })
  staffEnteredOrderRatio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Self-service usage (views of invoices, statements and order tracking against orders). Always null for now: such views are not recorded yet.',
  })
  selfServiceRatio!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Dealer satisfaction from a one-question survey after delivery, 0 to 1. Always null for now: no survey is offered yet.',
  })
  dealerSatisfaction!: number | null;
}
