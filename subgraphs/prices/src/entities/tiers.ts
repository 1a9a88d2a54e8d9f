/** The tiers of the dealers' price lists. The prices subgraph keeps its own copy of the names. */
export const PRICE_TIERS = ['PLATINUM', 'GOLD', 'SILVER', 'BRONZE'] as const;
export type PriceTier = (typeof PRICE_TIERS)[number];
