/**
 * Percent math on integer cents. This mirrors `discount` in `@dealergraph/runtime` on purpose:
 * the seeded order lines must be priced exactly as the prices subgraph prices a live order, and this
 * package stays free of runtime dependencies so every subgraph can import it cheaply.
 */

/**
 * The amount left after taking `basisPoints` (1500 = 15 %) off `minor` cents, rounded once,
 * half up to the cent. Integer-only: `minor * 10_000` stays far below 2^53 for any price we hold.
 */
export function discount(minor: number, basisPoints: number): number {
  const scaled = minor * (10_000 - basisPoints);
  return Math.floor((scaled * 2 + 10_000) / 20_000);
}
