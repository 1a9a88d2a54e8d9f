import { registerEnumType } from 'type-graphql';

/** The GraphQL face of the codes in orders/domain/order-cancellation.ts (same names). */
export enum OrderCancellationCodeEnum {
  DEALER_REQUEST = 'DEALER_REQUEST',
  ENTRY_ERROR = 'ENTRY_ERROR',
  DUPLICATE_ORDER = 'DUPLICATE_ORDER',
  WRONG_PRICE = 'WRONG_PRICE',
  WRONG_ITEM = 'WRONG_ITEM',
  OTHER = 'OTHER',
}
registerEnumType(OrderCancellationCodeEnum, {
  name: 'OrderCancellationCode',
  description: 'Why an order was cancelled; the error codes count in the order error rate of successMetrics.',
  valuesConfig: {
    DEALER_REQUEST: { description: 'The dealer no longer wants it (not an error).' },
    ENTRY_ERROR: { description: 'Keyed in wrongly (quantities, lines, dealer): an order error.' },
    DUPLICATE_ORDER: { description: 'Sent twice: an order error.' },
    WRONG_PRICE: { description: 'Placed at a wrong price: an order error.' },
    WRONG_ITEM: { description: 'The wrong article was ordered: an order error.' },
    OTHER: { description: 'Anything else (not an error).' },
  },
});
