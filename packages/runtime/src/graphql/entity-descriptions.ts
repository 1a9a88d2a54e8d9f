/**
 * Descriptions of the federated entities. Every subgraph that defines or extends an entity uses the
 * same words, so composition has one description to keep (it hints on any difference).
 */
export const ENTITY_DESCRIPTIONS = {
  Dealer: "A dealer: the distributor's customer. Other subgraphs add its credit and orders.",
  Product: 'A catalog item (an industrial spare part). Other subgraphs add its price.',
  id: 'Stable identifier.',
} as const;
