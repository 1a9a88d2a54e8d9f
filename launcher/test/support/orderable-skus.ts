import type { GraphQLClient } from '@dealergraph/testing';

/** A SKU any dealer may order at once (in stock, no restriction, cheap enough to be approved on the spot). */
export async function orderableSkus(client: GraphQLClient): Promise<string[]> {
  const { products } = await client.data(
    '{ products(first: 60, filter: { inStockOnly: true }) { nodes { sku restriction stock { available } price { unitPrice { amount } appliedRules } } } }',
  );
  return products.nodes
    .filter(
      (p: { restriction: string | null; stock: { available: number }; price: { unitPrice: { amount: string }; appliedRules: string[] } }) =>
        !p.restriction &&
        p.stock.available >= 50 &&
        !p.price.appliedRules.includes('SPECIAL_PRICE') &&
        Number(p.price.unitPrice.amount) < 40,
    )
    .map((p: { sku: string }) => p.sku);
}
