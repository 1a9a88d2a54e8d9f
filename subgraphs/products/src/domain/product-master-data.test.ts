import { describe, expect, it } from 'vitest';

import { changedProductFields, checkProductMasterData, duplicateKeys, readFlag, typeSpec } from './product-master-data.js';

const base = { sku: 'ORG-1', name: 'O-ring', brand: 'SealPro', category: 'O-Rings' };

describe('product master data', () => {
  it('normalizes a minimal product with defaults; lists left out stay null', () => {
    const checked = checkProductMasterData(base);
    expect(checked).toEqual({
      ok: true,
      value: {
        ...base,
        category: 'o-rings',
        description: '',
        unit: 'EA',
        packSize: 1,
        handlingClass: null,
        hazardous: false,
        active: true,
        specs: null,
        images: null,
        substitutes: null,
      },
    });
  });

  it('reads the text forms of lists as import cells give them', () => {
    const checked = checkProductMasterData({
      ...base,
      specs: 'Bore diameter=35 mm; Seal type=ZZ metal shields; Sealed=TRUE',
      images: 'https://a.example/1.jpg|https://a.example/2.jpg',
      substitutes: 'org-2|ORG-3',
      packSize: '100',
      hazardous: 'yes',
      handlingClass: 'imported',
    });
    expect(checked.ok && checked.value).toMatchObject({
      specs: [
        { name: 'Bore diameter', type: 'NUMBER', value: '35', unit: 'mm' },
        { name: 'Seal type', type: 'TEXT', value: 'ZZ metal shields', unit: null },
        { name: 'Sealed', type: 'BOOLEAN', value: 'true', unit: null },
      ],
      images: ['https://a.example/1.jpg', 'https://a.example/2.jpg'],
      substitutes: ['ORG-2', 'ORG-3'],
      packSize: 100,
      hazardous: true,
      handlingClass: 'IMPORTED',
    });
  });

  it('reports every problem with its field', () => {
    const checked = checkProductMasterData({
      sku: 'a b',
      name: '',
      brand: 'X',
      category: 'c',
      unit: 'LITRE',
      packSize: '1.5',
      handlingClass: 'SECRET',
      active: 'maybe',
      images: 'http://plain.example/a.jpg',
      specs: 'Width',
    });
    expect(checked.ok ? [] : checked.problems.map((p) => [p.code, p.field])).toEqual([
      ['INVALID_SKU', 'sku'],
      ['REQUIRED', 'name'],
      ['INVALID_UNIT', 'unit'],
      ['INVALID_PACK_SIZE', 'packSize'],
      ['INVALID_HANDLING_CLASS', 'handlingClass'],
      ['INVALID_FLAG', 'active'],
      ['INVALID_SPEC', 'specs'],
      ['INVALID_URL', 'images'],
    ]);
    expect(checkProductMasterData({ ...base, substitutes: ['org-1'] })).toMatchObject({
      ok: false,
      problems: [{ code: 'SELF_SUBSTITUTE' }],
    });
  });

  it('finds no change in an equal product (SKU, brand and category in any case, lists left out)', () => {
    const stored = checkProductMasterData({ ...base, specs: 'Width=2 mm', images: [], substitutes: ['ORG-2'] });
    const again = checkProductMasterData({ ...base, sku: 'org-1', brand: 'sealpro', substitutes: ['org-2'] });
    if (!stored.ok || !again.ok) throw new Error('valid inputs');
    expect(changedProductFields(stored.value, again.value)).toEqual([]);
    expect(changedProductFields(stored.value, { ...again.value, packSize: 2, specs: [] })).toEqual(['packSize', 'specs']);
  });

  it('types specifications and flags', () => {
    expect(typeSpec('Speed', '17000', 'rpm')).toEqual({ name: 'Speed', type: 'NUMBER', value: '17000', unit: 'rpm' });
    expect(typeSpec('Thread', 'M8 x 1.25', null)).toEqual({ name: 'Thread', type: 'TEXT', value: 'M8 x 1.25', unit: null });
    expect([readFlag('', true), readFlag('No', true), readFlag('perhaps', true)]).toEqual([true, false, null]);
  });

  it('fails every row of a key that appears twice (any case)', () => {
    expect([...duplicateKeys(['A', 'b', 'a', null, 'c'])]).toEqual([0, 2]);
  });
});
