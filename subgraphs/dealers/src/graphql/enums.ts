import { registerEnumType } from 'type-graphql';

export enum DealerTierEnum {
  PLATINUM = 'PLATINUM',
  GOLD = 'GOLD',
  SILVER = 'SILVER',
  BRONZE = 'BRONZE',
}
registerEnumType(DealerTierEnum, {
  name: 'DealerTier',
  description: 'The commercial tier of a dealer; it selects the tier price list.',
  valuesConfig: {
    PLATINUM: { description: 'The largest dealers; the demo tier price list takes 20 % off list.' },
    GOLD: { description: 'Demo tier price list: 15 % off list.' },
    SILVER: { description: 'Demo tier price list: 10 % off list.' },
    BRONZE: { description: 'Demo tier price list: 5 % off list.' },
  },
});

export enum RoleEnum {
  DEALER_ADMIN = 'DEALER_ADMIN',
  ORDER_ENTRY = 'ORDER_ENTRY',
  VIEW_ONLY = 'VIEW_ONLY',
  SALES_REP = 'SALES_REP',
  REGIONAL_MANAGER = 'REGIONAL_MANAGER',
  SALES_DIRECTOR = 'SALES_DIRECTOR',
  FINANCE = 'FINANCE',
  GENERAL_MANAGER = 'GENERAL_MANAGER',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a user may do. Dealer roles act for their own dealer; staff roles act by approval level.',
  valuesConfig: {
    DEALER_ADMIN: { description: "Manages the dealer's users and places orders." },
    ORDER_ENTRY: { description: 'Places and follows orders for the dealer.' },
    VIEW_ONLY: { description: "Sees the dealer's catalog, prices, credit and orders; changes nothing." },
    SALES_REP: { description: "Distributor's sales representative, approval level 1." },
    REGIONAL_MANAGER: { description: 'Approval level 2.' },
    SALES_DIRECTOR: { description: 'Approval level 3.' },
    FINANCE: { description: 'Approval level 4; credit decisions.' },
    GENERAL_MANAGER: { description: 'Approval level 5.' },
    ADMIN: { description: "The distributor's portal administrator." },
  },
});
