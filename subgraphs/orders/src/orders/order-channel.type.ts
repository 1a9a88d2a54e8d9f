import { registerEnumType } from 'type-graphql';

/** The GraphQL face of the channels in placement/domain/order-channel.ts (same names). */
export enum OrderChannelEnum {
  PORTAL = 'PORTAL',
  API = 'API',
  EDI = 'EDI',
  PHONE = 'PHONE',
  FAX = 'FAX',
  EMAIL = 'EMAIL',
}
registerEnumType(OrderChannelEnum, {
  name: 'OrderChannel',
  description: 'How an order reached the distributor.',
  valuesConfig: {
    PORTAL: { description: "Placed by one of the dealer's users in the portal (the web app or any client signed in as the user)." },
    API: { description: "Placed by one of the dealer's API clients." },
    EDI: { description: 'Sent as an EDI message: through an API client, or keyed in by staff.' },
    PHONE: { description: 'Taken by phone and keyed in by staff on behalf of the dealer.' },
    FAX: { description: 'Received by fax and keyed in by staff on behalf of the dealer.' },
    EMAIL: { description: 'Received by e-mail and keyed in by staff on behalf of the dealer.' },
  },
});
