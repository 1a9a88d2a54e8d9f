/**
 * What any text, list or date a caller sends may be, before a resolver sees it: pure. The guard
 * (`input-guard.ts`) applies these to every argument of every field of every subgraph; the services
 * then check their own business rules (formats, ranges) on input that is already sane.
 *
 * In order: a text must be valid UTF-16 (no lone surrogate), hold no control character (tab, line feed
 * and carriage return only where the rule says multiline), no invisible direction or zero-width
 * character, and be at most its rule's length in characters (code points, so an emoji counts once).
 * A list holds at most its rule's items. A date a mutation stores lies in {@link STORED_DATE_WINDOW}.
 */

export interface InputRule {
  /** Longest text, in code points. */
  maxLength?: number;
  /** Tab, line feed and carriage return allowed (comments, reasons). */
  multiline?: boolean;
  /** Most items of a list. */
  maxItems?: number;
}

export type InputProblemCode = 'INVALID_CHARACTERS' | 'TOO_LONG' | 'TOO_MANY_ITEMS' | 'INVALID_DATE';

export interface InputProblem {
  code: InputProblemCode;
  message: string;
  /** Argument name, then input fields and list indexes down to the value at fault. */
  field: string[];
}

export const DEFAULT_TEXT_LENGTH = 500;
export const DEFAULT_LIST_ITEMS = 1000;

/** Dates a mutation may store: anything outside is a typo or a probe (years 0001 and 9999), not a business date. */
export const STORED_DATE_WINDOW = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2100-01-01T00:00:00Z') } as const;

const MULTILINE_TEXT: InputRule = { maxLength: 2000, multiline: true };
const SKU: InputRule = { maxLength: 100 };

/**
 * Rules by argument or input field name, wherever it appears. Names not listed get
 * {@link DEFAULT_TEXT_LENGTH} and {@link DEFAULT_LIST_ITEMS}; ids (the ID type) at most 100 characters.
 */
export const RULES_BY_NAME: Readonly<Record<string, InputRule>> = {
  poNumber: { maxLength: 50 },
  // People, API clients, rules, templates: the services hold their own tighter bounds (templates 100).
  name: { maxLength: 200 },
  email: { maxLength: 254 },
  password: { maxLength: 256 },
  sku: SKU,
  skus: SKU,
  search: { maxLength: 200 },
  reason: MULTILINE_TEXT,
  comment: MULTILINE_TEXT,
  note: MULTILINE_TEXT,
  idempotencyKey: { maxLength: 200 },
  externalReference: { maxLength: 100 },
  number: { maxLength: 100 },
  trackingNumber: { maxLength: 100 },
  carrier: { maxLength: 100 },
};

/** Rules by schema coordinate (`Type.field` or `Type.field(arg:)`), over the rule by name. */
export const RULES_BY_COORDINATE: Readonly<Record<string, InputRule>> = {
  // The file itself: the gateway's body limit (2 MB) bounds it first; the service answers FILE_TOO_LARGE past 1 MB decoded.
  'UploadOrderLinesInput.contentBase64': { maxLength: 4_000_000 },
  'UploadOrderLinesInput.filename': { maxLength: 255 },
  // A file to import: up to 16 MB decoded (the gateway's MAX_BODY_BYTES bounds it first; FILE_TOO_LARGE past it).
  'StartImportInput.contentBase64': { maxLength: 22_400_000 },
  'StartImportInput.filename': { maxLength: 255 },
  // A product's name as the ERP bills it.
  'InvoiceLineInput.name': { maxLength: 300 },
  'ImportStockLevelsInput.levels': { maxItems: 5000 },
  // As many lines as an order may have (MAX_INTERNAL_LINES).
  'Mutation.addToCart(lines:)': { maxItems: 10_000 },
  'PlaceOrderInput.lines': { maxItems: 10_000 },
};

const ID_RULE: InputRule = { maxLength: 100 };

/** The rule of a value: its coordinate's, else its name's, else the defaults. */
export function ruleFor(coordinate: string, name: string, isId: boolean): Required<Pick<InputRule, 'maxLength' | 'maxItems'>> & InputRule {
  const rule = RULES_BY_COORDINATE[coordinate] ?? RULES_BY_NAME[name] ?? (isId ? ID_RULE : {});
  return { maxLength: DEFAULT_TEXT_LENGTH, maxItems: DEFAULT_LIST_ITEMS, ...rule };
}

// C0 and C1 controls and DEL; in multiline text tab, LF and CR pass.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_CONTROL = /[\t\n\r]/u;
// Direction overrides and isolates (the "Trojan source" characters), zero-width space, word joiner,
// byte order mark and the line/paragraph separators: invisible, and used to make lookalikes.
const INVISIBLE = /[\u200B\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
// A surrogate not part of a pair: JSON can carry it, UTF-8 cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(field: string[]): string {
  return field.reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

/** What is wrong with one text, or null. */
export function textProblem(input: { value: string; rule: InputRule; field: string[] }): InputProblem | null {
  const { value, rule, field } = input;
  const name = describe(field);
  if (LONE_SURROGATE.test(value) || CONTROL.test(value) || INVISIBLE.test(value) || (!rule.multiline && LINE_CONTROL.test(value))) {
    return {
      code: 'INVALID_CHARACTERS',
      message: `${name} holds a control or invisible character${rule.multiline ? '' : ' (line breaks and tabs included)'}; remove it.`,
      field,
    };
  }
  const max = rule.maxLength ?? DEFAULT_TEXT_LENGTH;
  // Counting code points only past the UTF-16 bound keeps the common case cheap.
  if (value.length > max && [...value].length > max) {
    return { code: 'TOO_LONG', message: `${name} is too long: at most ${max} characters.`, field };
  }
  return null;
}

/** What is wrong with a list's length, or null. */
export function listProblem(input: { length: number; rule: InputRule; field: string[] }): InputProblem | null {
  const max = input.rule.maxItems ?? DEFAULT_LIST_ITEMS;
  return input.length > max
    ? { code: 'TOO_MANY_ITEMS', message: `${describe(input.field)} has too many items: at most ${max}.`, field: input.field }
    : null;
}

/** What is wrong with a date a mutation stores, or null. */
export function storedDateProblem(input: { value: Date; field: string[] }): InputProblem | null {
  const time = input.value.getTime();
  if (!Number.isNaN(time) && time >= STORED_DATE_WINDOW.from.getTime() && time < STORED_DATE_WINDOW.to.getTime()) return null;
  return {
    code: 'INVALID_DATE',
    message: `${describe(input.field)} must be a date from 2000 to 2099.`,
    field: input.field,
  };
}
