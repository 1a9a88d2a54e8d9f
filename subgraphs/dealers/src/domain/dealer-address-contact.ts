/**
 * A dealer's addresses and contacts as the distributor's ERP sends them (upsertDealerAddress,
 * upsertDealerContact, DEALER_ADDRESSES and DEALER_CONTACTS imports): pure checks of one row each,
 * and the one-default-per-kind check of a batch. The dealer is named by its code (resolved by the caller).
 *
 * - An address: its ERP number (`code`, the key within the dealer), its kind (BILLING or SHIP_TO), the
 *   name on it, street, postal code, city, an optional region (state), the country (ISO 3166-1 alpha-2),
 *   whether it is the dealer's default of its kind, and active (false takes it out of use; addresses are
 *   never deleted, old orders name them). Making one the default makes the others of its kind not.
 * - A contact: the email (the key within the dealer), a name, an optional role (e.g. "Purchasing") and
 *   phone, and active.
 */

import type { Checked, FieldProblem } from '@dealergraph/runtime';
export const ADDRESS_KINDS = ['BILLING', 'SHIP_TO'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export interface DealerAddressData {
  code: string;
  kind: AddressKind;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  region: string | null;
  country: string;
  isDefault: boolean;
  active: boolean;
}

export interface DealerContactData {
  email: string;
  name: string;
  role: string | null;
  phone: string | null;
  active: boolean;
}

export type AddressContactProblem = FieldProblem<
  'REQUIRED' | 'TOO_LONG' | 'INVALID_CODE' | 'INVALID_KIND' | 'INVALID_COUNTRY' | 'INVALID_FLAG' | 'INVALID_EMAIL'
>;

const KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;

const textOf = (raw: unknown) => (typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw).trim());

function text(input: Record<string, unknown>, field: string, required: boolean, problems: AddressContactProblem[]): string | null {
  const value = textOf(input[field]);
  if (!value) {
    if (required) problems.push({ code: 'REQUIRED', message: `${field} is required.`, field });
    return null;
  }
  if (value.length > MAX_TEXT) problems.push({ code: 'TOO_LONG', message: `${field} is longer than ${MAX_TEXT} characters.`, field });
  return value;
}

function flag(input: Record<string, unknown>, field: string, fallback: boolean, problems: AddressContactProblem[]): boolean {
  const raw = input[field];
  if (typeof raw === 'boolean') return raw;
  const value = textOf(raw).toLowerCase();
  if (!value) return fallback;
  if (['true', 'yes', '1', 'y'].includes(value)) return true;
  if (['false', 'no', '0', 'n'].includes(value)) return false;
  problems.push({ code: 'INVALID_FLAG', message: `${field} "${value.slice(0, 20)}" is not true or false.`, field });
  return fallback;
}

/** One address row (the dealer aside). */
export function checkDealerAddress(input: Record<string, unknown>): Checked<DealerAddressData, AddressContactProblem> {
  const problems: AddressContactProblem[] = [];
  const code = text(input, 'code', true, problems);
  if (code && !KEY.test(code))
    problems.push({
      code: 'INVALID_CODE',
      message: `"${code.slice(0, 40)}": an address code is 1 to 40 letters, digits, ".", "-", "_", "/".`,
      field: 'code',
    });
  const kind = text(input, 'kind', true, problems)?.toUpperCase().replace(/[\s-]/g, '_') ?? null;
  if (kind && !(ADDRESS_KINDS as readonly string[]).includes(kind))
    problems.push({ code: 'INVALID_KIND', message: `"${kind.slice(0, 20)}": the kind is BILLING or SHIP_TO.`, field: 'kind' });
  const name = text(input, 'name', true, problems);
  const street = text(input, 'street', true, problems);
  const postalCode = text(input, 'postalCode', true, problems);
  const city = text(input, 'city', true, problems);
  const region = text(input, 'region', false, problems);
  const country = text(input, 'country', true, problems)?.toUpperCase() ?? null;
  if (country && !/^[A-Z]{2}$/.test(country))
    problems.push({
      code: 'INVALID_COUNTRY',
      message: `"${country.slice(0, 20)}": the country is a two-letter ISO 3166-1 code, e.g. US.`,
      field: 'country',
    });
  const isDefault = flag(input, 'isDefault', false, problems);
  const active = flag(input, 'active', true, problems);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      code: code!,
      kind: kind as AddressKind,
      name: name!,
      street: street!,
      postalCode: postalCode!,
      city: city!,
      region,
      country: country!,
      isDefault,
      active,
    },
  };
}

/** One contact row (the dealer aside); the email is stored in lower case. */
export function checkDealerContact(input: Record<string, unknown>): Checked<DealerContactData, AddressContactProblem> {
  const problems: AddressContactProblem[] = [];
  const email = text(input, 'email', true, problems)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email))
    problems.push({ code: 'INVALID_EMAIL', message: `"${email.slice(0, 60)}" is not an email address.`, field: 'email' });
  const name = text(input, 'name', true, problems);
  const role = text(input, 'role', false, problems);
  const phone = text(input, 'phone', false, problems);
  const active = flag(input, 'active', true, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { email: email!, name: name!, role, phone, active } };
}

/**
 * The rows (by index) that make a second default of one dealer and kind in the same batch: every such
 * row, since which one the ERP meant is unknown. Rows that are null (failed already) take no part.
 */
export function duplicateDefaults(
  rows: readonly ({ dealerId: string; kind: AddressKind; isDefault: boolean; active: boolean } | null)[],
): Set<number> {
  const count = new Map<string, number>();
  const keyOf = (r: NonNullable<(typeof rows)[number]>) => (r.isDefault && r.active ? `${r.dealerId}:${r.kind}` : null);
  for (const r of rows) if (r && keyOf(r)) count.set(keyOf(r)!, (count.get(keyOf(r)!) ?? 0) + 1);
  return new Set(rows.flatMap((r, i) => (r && keyOf(r) && count.get(keyOf(r)!)! > 1 ? [i] : [])));
}
