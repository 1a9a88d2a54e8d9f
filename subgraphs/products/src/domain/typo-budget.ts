/**
 * How many typos a searched word may carry and still find a product, as the leading search engines
 * allow by default (Meilisearch, Typesense): none below 5 letters, one from 5, two from 9. A typo is a
 * letter added, dropped or changed, or two neighbouring letters swapped ("saefty" for "safety").
 * Shorter words get none because "bolt" one typo away is also "belt", "boot" and "volt".
 */
export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;

/** The typos allowed in a word of the given length. */
export function typoBudget({ length }: { length: number }): 0 | 1 | 2 {
  if (length >= TWO_TYPOS_FROM) return 2;
  if (length >= ONE_TYPO_FROM) return 1;
  return 0;
}

/**
 * The word with each pair of neighbouring letters swapped: a swap is one typo, not two changed letters
 * (Levenshtein distance counts it as two, so search matches the swaps by name).
 */
export function transpositions({ word }: { word: string }): string[] {
  const letters = [...word];
  const variants = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    variants.add(swapped.join(''));
  }
  return [...variants];
}

/** The word with two swaps: both typos of a word with a budget of two. */
export function doubleTranspositions({ word }: { word: string }): string[] {
  const variants = new Set(transpositions({ word }).flatMap((once) => transpositions({ word: once })));
  variants.delete(word);
  return [...variants];
}
