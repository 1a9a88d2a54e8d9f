/**
 * The catalog tree and the warehouses as the distributor's ERP sends them (upsertCategory,
 * upsertWarehouse, CATEGORIES and WAREHOUSES imports): pure checks of one row each, and the tree
 * check of a whole batch. So an empty catalog can be filled from files before its products and stock.
 *
 * - A category: its slug (the key: lower-case letters and digits in dash-separated words, any case in
 *   the file), its name, and its parent by slug. An absent parent leaves a stored category where it
 *   is (a new one becomes a root); an empty parent makes it a root. The parent must be in the catalog
 *   or in the same batch (UNKNOWN_PARENT), and no category may end up below itself (CATEGORY_CYCLE).
 * - A warehouse: its code (the key, stored in upper case; letters, digits, ".", "-", "_"), its name and
 *   its city.
 */

import type { Checked, FieldProblem } from '@dealergraph/runtime';
export interface CategoryData {
  slug: string;
  name: string;
  /** The parent's slug (lower case); null: a root; undefined: as stored (a root when new). */
  parent: string | null | undefined;
}

export interface WarehouseData {
  code: string;
  name: string;
  city: string;
}

export type CatalogRowProblem = FieldProblem<'REQUIRED' | 'TOO_LONG' | 'INVALID_SLUG' | 'INVALID_CODE' | 'CATEGORY_CYCLE'>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 80;
const WAREHOUSE_CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const MAX_TEXT = 200;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

function requiredText(raw: unknown, field: string, problems: CatalogRowProblem[]): string {
  const text = textOf(raw);
  if (!text) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
  else if (text.length > MAX_TEXT) problems.push({ code: 'TOO_LONG', message: `${field} is longer than ${MAX_TEXT} characters.`, field });
  return text;
}

function slugOf(raw: unknown, field: string, problems: CatalogRowProblem[], required: boolean): string | null {
  const text = textOf(raw).toLowerCase();
  if (!text) {
    if (required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
    return null;
  }
  if (text.length > MAX_SLUG || !SLUG.test(text))
    problems.push({
      code: 'INVALID_SLUG',
      message: `${field} "${text.slice(0, 40)}" must be lower-case letters and digits in words joined by "-" (at most ${MAX_SLUG}), e.g. "ball-bearings".`,
      field,
    });
  return text;
}

/** One category row; `parent` absent (undefined) keeps the stored parent. */
export function checkCategory(input: Record<string, unknown>): Checked<CategoryData, CatalogRowProblem> {
  const problems: CatalogRowProblem[] = [];
  const slug = slugOf(input.slug, 'slug', problems, true);
  const name = requiredText(input.name, 'name', problems);
  const parent = input.parent === undefined ? undefined : slugOf(input.parent, 'parent', problems, false);
  if (slug && parent === slug)
    problems.push({ code: 'CATEGORY_CYCLE', message: `Category ${slug} cannot be its own parent.`, field: 'parent' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { slug: slug!, name, parent } };
}

/** One warehouse row. */
export function checkWarehouse(input: Record<string, unknown>): Checked<WarehouseData, CatalogRowProblem> {
  const problems: CatalogRowProblem[] = [];
  const code = textOf(input.code).toUpperCase();
  if (!code) problems.push({ code: 'REQUIRED', message: 'code is required.', field: 'code' });
  else if (!WAREHOUSE_CODE.test(code))
    problems.push({
      code: 'INVALID_CODE',
      message: `code "${code.slice(0, 40)}" must be 1 to 40 letters, digits, ".", "-" or "_", e.g. WH-NORTH.`,
      field: 'code',
    });
  const name = requiredText(input.name, 'name', problems);
  const city = requiredText(input.city, 'city', problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { code, name, city } };
}

export type TreeProblem = 'UNKNOWN_PARENT' | 'CATEGORY_CYCLE';

/**
 * The tree a batch would leave, checked: for each row (null: a row that already failed), whether its
 * parent exists (stored, or a row of the batch that is itself fine) and whether it would end up below
 * itself. `stored` is the catalog's slug -> parent slug (null for a root). A row whose parent row fails
 * fails too (UNKNOWN_PARENT), so a batch written with its valid rows only never points at a missing
 * category. Returns each row's problem, or null.
 */
export function checkCategoryTree(args: {
  stored: ReadonlyMap<string, string | null>;
  rows: readonly (Pick<CategoryData, 'slug' | 'parent'> | null)[];
}): (TreeProblem | null)[] {
  const { stored, rows } = args;
  const problems: (TreeProblem | null)[] = rows.map(() => null);
  const parentOf = new Map(stored);
  rows.forEach((r) => {
    if (r) parentOf.set(r.slug, r.parent === undefined ? (stored.get(r.slug) ?? null) : r.parent);
  });
  // Cycles: walk up from each row; meeting the row again is a cycle (a chain longer than the tree is one too).
  rows.forEach((r, i) => {
    if (!r) return;
    let at = parentOf.get(r.slug) ?? null;
    for (let steps = 0; at !== null && steps <= parentOf.size; steps++) {
      if (at === r.slug) {
        problems[i] = 'CATEGORY_CYCLE';
        return;
      }
      at = parentOf.get(at) ?? null;
    }
  });
  // Missing parents, until nothing more fails: a row whose parent row failed fails as well.
  const bySlug = new Map(rows.flatMap((r, i) => (r ? [[r.slug, i] as const] : [])));
  for (let changed = true; changed;) {
    changed = false;
    rows.forEach((r, i) => {
      if (!r || problems[i] || !r.parent) return;
      const inBatch = bySlug.get(r.parent);
      const fine = inBatch !== undefined ? problems[inBatch] === null : stored.has(r.parent);
      if (!fine) {
        problems[i] = 'UNKNOWN_PARENT';
        changed = true;
      }
    });
  }
  return problems;
}
