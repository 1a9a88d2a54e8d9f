import { randomUUID } from 'node:crypto';

import {
  type Checked,
  failedRow,
  type FieldProblem,
  formatAmount,
  type InternalActor,
  type MasterDataBatchOptions,
  type MasterDataBatchResult,
  type MasterDataRowResult,
} from '@dealergraph/runtime';

import type { PricesContext } from '../context.js';
import {
  checkPromotion,
  checkSpecialPriceAgreement,
  overlappingRows,
  type PromotionData,
  type SpecialPriceAgreementData,
  windowsOverlap,
} from '../domain/price-agreements.js';

type BatchOptions = MasterDataBatchOptions;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The product the caller resolved from the row's SKU; UNKNOWN_SKU when it found none. */
function productOf(input: Record<string, unknown>): { id: string; sku: string } | FieldProblem {
  const sku = textOf(input.sku);
  if (!sku) return { code: 'REQUIRED', message: 'sku is required.', field: 'sku' };
  const id = textOf(input.productId);
  if (!UUID.test(id)) return { code: 'UNKNOWN_SKU', message: `No product has the SKU ${sku.slice(0, 60)}.`, field: 'sku' };
  return { id: id.toLowerCase(), sku };
}

const counted = (keys: readonly (string | null)[]) => {
  const count = new Map<string, number>();
  for (const k of keys) if (k) count.set(k, (count.get(k) ?? 0) + 1);
  return new Set(keys.flatMap((k, i) => (k && count.get(k)! > 1 ? [i] : [])));
};

interface Change {
  subject: 'PROMOTION' | 'SPECIAL_PRICE';
  key: string;
  before: unknown;
  after: unknown;
}

async function audit(em: PricesContext['em'], actor: InternalActor, changes: readonly Change[]) {
  if (!changes.length) return;
  await em.execute(
    `insert into "prices"."master_data_change" (id, subject, subject_id, external_key, actor_id, actor_name, before, after, at)
     select r.id, r.subject, r.key, r.key, ?, ?, r.before, r.after, now()
       from jsonb_to_recordset(?::jsonb) as r(id uuid, subject text, key text, before jsonb, after jsonb)`,
    [actor.id, actor.name, JSON.stringify(changes.map((c) => ({ id: randomUUID(), ...c, before: c.before ?? null })))],
    'run',
  );
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A row checked alone, its product resolved. */
type PromotionRow = PromotionData & { productId: string; sku: string };
type AgreementRow = SpecialPriceAgreementData & { dealerId: string; dealerCode: string; productId: string; sku: string };

/** Applies a planned batch unless a dry run (or a failed row under all-or-nothing) says not to. */
const appliesTo = (rows: readonly MasterDataRowResult[], options: BatchOptions) =>
  !options.dryRun && !(rows.some((r) => r.status === 'FAILED') && options.allOrNothing);

/** Promotion rows alone: the product, the row's values, then duplicates (code and product) and overlaps on one product. */
function checkPromotionRows(inputs: readonly Record<string, unknown>[]) {
  const checked = inputs.map((input): Checked<PromotionRow> => {
    const product = productOf(input);
    const row = checkPromotion(input);
    if (!('id' in product)) return { ok: false, problems: [product, ...(row.ok ? [] : row.problems)] };
    return row.ok ? { ok: true, value: { ...row.value, productId: product.id, sku: product.sku } } : row;
  });
  const keys = checked.map((c) => (c.ok ? `${c.value.code.toLowerCase()}@${c.value.productId}` : null));
  const twice = counted(keys);
  const overlaps = overlappingRows(
    checked.map((c, i) =>
      c.ok && !twice.has(i) ? { group: c.value.productId, window: { from: c.value.validFrom, to: c.value.validTo } } : null,
    ),
  );
  return { checked, keys, twice, overlaps };
}

interface StoredPromotion {
  id: string;
  code: string;
  product_id: string;
  name: string;
  discount_bp: number;
  valid_from: Date;
  valid_to: Date;
}

/** One promotion row against the stored one: its outcome, and what to write when it changes anything. */
function planPromotion(v: PromotionRow, existing: StoredPromotion | undefined) {
  const before = existing
    ? {
        code: existing.code,
        sku: v.sku,
        name: existing.name,
        discountBp: existing.discount_bp,
        validFrom: iso(existing.valid_from),
        validTo: iso(existing.valid_to),
      }
    : null;
  const after = {
    code: existing?.code ?? v.code,
    sku: v.sku,
    name: v.name,
    discountBp: v.discountBp,
    validFrom: iso(v.validFrom),
    validTo: iso(v.validTo),
  };
  if (before && JSON.stringify(before) === JSON.stringify(after)) return { status: 'UNCHANGED' as const, write: null };
  return {
    status: existing ? ('UPDATED' as const) : ('CREATED' as const),
    write: {
      row: {
        id: existing?.id ?? randomUUID(),
        code: after.code,
        name: v.name,
        product_id: v.productId,
        discount_bp: v.discountBp,
        valid_from: after.validFrom,
        valid_to: after.validTo,
      },
      change: { subject: 'PROMOTION', key: `${after.code}@${v.sku}`, before, after } satisfies Change,
    },
  };
}

/**
 * Promotions from the ERP (upsertPromotion, PROMOTIONS imports), by campaign code and product: name,
 * discount, validity. The caller resolved each row's SKU to `productId`. A row equal to the stored
 * promotion is UNCHANGED; the same code and product twice fail both rows (DUPLICATE_KEY); two rows on
 * one product whose windows overlap fail both (OVERLAPPING_VALIDITY). One transaction under a lock
 * per kind, audited (subject PROMOTION, key CODE@SKU). Pricing sees a change from its next request.
 */
export async function upsertPromotions(
  ctx: PricesContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult> {
  const { checked, keys, twice, overlaps } = checkPromotionRows(inputs);
  return ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('prices.master-data.PROMOTION'))`);
    const productIds = [...new Set(checked.flatMap((c) => (c.ok ? [c.value.productId] : [])))];
    const stored = productIds.length
      ? await em.execute<StoredPromotion[]>(
          `select id, code, product_id, name, discount_bp, valid_from, valid_to from "prices"."promotion"
            where code is not null and product_id = any(?::uuid[]) for update`,
          [`{${productIds.join(',')}}`],
        )
      : [];
    const byKey = new Map(stored.map((s) => [`${s.code.toLowerCase()}@${s.product_id}`, s]));
    const writes: NonNullable<ReturnType<typeof planPromotion>['write']>[] = [];
    const rows = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const v = c.value;
      if (twice.has(i))
        return failedRow([{ code: 'DUPLICATE_KEY', message: `Promotion ${v.code}@${v.sku} appears in more than one row.`, field: 'code' }]);
      if (overlaps.has(i))
        return failedRow([
          {
            code: 'OVERLAPPING_VALIDITY',
            message: `Another row's promotion on ${v.sku} overlaps this one's validity.`,
            field: 'validFrom',
          },
        ]);
      const planned = planPromotion(v, byKey.get(keys[i]!));
      if (planned.write) writes.push(planned.write);
      return { status: planned.status };
    });
    const applied = appliesTo(rows, options);
    if (!applied || !writes.length) return { applied, rows };
    await em.execute(
      `insert into "prices"."promotion" (id, code, name, product_id, discount_bp, valid_from, valid_to)
       select r.id, r.code, r.name, r.product_id, r.discount_bp, r.valid_from, r.valid_to
         from jsonb_to_recordset(?::jsonb) as r(id uuid, code text, name text, product_id uuid, discount_bp int, valid_from timestamptz, valid_to timestamptz)
       on conflict (id) do update set name = excluded.name, discount_bp = excluded.discount_bp,
         valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
      [JSON.stringify(writes.map((w) => w.row))],
      'run',
    );
    await audit(
      em,
      options.actor,
      writes.map((w) => w.change),
    );
    return { applied, rows };
  });
}

/** Agreement rows alone: dealer and product resolved, the row's values, then duplicate references and overlaps within the batch. */
function checkAgreementRows(inputs: readonly Record<string, unknown>[]) {
  const checked = inputs.map((input): Checked<AgreementRow> => {
    const problems: FieldProblem[] = [];
    const dealerId = textOf(input.dealerId);
    if (!UUID.test(dealerId))
      problems.push({
        code: 'UNKNOWN_DEALER',
        message: `No dealer has the code ${textOf(input.dealerCode).slice(0, 40)}.`,
        field: 'dealerCode',
      });
    const product = productOf(input);
    if (!('id' in product)) problems.push(product);
    const row = checkSpecialPriceAgreement(input);
    if (!row.ok) problems.push(...row.problems);
    if (problems.length || !row.ok || !('id' in product)) return { ok: false, problems };
    const resolved = { dealerId: dealerId.toLowerCase(), dealerCode: textOf(input.dealerCode), productId: product.id, sku: product.sku };
    return { ok: true, value: { ...row.value, ...resolved } };
  });
  const twice = counted(checked.map((c) => (c.ok ? c.value.reference.toLowerCase() : null)));
  const overlaps = overlappingRows(
    checked.map((c, i) =>
      c.ok && !twice.has(i)
        ? { group: `${c.value.dealerId}:${c.value.productId}`, window: { from: c.value.validFrom, to: c.value.validTo } }
        : null,
    ),
  );
  return { checked, twice, overlaps };
}

interface StoredAgreement {
  id: string;
  reference: string | null;
  dealer_id: string;
  product_id: string;
  unit_price: string;
  valid_from: Date;
  valid_to: Date | null;
}

/** The stored agreements (not request grants) of the batch's products, locked, and each product's list price currency. */
async function loadAgreements(em: PricesContext['em'], productIds: readonly string[]) {
  if (!productIds.length) return { stored: [] as StoredAgreement[], currencyOf: new Map<string, string>() };
  const ids = `{${productIds.join(',')}}`;
  const [stored, currencies] = await Promise.all([
    em.execute<StoredAgreement[]>(
      `select id, reference, dealer_id, product_id, unit_price, valid_from, valid_to from "prices"."special_price"
        where request_id is null and product_id = any(?::uuid[]) for update`,
      [ids],
    ),
    em.execute<{ product_id: string; currency: string }[]>(
      `select product_id, currency from "prices"."product_price" where product_id = any(?::uuid[])`,
      [ids],
    ),
  ]);
  return { stored, currencyOf: new Map(currencies.map((c) => [c.product_id, c.currency])) };
}

/** Why an agreement cannot be stored against what is (the list price's currency, another agreement's window); null when it can. */
function agreementConflict(v: AgreementRow, stored: readonly StoredAgreement[], listCurrency: string | undefined): FieldProblem | null {
  if (v.currency && listCurrency && v.currency !== listCurrency)
    return {
      code: 'CURRENCY_MISMATCH',
      message: `${v.sku} is priced in ${listCurrency}; the agreement says ${v.currency}.`,
      field: 'currency',
    };
  const clash = stored.find(
    (s) =>
      s.dealer_id === v.dealerId &&
      s.product_id === v.productId &&
      s.reference?.toLowerCase() !== v.reference.toLowerCase() &&
      windowsOverlap({ from: v.validFrom, to: v.validTo }, { from: new Date(s.valid_from), to: s.valid_to ? new Date(s.valid_to) : null }),
  );
  if (!clash) return null;
  return {
    code: 'OVERLAPPING_VALIDITY',
    message: `Agreement ${clash.reference ?? clash.id} for dealer ${v.dealerCode} and ${v.sku} overlaps this one's validity.`,
    field: 'validFrom',
  };
}

/** One agreement row against the stored one by reference: its outcome, and what to write when it changes anything. */
function planAgreement(v: AgreementRow, existing: StoredAgreement | undefined) {
  const shape = (s: { dealerId: string; productId: string; unitPrice: number; from: Date | string; to: Date | string | null }) => ({
    dealerId: s.dealerId,
    productId: s.productId,
    unitPrice: formatAmount(s.unitPrice),
    validFrom: iso(s.from),
    validTo: iso(s.to),
  });
  const before = existing
    ? shape({
        dealerId: existing.dealer_id,
        productId: existing.product_id,
        unitPrice: Number(existing.unit_price),
        from: existing.valid_from,
        to: existing.valid_to,
      })
    : null;
  const after = shape({ dealerId: v.dealerId, productId: v.productId, unitPrice: v.unitPrice, from: v.validFrom, to: v.validTo });
  if (before && JSON.stringify(before) === JSON.stringify(after)) return { status: 'UNCHANGED' as const, write: null };
  const reference = existing?.reference ?? v.reference;
  return {
    status: existing ? ('UPDATED' as const) : ('CREATED' as const),
    write: {
      row: {
        id: existing?.id ?? randomUUID(),
        reference,
        dealer_id: v.dealerId,
        product_id: v.productId,
        unit_price: v.unitPrice,
        valid_from: after.validFrom,
        valid_to: after.validTo,
      },
      change: {
        subject: 'SPECIAL_PRICE',
        key: reference,
        before,
        after: { ...after, dealerCode: v.dealerCode, sku: v.sku },
      } satisfies Change,
    },
  };
}

/**
 * Special price agreements from the ERP (upsertSpecialPriceAgreement, SPECIAL_PRICES imports), by the
 * ERP's reference: a dealer (the caller resolved its code to `dealerId`), a product (`productId`), a
 * unit price and validity. The currency, when given, must be the product's list price currency
 * (CURRENCY_MISMATCH). Two agreements of one dealer and product may not overlap, in the batch or
 * against stored agreements of another reference (OVERLAPPING_VALIDITY): the dealer's price would be
 * ambiguous. Special prices granted from requests are not agreements and are left alone. One
 * transaction under a lock per kind, audited (subject SPECIAL_PRICE, key the reference).
 */
export async function upsertSpecialPriceAgreements(
  ctx: PricesContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult> {
  const { checked, twice, overlaps } = checkAgreementRows(inputs);
  return ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('prices.master-data.SPECIAL_PRICE'))`);
    const { stored, currencyOf } = await loadAgreements(em, [...new Set(checked.flatMap((c) => (c.ok ? [c.value.productId] : [])))]);
    const byReference = new Map(stored.flatMap((s) => (s.reference ? [[s.reference.toLowerCase(), s] as const] : [])));
    const writes: NonNullable<ReturnType<typeof planAgreement>['write']>[] = [];
    const rows = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const v = c.value;
      if (twice.has(i))
        return failedRow([
          { code: 'DUPLICATE_KEY', message: `Agreement ${v.reference} appears in more than one row.`, field: 'reference' },
        ]);
      if (overlaps.has(i))
        return failedRow([
          {
            code: 'OVERLAPPING_VALIDITY',
            message: `Another row's agreement for dealer ${v.dealerCode} and ${v.sku} overlaps this one's validity.`,
            field: 'validFrom',
          },
        ]);
      const conflict = agreementConflict(v, stored, currencyOf.get(v.productId));
      if (conflict) return failedRow([conflict]);
      const planned = planAgreement(v, byReference.get(v.reference.toLowerCase()));
      if (planned.write) writes.push(planned.write);
      return { status: planned.status };
    });
    const applied = appliesTo(rows, options);
    if (!applied || !writes.length) return { applied, rows };
    await em.execute(
      `insert into "prices"."special_price" (id, reference, dealer_id, product_id, unit_price, valid_from, valid_to, quantity_used)
       select r.id, r.reference, r.dealer_id, r.product_id, r.unit_price, r.valid_from, r.valid_to, 0
         from jsonb_to_recordset(?::jsonb) as r(id uuid, reference text, dealer_id uuid, product_id uuid, unit_price bigint, valid_from timestamptz, valid_to timestamptz)
       on conflict (id) do update set dealer_id = excluded.dealer_id, product_id = excluded.product_id, unit_price = excluded.unit_price,
         valid_from = excluded.valid_from, valid_to = excluded.valid_to`,
      [JSON.stringify(writes.map((w) => w.row))],
      'run',
    );
    await audit(
      em,
      options.actor,
      writes.map((w) => w.change),
    );
    return { applied, rows };
  });
}
