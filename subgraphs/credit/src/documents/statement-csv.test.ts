import { describe, expect, it } from 'vitest';

import { csvCell } from './statement-csv.js';

describe('csvCell', () => {
  it.each([
    ["-1+1+cmd|' /C calc'!A0", "'-1+1+cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['-', "'-"],
    ['-1e5', "'-1e5"],
  ])('neutralises %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(['-12.50', '12.50', '0.00', 'INV-1', 'Opening balance'])('keeps %j as it is', (value) => {
    expect(csvCell(value)).toBe(value);
  });
});
