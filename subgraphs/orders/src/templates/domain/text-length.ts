/**
 * The length of a text as people count it: user-perceived characters (grapheme clusters, by
 * Intl.Segmenter), so an emoji, a flag or an accented letter written with a combining mark is one
 * character, not two to seven UTF-16 units. A cluster may hold many code points (combining marks
 * stacked without end): the UTF-16 length is bounded too, at eight units a character.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How many user-perceived characters `text` has. */
export function characterCount({ text }: { text: string }): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** True when `text` has at most `max` characters (and at most 8 UTF-16 units for each). */
export function withinCharacters({ text, max }: { text: string; max: number }): boolean {
  return text.length <= max * 8 && (text.length <= max || characterCount({ text }) <= max);
}
