import { type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { succeededRootFields } from '../src/server/erp-sync.plugin.js';

const operation = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;

describe('succeededRootFields', () => {
  it('names the root fields answered with no error and no userErrors, by field name under an alias', () => {
    const op = operation('mutation { a: recordInvoice { userErrors { code } } recordPayment { id } upsertDealer { userErrors { code } } }');
    const data = { a: { userErrors: [] }, recordPayment: { id: '1' }, upsertDealer: { userErrors: [{ code: 'REQUIRED' }] } };
    expect(succeededRootFields({ operation: op, data, errors: undefined })).toEqual(['recordInvoice', 'recordPayment']);
  });

  it('leaves out a field with an error on its path, a null answer, and every field of a query', () => {
    const op = operation('mutation { recordInvoice { id } recordPayment { id } }');
    expect(
      succeededRootFields({
        operation: op,
        data: { recordInvoice: { id: '1' }, recordPayment: null },
        errors: [{ path: ['recordInvoice'] }],
      }),
    ).toEqual([]);
    expect(
      succeededRootFields({ operation: operation('{ recordInvoice { id } }'), data: { recordInvoice: { id: '1' } }, errors: [] }),
    ).toEqual([]);
  });
});
