/**
 * A product's master data as the distributor's ERP sends it (upsertProduct, PRODUCTS imports): pure
 * checks and the comparison that makes an upsert idempotent. The ERP's key is the SKU (any case).
 *
 * Decides, for one row: the SKU, name, brand (a name; a new brand is created), category (a slug of
 * the catalog tree; it must exist), unit of sale, pack size, handling class (the assortment
 * restriction), hazardous and active flags; then the lists, each replacing what the product had when
 * given and left alone when absent: specifications, image URLs, substitutes (SKUs). References
 * (category, substitutes) are checked against the catalog by the service.
 */

import type { Checked, FieldProblem } from '@dealergraph/runtime';
export const SALE_UNITS = ['EA', 'BOX', 'M', 'SET'] as const;
/** The handling classes that restrict who may see a product (assortment grants name them). */
export const HANDLING_CLASSES = ['CONTRACT_ONLY', 'IMPORTED', 'QUOTA'] as const;

export interface SpecData {
  name: string;
  type: 'NUMBER' | 'TEXT' | 'BOOLEAN';
  /** As the product page shows it: a NUMBER as a decimal string, a BOOLEAN "true"/"false". */
  value: string;
  unit: string | null;
}

/** The fields an upsert sets; a list that is null is left as the product has it. */
export interface ProductMasterData {
  sku: string;
  name: string;
  description: string;
  brand: string;
  category: string;
  unit: (typeof SALE_UNITS)[number];
  packSize: number;
  handlingClass: (typeof HANDLING_CLASSES)[number] | null;
  hazardous: boolean;
  active: boolean;
  specs: SpecData[] | null;
  images: string[] | null;
  substitutes: string[] | null;
}

export type ProductProblemCode =
  | 'REQUIRED'
  | 'INVALID_SKU'
  | 'TOO_LONG'
  | 'INVALID_UNIT'
  | 'INVALID_PACK_SIZE'
  | 'INVALID_HANDLING_CLASS'
  | 'INVALID_FLAG'
  | 'INVALID_SPEC'
  | 'INVALID_URL'
  | 'SELF_SUBSTITUTE';

export type ProductInputProblem = FieldProblem<ProductProblemCode>;

/** Raw input: what a GraphQL input or an import row gives (lists as arrays or in their text form). */
export type ProductMasterInput = { [K in keyof ProductMasterData]?: unknown };

/** SKUs as catalogs write them: letters, digits, dot, dash, underscore, slash; 1 to 60. */
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;
const MAX_TEXT = 200;
const MAX_DESCRIPTION = 4000;
const MAX_PACK = 1_000_000;
const MAX_LIST = 50;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

/** A flag from true/false, yes/no, 1/0 (any case); `fallback` when empty; null when unreadable. */
export function readFlag(raw: unknown, fallback: boolean): boolean | null {
  if (typeof raw === 'boolean') return raw;
  const text = textOf(raw).toLowerCase();
  if (!text) return fallback;
  if (['true', 'yes', '1', 'y'].includes(text)) return true;
  if (['false', 'no', '0', 'n'].includes(text)) return false;
  return null;
}

/** A list from an array or from text separated by `separator`; null when absent (undefined or null). */
function listOf(raw: unknown, separator: RegExp): unknown[] | null {
  if (raw === undefined || raw === null) return null;
  if (Array.isArray(raw)) return raw;
  const text = textOf(raw);
  return text ? text.split(separator) : [];
}

/** One specification typed from its value: a number (with an optional unit), true/false, or text. */
export function typeSpec(name: string, rawValue: string, rawUnit: string | null): SpecData {
  let value = rawValue.trim();
  let unit = rawUnit?.trim() || null;
  if (!unit) {
    const withUnit = /^(-?\d+(?:\.\d+)?)\s+(\S.{0,19})$/.exec(value);
    if (withUnit) [, value, unit] = withUnit as unknown as [string, string, string];
  }
  if (NUMBER.test(value)) return { name, type: 'NUMBER', value: String(Number(value)), unit };
  if (/^(true|false)$/i.test(value)) return { name, type: 'BOOLEAN', value: value.toLowerCase(), unit: null };
  return { name, type: 'TEXT', value: unit ? `${value} ${unit}` : value, unit: null };
}

/**
 * Specifications from `[{ name, value, unit }]` or the text form `name=value[ unit]; name=value`
 * ("Bore diameter=35 mm; Seal type=ZZ metal shields"); names unique (any case).
 */
function readSpecs(raw: unknown, problems: ProductInputProblem[]): SpecData[] | null {
  const items = listOf(raw, /;/);
  if (!items) return null;
  const specs: SpecData[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    let name: string;
    let value: string;
    let unit: string | null = null;
    if (typeof item === 'object' && item !== null) {
      const spec = item as Record<string, unknown>;
      [name, value, unit] = [textOf(spec.name), textOf(spec.value), textOf(spec.unit) || null];
    } else {
      const text = textOf(item);
      if (!text) continue;
      const at = text.indexOf('=');
      [name, value] = at < 0 ? [text, ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
    }
    if (!name || !value || name.length > 80 || value.length > MAX_TEXT) {
      problems.push({
        code: 'INVALID_SPEC',
        message: `Specification "${name.slice(0, 40)}": a name (up to 80) and a value are needed.`,
        field: 'specs',
      });
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      problems.push({ code: 'INVALID_SPEC', message: `Specification "${name}" is given twice.`, field: 'specs' });
      continue;
    }
    seen.add(name.toLowerCase());
    specs.push(typeSpec(name, value, unit));
  }
  if (specs.length > MAX_LIST) problems.push({ code: 'INVALID_SPEC', message: `At most ${MAX_LIST} specifications.`, field: 'specs' });
  return specs;
}

function readImages(raw: unknown, problems: ProductInputProblem[]): string[] | null {
  const items = listOf(raw, /[|\s]+/);
  if (!items) return null;
  const urls = items.map(textOf).filter(Boolean);
  for (const url of urls) {
    const ok = (() => {
      try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' && !parsed.username && !parsed.password && url.length <= 500;
      } catch {
        return false;
      }
    })();
    if (!ok) problems.push({ code: 'INVALID_URL', message: `"${url.slice(0, 60)}" is not an https URL.`, field: 'images' });
  }
  if (urls.length > MAX_LIST) problems.push({ code: 'INVALID_URL', message: `At most ${MAX_LIST} images.`, field: 'images' });
  return [...new Set(urls)];
}

/** Checks and normalizes one product: every problem, each with its field, or the data to store. */
export function checkProductMasterData(input: ProductMasterInput): Checked<ProductMasterData, ProductInputProblem> {
  const problems: ProductInputProblem[] = [];
  const text = (field: keyof ProductMasterData, required: boolean, max = MAX_TEXT): string | null => {
    const value = textOf(input[field]);
    if (!value) {
      if (required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
      return null;
    }
    if (value.length > max) problems.push({ code: 'TOO_LONG', message: `${field} is longer than ${max} characters.`, field });
    return value;
  };
  const sku = text('sku', true);
  if (sku && !SKU.test(sku))
    problems.push({
      code: 'INVALID_SKU',
      message: `"${sku.slice(0, 60)}": a SKU is 1 to 60 letters, digits, ".", "-", "_" or "/".`,
      field: 'sku',
    });
  const name = text('name', true);
  const description = text('description', false, MAX_DESCRIPTION) ?? '';
  const brand = text('brand', true);
  const category = text('category', true)?.toLowerCase() ?? null;
  const unit = (text('unit', false) ?? 'EA').toUpperCase();
  if (!(SALE_UNITS as readonly string[]).includes(unit))
    problems.push({ code: 'INVALID_UNIT', message: `"${unit}": the unit of sale is one of ${SALE_UNITS.join(', ')}.`, field: 'unit' });
  const packText = textOf(input.packSize);
  const packSize = packText ? Number(packText) : 1;
  if (!Number.isSafeInteger(packSize) || packSize < 1 || packSize > MAX_PACK)
    problems.push({
      code: 'INVALID_PACK_SIZE',
      message: `packSize "${packText}" must be a whole number from 1 to ${MAX_PACK}.`,
      field: 'packSize',
    });
  const handling = text('handlingClass', false)?.toUpperCase() ?? null;
  if (handling && !(HANDLING_CLASSES as readonly string[]).includes(handling))
    problems.push({
      code: 'INVALID_HANDLING_CLASS',
      message: `"${handling.slice(0, 40)}": the handling class is empty or one of ${HANDLING_CLASSES.join(', ')}.`,
      field: 'handlingClass',
    });
  const flag = (field: 'hazardous' | 'active', fallback: boolean) => {
    const value = readFlag(input[field], fallback);
    if (value === null) problems.push({ code: 'INVALID_FLAG', message: `${field} is true or false.`, field });
    return value ?? fallback;
  };
  const hazardous = flag('hazardous', false);
  const active = flag('active', true);
  const specs = readSpecs(input.specs, problems);
  const images = readImages(input.images, problems);
  const substituteList = listOf(input.substitutes, /[|,;\s]+/);
  const substitutes = substituteList
    ? [
        ...new Set(
          substituteList
            .map(textOf)
            .filter(Boolean)
            .map((s) => s.toUpperCase()),
        ),
      ]
    : null;
  if (sku && substitutes?.includes(sku.toUpperCase()))
    problems.push({ code: 'SELF_SUBSTITUTE', message: 'A product cannot be its own substitute.', field: 'substitutes' });
  if (substitutes && substitutes.length > MAX_LIST)
    problems.push({ code: 'TOO_LONG', message: `At most ${MAX_LIST} substitutes.`, field: 'substitutes' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      sku: sku!,
      name: name!,
      description,
      brand: brand!,
      category: category!,
      unit: unit as ProductMasterData['unit'],
      packSize,
      handlingClass: handling as ProductMasterData['handlingClass'],
      hazardous,
      active,
      specs,
      images,
      substitutes,
    },
  };
}

/**
 * The fields whose value differs; empty when an upsert would change nothing. A list left out (null)
 * never differs; SKUs compare without case, brands and categories as the catalog resolves them.
 */
export function changedProductFields(before: ProductMasterData, after: ProductMasterData): (keyof ProductMasterData)[] {
  const same = (key: keyof ProductMasterData) => {
    const [a, b] = [before[key], after[key]];
    if (key === 'sku' || key === 'brand' || key === 'category') return String(a).toLowerCase() === String(b).toLowerCase();
    if (b === null && (key === 'specs' || key === 'images' || key === 'substitutes')) return true;
    if (key === 'substitutes') return JSON.stringify(a).toLowerCase() === JSON.stringify(b).toLowerCase();
    return JSON.stringify(a) === JSON.stringify(b);
  };
  return (Object.keys(after) as (keyof ProductMasterData)[]).filter((key) => !same(key));
}

/** Problems of a batch that no single row shows: the same SKU in more than one row (every such row fails). */
export function duplicateKeys(keys: readonly (string | null)[]): Set<number> {
  const count = new Map<string, number>();
  for (const key of keys) if (key) count.set(key.toLowerCase(), (count.get(key.toLowerCase()) ?? 0) + 1);
  return new Set(keys.flatMap((key, i) => (key && count.get(key.toLowerCase())! > 1 ? [i] : [])));
}
