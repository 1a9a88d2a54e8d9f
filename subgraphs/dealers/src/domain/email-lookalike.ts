/**
 * Lookalike email addresses (an invitation for `аdmin@demo.staff` with a Cyrillic а, a fullwidth
 * `ａdmin`, `ad\u200Bmin` with a zero-width space, an RTL mark, `adrnin` for `admin`), decided in
 * three steps, in this order:
 * 1. Normalise: NFKC (fullwidth and compatibility forms become their plain letters), strip the
 *    invisible characters (zero-width, joiners, the bidi controls, the BOM, soft hyphen), trim,
 *    lowercase. The normalised address is the one stored and compared.
 * 2. Refuse letters of any script but Latin (Cyrillic, Greek, Armenian … can each pass for a Latin
 *    letter: UTS #39 calls such a mix "mixed-script"); Latin letters with marks stay allowed.
 * 3. Compare skeletons (after UTS #39's skeleton, with a small table): marks removed, then the ASCII
 *    confusables of confusables.txt that can appear in an address, `0`→`o`, `1`→`l`, `rn`→`m`,
 *    `vv`→`w`. Two different addresses with one skeleton are lookalikes. {@link SQL_SKELETON} is the
 *    same mapping for the ASCII addresses stored, so a lookalike is found with one indexed-free query.
 */

// Zero-width space/non-joiner/joiner, word joiner, invisible operators, LRM/RLM/ALM, the bidi
// embeddings, overrides and isolates, the BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;

/** The address as stored and compared: NFKC, invisible characters removed, trimmed, lowercased. */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
}

/** True when the normalised address has a letter of another script than Latin (or a non-ASCII digit). */
export function hasForeignScript(email: string): boolean {
  return /[^\p{Script=Latin}\x20-\x7E\p{M}]/u.test(email);
}

const ASCII_CONFUSABLES: readonly [string, string][] = [
  ['0', 'o'],
  ['1', 'l'],
  ['rn', 'm'],
  ['vv', 'w'],
];

/** The skeleton of a normalised address: marks removed, then the ASCII confusables mapped. */
export function emailSkeleton(email: string): string {
  let skeleton = email.normalize('NFD').replace(/\p{M}/gu, '');
  for (const [from, to] of ASCII_CONFUSABLES) skeleton = skeleton.split(from).join(to);
  return skeleton;
}

/** The same skeleton in SQL over a text column of stored (normalised, ASCII) addresses. */
export const SQL_SKELETON = (column: string) =>
  ASCII_CONFUSABLES.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, column);

/** Why an address to invite is refused for its characters alone (no lookup: tells nothing of others), or null. */
export function lookalikeRefusal(email: string): { code: 'EMAIL_CONFUSABLE'; message: string } | null {
  if (!hasForeignScript(email)) return null;
  return {
    code: 'EMAIL_CONFUSABLE',
    message: 'This address has letters of another script that can pass for Latin ones: write it in Latin letters.',
  };
}
