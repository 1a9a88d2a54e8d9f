import { describe, expect, it } from 'vitest';

import { checkCategory, checkCategoryTree, checkWarehouse } from './catalog-master-data.js';

describe('checkCategory', () => {
  it('reads the slug in lower case, the name, and the parent: absent keeps, empty makes a root', () => {
    expect(checkCategory({ slug: ' O-Rings ', name: 'O-Rings', parent: 'Seals-Gaskets' })).toEqual({
      ok: true,
      value: { slug: 'o-rings', name: 'O-Rings', parent: 'seals-gaskets' },
    });
    expect(checkCategory({ slug: 'seals', name: 'Seals' })).toEqual({
      ok: true,
      value: { slug: 'seals', name: 'Seals', parent: undefined },
    });
    expect(checkCategory({ slug: 'seals', name: 'Seals', parent: '' })).toEqual({
      ok: true,
      value: { slug: 'seals', name: 'Seals', parent: null },
    });
  });

  it('refuses a missing or malformed slug, a missing name, and a category that is its own parent', () => {
    const codes = (input: Record<string, unknown>) => {
      const checked = checkCategory(input);
      return checked.ok ? [] : checked.problems.map((p) => [p.code, p.field]);
    };
    expect(codes({ slug: '', name: 'X' })).toEqual([['REQUIRED', 'slug']]);
    expect(codes({ slug: 'ball bearings', name: 'X' })).toEqual([['INVALID_SLUG', 'slug']]);
    expect(codes({ slug: 'a--b', name: 'X' })).toEqual([['INVALID_SLUG', 'slug']]);
    expect(codes({ slug: 'a'.repeat(81), name: 'X' })).toEqual([['INVALID_SLUG', 'slug']]);
    expect(codes({ slug: 'a', name: ' ' })).toEqual([['REQUIRED', 'name']]);
    expect(codes({ slug: 'a', name: 'x'.repeat(201) })).toEqual([['TOO_LONG', 'name']]);
    expect(codes({ slug: 'a', name: 'A', parent: 'A' })).toEqual([['CATEGORY_CYCLE', 'parent']]);
    expect(codes({ slug: 'a', name: 'A', parent: 'no/slug' })).toEqual([['INVALID_SLUG', 'parent']]);
  });
});

describe('checkWarehouse', () => {
  it('stores the code in upper case and needs a name and a city', () => {
    expect(checkWarehouse({ code: 'wh-north', name: 'North', city: 'Minneapolis' })).toEqual({
      ok: true,
      value: { code: 'WH-NORTH', name: 'North', city: 'Minneapolis' },
    });
    const failed = checkWarehouse({ code: 'WH NORTH', name: '', city: '' });
    expect(failed.ok ? [] : failed.problems.map((p) => [p.code, p.field])).toEqual([
      ['INVALID_CODE', 'code'],
      ['REQUIRED', 'name'],
      ['REQUIRED', 'city'],
    ]);
  });
});

describe('checkCategoryTree', () => {
  const stored = new Map<string, string | null>([
    ['seals', null],
    ['o-rings', 'seals'],
    ['bearings', null],
  ]);

  it('accepts parents stored or in the batch, in any row order', () => {
    expect(
      checkCategoryTree({
        stored,
        rows: [
          { slug: 'kits-small', parent: 'kits' },
          { slug: 'kits', parent: 'seals' },
          { slug: 'o-rings', parent: undefined },
        ],
      }),
    ).toEqual([null, null, null]);
  });

  it('fails an unknown parent, and a child of a row that failed', () => {
    expect(
      checkCategoryTree({
        stored,
        rows: [{ slug: 'a', parent: 'nowhere' }, { slug: 'b', parent: 'a' }, null, { slug: 'c', parent: 'bad' }],
      }),
    ).toEqual(['UNKNOWN_PARENT', 'UNKNOWN_PARENT', null, 'UNKNOWN_PARENT']);
  });

  it('fails every row of a cycle, through stored categories too', () => {
    // seals under o-rings, while o-rings is stored under seals.
    expect(checkCategoryTree({ stored, rows: [{ slug: 'seals', parent: 'o-rings' }] })).toEqual(['CATEGORY_CYCLE']);
    expect(
      checkCategoryTree({
        stored,
        rows: [
          { slug: 'x', parent: 'y' },
          { slug: 'y', parent: 'x' },
          { slug: 'z', parent: 'x' },
          { slug: 'bearings', parent: 'seals' },
        ],
      }),
    ).toEqual(['CATEGORY_CYCLE', 'CATEGORY_CYCLE', 'UNKNOWN_PARENT', null]);
  });
});
