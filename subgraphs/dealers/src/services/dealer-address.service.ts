import { randomUUID } from 'node:crypto';

import {
  type Checked,
  failedRow,
  type FieldProblem,
  type InternalActor,
  type MasterDataBatchOptions,
  type MasterDataBatchResult,
  type MasterDataRowResult,
} from '@dealergraph/runtime';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { DealersContext } from '../context.js';
import {
  checkDealerAddress,
  checkDealerContact,
  type DealerAddressData,
  type DealerContactData,
  duplicateDefaults,
} from '../domain/dealer-address-contact.js';

type BatchOptions = MasterDataBatchOptions;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

/** The dealer the caller resolved from the row's code (`dealerId`), or UNKNOWN_DEALER. */
function dealerOf(input: Record<string, unknown>): { dealerId: string; dealerCode: string } | FieldProblem {
  const dealerCode = textOf(input.dealerCode);
  if (!dealerCode) return { code: 'REQUIRED', message: 'dealerCode is required.', field: 'dealerCode' };
  const dealerId = textOf(input.dealerId);
  if (!UUID.test(dealerId))
    return { code: 'UNKNOWN_DEALER', message: `No dealer has the code ${dealerCode.slice(0, 40)}.`, field: 'dealerCode' };
  return { dealerId: dealerId.toLowerCase(), dealerCode };
}

function duplicates(keys: readonly (string | null)[]): Set<number> {
  const count = new Map<string, number>();
  for (const k of keys) if (k) count.set(k, (count.get(k) ?? 0) + 1);
  return new Set(keys.flatMap((k, i) => (k && count.get(k)! > 1 ? [i] : [])));
}

interface Audit {
  subject: 'DEALER_ADDRESS' | 'DEALER_CONTACT';
  subjectId: string;
  externalKey: string;
  before: unknown;
  after: unknown;
}

/** The audit rows of a batch (who, when, before, after), in the caller's transaction; not `dealer.changed` events (subject DEALER only). */
async function audit(em: EntityManager, actor: InternalActor, changes: readonly Audit[]) {
  if (!changes.length) return;
  await em.execute(
    // Not dealer.changed events: marked handed over at once, so the outbox's partial index keeps only what waits.
    `insert into "dealers"."master_data_change" (id, subject, subject_id, external_key, actor_id, actor_name, before, after, at, erp_forwarded_at)
     select r.id, r.subject, r.subject_id, r.external_key, ?, ?, r.before, r.after, now(), now()
       from jsonb_to_recordset(?::jsonb) as r(id uuid, subject text, subject_id uuid, external_key text, before jsonb, after jsonb)`,
    [
      actor.id,
      actor.name,
      JSON.stringify(
        changes.map((c) => ({
          id: randomUUID(),
          subject: c.subject,
          subject_id: c.subjectId,
          external_key: c.externalKey,
          before: c.before ?? null,
          after: c.after,
        })),
      ),
    ],
    'run',
  );
}

type StoredAddress = {
  id: string;
  dealer_id: string;
  code: string;
  kind: string;
  name: string;
  street: string;
  postal_code: string;
  city: string;
  region: string | null;
  country: string;
  is_default: boolean;
  active: boolean;
};
type AddressRow = DealerAddressData & { dealerId: string; dealerCode: string };
interface AddressWrite {
  id: string;
  dealerId: string;
  dealerCode: string;
  data: DealerAddressData;
  before: DealerAddressData | null;
}

const addressData = (s: StoredAddress): DealerAddressData => ({
  code: s.code,
  kind: s.kind as DealerAddressData['kind'],
  name: s.name,
  street: s.street,
  postalCode: s.postal_code,
  city: s.city,
  region: s.region,
  country: s.country,
  isDefault: s.is_default,
  active: s.active,
});

/** Address rows alone: the dealer, the row's values, then duplicate keys and second defaults within the batch. */
function checkAddressRows(inputs: readonly Record<string, unknown>[]) {
  const checked = inputs.map((input): Checked<AddressRow> => {
    const dealer = dealerOf(input);
    const row = checkDealerAddress(input);
    if (!('dealerId' in dealer)) return { ok: false, problems: [dealer, ...(row.ok ? [] : row.problems)] };
    return row.ok ? { ok: true, value: { ...row.value, ...dealer } } : row;
  });
  const keys = checked.map((c) => (c.ok ? `${c.value.dealerId}:${c.value.code.toLowerCase()}` : null));
  const twice = duplicates(keys);
  const defaults = duplicateDefaults(checked.map((c, i) => (c.ok && !twice.has(i) ? c.value : null)));
  return { checked, keys, twice, defaults };
}

/** Writes planned addresses with their audit; a new default first takes the flag from the old default of its kind (audited too). */
async function writeAddresses(em: EntityManager, actor: InternalActor, writes: readonly AddressWrite[]) {
  const changes: Audit[] = writes.map((w) => ({
    subject: 'DEALER_ADDRESS',
    subjectId: w.id,
    externalKey: `${w.dealerCode}/${w.data.code}`,
    before: w.before,
    after: w.data,
  }));
  const newDefaults = writes.filter((w) => w.data.isDefault && w.data.active);
  if (newDefaults.length) {
    const cleared = await em.execute<{ id: string; code: string; dealer_id: string }[]>(
      `update "dealers"."dealer_address" a set is_default = false, updated_at = now()
         from jsonb_to_recordset(?::jsonb) as r(id uuid, dealer_id uuid, kind text)
        where a.dealer_id = r.dealer_id and a.kind = r.kind and a.id <> r.id and a.is_default
        returning a.id, a.code, a.dealer_id`,
      [JSON.stringify(newDefaults.map((w) => ({ id: w.id, dealer_id: w.dealerId, kind: w.data.kind })))],
    );
    const codeOf = new Map(writes.map((w) => [w.dealerId, w.dealerCode]));
    for (const c of cleared)
      changes.push({
        subject: 'DEALER_ADDRESS',
        subjectId: c.id,
        externalKey: `${codeOf.get(c.dealer_id)}/${c.code}`,
        before: { isDefault: true },
        after: { isDefault: false },
      });
  }
  const rows = writes.map((w) => ({
    id: w.id,
    dealer_id: w.dealerId,
    code: w.data.code,
    kind: w.data.kind,
    name: w.data.name,
    street: w.data.street,
    postal_code: w.data.postalCode,
    city: w.data.city,
    region: w.data.region,
    country: w.data.country,
    is_default: w.data.isDefault,
    active: w.data.active,
  }));
  await em.execute(
    `insert into "dealers"."dealer_address" (id, dealer_id, code, kind, name, street, postal_code, city, region, country, is_default, active, updated_at)
     select r.id, r.dealer_id, r.code, r.kind, r.name, r.street, r.postal_code, r.city, r.region, r.country, r.is_default, r.active, now()
       from jsonb_to_recordset(?::jsonb) as r(id uuid, dealer_id uuid, code text, kind text, name text, street text, postal_code text,
            city text, region text, country text, is_default boolean, active boolean)
     on conflict (id) do update set kind = excluded.kind, name = excluded.name, street = excluded.street, postal_code = excluded.postal_code,
       city = excluded.city, region = excluded.region, country = excluded.country, is_default = excluded.is_default,
       active = excluded.active, updated_at = now()`,
    [JSON.stringify(rows)],
    'run',
  );
  await audit(em, actor, changes);
}

/**
 * Billing and ship-to addresses by dealer and the ERP's address code (upsertDealerAddress,
 * DEALER_ADDRESSES imports). A row equal to the stored address is UNCHANGED; the same dealer and code
 * twice fail both rows (DUPLICATE_KEY), two active defaults of one dealer and kind too
 * (DUPLICATE_DEFAULT). A new default takes the flag from the dealer's previous default of its kind
 * (audited as well). One transaction under a lock, audited (subject DEALER_ADDRESS). Answers the
 * addresses' ids in row order (null for a failed row, or when nothing was written).
 */
export async function upsertDealerAddresses(
  ctx: DealersContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult & { ids: (string | null)[] }> {
  const { checked, keys, twice, defaults } = checkAddressRows(inputs);
  const ids: (string | null)[] = inputs.map(() => null);
  const result = await ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('dealers.master-data.address'))`);
    const dealerIds = [...new Set(checked.flatMap((c) => (c.ok ? [c.value.dealerId] : [])))];
    const stored = dealerIds.length
      ? await em.execute<StoredAddress[]>(
          `select id, dealer_id, code, kind, name, street, postal_code, city, region, country, is_default, active
             from "dealers"."dealer_address" where dealer_id = any(?::uuid[]) for update`,
          [`{${dealerIds.join(',')}}`],
        )
      : [];
    const byKey = new Map(stored.map((s) => [`${s.dealer_id}:${s.code.toLowerCase()}`, s]));
    const writes: AddressWrite[] = [];
    const rows = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const { dealerId, dealerCode, ...data } = c.value;
      if (twice.has(i))
        return failedRow([
          { code: 'DUPLICATE_KEY', message: `Address ${dealerCode}/${data.code} appears in more than one row.`, field: 'code' },
        ]);
      if (defaults.has(i))
        return failedRow([
          {
            code: 'DUPLICATE_DEFAULT',
            message: `Another row is also the default ${data.kind} address of ${dealerCode}.`,
            field: 'isDefault',
          },
        ]);
      const existing = byKey.get(keys[i]!);
      const before = existing ? addressData(existing) : null;
      const after = { ...data, code: existing?.code ?? data.code };
      ids[i] = existing?.id ?? randomUUID();
      if (before && JSON.stringify(before) === JSON.stringify(after)) return { status: 'UNCHANGED' };
      writes.push({ id: ids[i]!, dealerId, dealerCode, data: after, before });
      return { status: existing ? 'UPDATED' : 'CREATED' };
    });
    const applied = !options.dryRun && !(rows.some((r) => r.status === 'FAILED') && options.allOrNothing);
    if (applied && writes.length) await writeAddresses(em as EntityManager, options.actor, writes);
    return { applied, rows };
  });
  return { ...result, ids: result.applied ? ids : ids.map(() => null) };
}

/**
 * Contacts by dealer and email (upsertDealerContact, DEALER_CONTACTS imports): name, role, phone,
 * active. A row equal to the stored contact is UNCHANGED; the same dealer and email twice fail both
 * rows (DUPLICATE_KEY). One transaction under a lock, audited (subject DEALER_CONTACT). Contacts are
 * the dealer's people for the distributor's staff, not portal users (those are invited).
 */
export async function upsertDealerContacts(
  ctx: DealersContext,
  inputs: readonly Record<string, unknown>[],
  options: BatchOptions,
): Promise<MasterDataBatchResult & { ids: (string | null)[] }> {
  const checked = inputs.map((input) => {
    const dealer = dealerOf(input);
    const row = checkDealerContact(input);
    if (!('dealerId' in dealer)) return { ok: false as const, problems: [dealer, ...(row.ok ? [] : row.problems)] };
    return row.ok ? { ok: true as const, value: { ...row.value, ...dealer } } : row;
  });
  const keyOf = (i: number) => {
    const c = checked[i]!;
    return c.ok ? `${c.value.dealerId}:${c.value.email}` : null;
  };
  const twice = duplicates(inputs.map((_, i) => keyOf(i)));
  const ids: (string | null)[] = inputs.map(() => null);
  const result = await ctx.em.transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(hashtext('dealers.master-data.contact'))`);
    const dealerIds = [...new Set(checked.flatMap((c) => (c.ok ? [c.value.dealerId] : [])))];
    const stored = dealerIds.length
      ? await em.execute<(DealerContactData & { id: string; dealer_id: string })[]>(
          `select id, dealer_id, email, name, role, phone, active from "dealers"."dealer_contact" where dealer_id = any(?::uuid[]) for update`,
          [`{${dealerIds.join(',')}}`],
        )
      : [];
    const byKey = new Map(stored.map((s) => [`${s.dealer_id}:${s.email}`, s]));
    const writes: { id: string; dealerId: string; data: DealerContactData }[] = [];
    const changes: Audit[] = [];
    const rows = checked.map((c, i): MasterDataRowResult => {
      if (!c.ok) return failedRow(c.problems);
      const { dealerId, dealerCode, ...data } = c.value;
      if (twice.has(i))
        return failedRow([
          { code: 'DUPLICATE_KEY', message: `Contact ${dealerCode}/${data.email} appears in more than one row.`, field: 'email' },
        ]);
      const existing = byKey.get(keyOf(i)!);
      const before = existing
        ? { email: existing.email, name: existing.name, role: existing.role, phone: existing.phone, active: existing.active }
        : null;
      ids[i] = existing?.id ?? randomUUID();
      if (before && JSON.stringify(before) === JSON.stringify(data)) return { status: 'UNCHANGED' };
      writes.push({ id: ids[i]!, dealerId, data });
      changes.push({ subject: 'DEALER_CONTACT', subjectId: ids[i]!, externalKey: `${dealerCode}/${data.email}`, before, after: data });
      return { status: existing ? 'UPDATED' : 'CREATED' };
    });
    const applied = !options.dryRun && !(rows.some((r) => r.status === 'FAILED') && options.allOrNothing);
    if (!applied || !writes.length) return { applied, rows };
    await em.execute(
      `insert into "dealers"."dealer_contact" (id, dealer_id, email, name, role, phone, active, updated_at)
       select r.id, r.dealer_id, r.email, r.name, r.role, r.phone, r.active, now()
         from jsonb_to_recordset(?::jsonb) as r(id uuid, dealer_id uuid, email text, name text, role text, phone text, active boolean)
       on conflict (id) do update set name = excluded.name, role = excluded.role, phone = excluded.phone, active = excluded.active, updated_at = now()`,
      [JSON.stringify(writes.map((w) => ({ id: w.id, dealer_id: w.dealerId, ...w.data })))],
      'run',
    );
    await audit(em as EntityManager, options.actor, changes);
    return { applied, rows };
  });
  return { ...result, ids: result.applied ? ids : ids.map(() => null) };
}
