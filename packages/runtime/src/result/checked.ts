/**
 * The domain's form of a `Result` (result.ts) for master data (an upsert's input, an import file's
 * row): the checked value, or every problem found with it, each naming the input field (the file's
 * column) at fault. A service turns the problems into a row's outcome (`failedRow`) or into userErrors.
 */

/** One problem of a master data input: a code the caller can act on, why, and the field at fault. */
export interface FieldProblem<Code extends string = string> {
  code: Code;
  message: string;
  /** The input field, or the import file's column, at fault. */
  field: string;
}

/** A checked master data input: the value to store, or every problem found with it. */
export type Checked<T, Problem extends FieldProblem = FieldProblem> = { ok: true; value: T } | { ok: false; problems: Problem[] };
