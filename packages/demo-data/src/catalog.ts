import { BRANDS, type NamePart, type SubcategorySpec, TOP_CATEGORIES } from './catalog-data.js';
import { chance, float, int, pick, type SeededFaker, uuid } from './random.js';
import { addDays } from './time.js';
import type { DemoBrand, DemoCategory, DemoProduct } from './types.js';

export const CURRENCY = 'USD';
export const PRODUCT_COUNT = 5_250;

const MIN_PRICE = 200;
const MAX_PRICE = 250_000;

export interface Catalog {
  categories: DemoCategory[];
  brands: DemoBrand[];
  products: DemoProduct[];
}

interface Leaf {
  id: string;
  spec: SubcategorySpec;
  prefix: string;
  features: readonly string[];
  brandIds: string[];
}

/** Lowercase, dash-separated slug ("Seals & Gaskets" -> "seals-gaskets"). */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function fillTemplate(faker: SeededFaker, parts: readonly NamePart[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : pick(faker, part)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A list price in cents inside the band, skewed towards its cheap end: raising the uniform draw to
 * a power above 1 crowds it near 0, and the band is walked geometrically because part prices spread
 * over orders of magnitude.
 */
function drawListPrice(faker: SeededFaker, [min, max]: readonly [number, number]): number {
  const u = float(faker) ** 1.8;
  const dollars = min * (max / min) ** u;
  // Catalog prices end on a nickel; that is what price lists look like.
  const cents = Math.round((dollars * 100) / 5) * 5;
  return Math.min(MAX_PRICE, Math.max(MIN_PRICE, cents));
}

function buildTree(faker: SeededFaker, brands: DemoBrand[]): { categories: DemoCategory[]; leaves: Leaf[] } {
  const categories: DemoCategory[] = [];
  const leaves: Leaf[] = [];
  const slugs = new Set<string>();
  const uniqueSlug = (name: string, parentSlug: string): string => {
    const base = slugify(name);
    const slug = slugs.has(base) ? `${parentSlug}-${base}` : base;
    slugs.add(slug);
    return slug;
  };
  for (const top of TOP_CATEGORIES) {
    const topSlug = uniqueSlug(top.name, '');
    const parent: DemoCategory = { id: uuid(faker), name: top.name, slug: topSlug, parentId: null };
    categories.push(parent);
    const brandIds = BRANDS.flatMap((spec, i) => (spec.categories.includes(top.name) ? [brands[i].id] : []));
    for (const sub of top.subcategories) {
      const id = uuid(faker);
      categories.push({ id, name: sub.name, slug: uniqueSlug(sub.name, topSlug), parentId: parent.id });
      leaves.push({ id, spec: sub, prefix: top.skuPrefix, features: top.features, brandIds });
    }
  }
  return { categories, leaves };
}

/**
 * A product name not used yet, if a few draws find one. Small subcategories run out of template
 * combinations, and there the same part from two brands under one name is what real catalogs show.
 */
function distinctName(faker: SeededFaker, spec: SubcategorySpec, taken: Set<string>): string {
  let name = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    name = fillTemplate(faker, pick(faker, spec.templates));
    if (!taken.has(name)) break;
  }
  taken.add(name);
  return name;
}

const UNIT_PHRASE: Record<SubcategorySpec['unit'], string> = {
  EA: 'Sold individually.',
  BOX: 'Sold by the box.',
  M: 'Sold by the meter, cut to length.',
  SET: 'Sold as a complete set.',
};

/**
 * The category tree, the brands and {@link PRODUCT_COUNT} products. Products come out in a mixed
 * category order (not grouped), so "the first products" of the output look like a real catalog page.
 */
export function generateCatalog(faker: SeededFaker, anchor: Date): Catalog {
  const brands: DemoBrand[] = BRANDS.map((spec) => ({ id: uuid(faker), name: spec.name }));
  const { categories, leaves } = buildTree(faker, brands);
  const brandNames = new Map(brands.map((brand) => [brand.id, brand.name]));

  const weights = leaves.map((leaf) => leaf.spec.weight ?? 1);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const skus = new Set<string>();
  const names = new Set<string>();
  const products: DemoProduct[] = [];

  for (let i = 0; i < PRODUCT_COUNT; i++) {
    let roll = float(faker) * totalWeight;
    let leafIndex = 0;
    while (roll >= weights[leafIndex] && leafIndex < leaves.length - 1) roll -= weights[leafIndex++];
    const leaf = leaves[leafIndex];

    let sku: string;
    do sku = `${leaf.prefix}-${String(int(faker, 1, 999_999)).padStart(6, '0')}`;
    while (skus.has(sku));
    skus.add(sku);

    const name = distinctName(faker, leaf.spec, names);
    const brandId = pick(faker, leaf.brandIds);
    const feature = pick(faker, leaf.features);
    const extra = chance(faker, 0.3) ? ' Common replacement part for OEM equipment.' : '';
    products.push({
      id: uuid(faker),
      sku,
      name,
      description: `${name} by ${brandNames.get(brandId)}. ${feature}. ${UNIT_PHRASE[leaf.spec.unit]}${extra}`,
      brandId,
      categoryId: leaf.id,
      unit: leaf.spec.unit,
      listPrice: drawListPrice(faker, leaf.spec.price),
      currency: CURRENCY,
      // Older than the order history, so no historic order line predates its product.
      createdAt: addDays(anchor, -int(faker, 400, 2_400)),
    });
  }
  return { categories, brands, products };
}
