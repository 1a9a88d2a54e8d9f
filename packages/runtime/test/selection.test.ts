import { buildSchema, execute, type GraphQLResolveInfo, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { selectsField } from '../src/graphql/selection.js';

const schema = buildSchema(`type Query { list: Page } type Page { totalCount: Int nodes: [Int] }`);

/** What selectsField says about `totalCount` for a query, read inside the real `list` resolver. */
function seesCount(query: string): boolean {
  let seen: boolean | undefined;
  execute({
    schema,
    document: parse(query),
    rootValue: {
      list: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        seen = selectsField(info, 'totalCount');
        return { totalCount: 1, nodes: [] };
      },
    },
  });
  return seen!;
}

describe('selectsField', () => {
  it('sees a field selected directly, in an inline fragment or in a named fragment', () => {
    expect(seesCount('{ list { totalCount } }')).toBe(true);
    expect(seesCount('{ list { ... on Page { totalCount } } }')).toBe(true);
    expect(seesCount('{ list { ...F } } fragment F on Page { nodes ...G } fragment G on Page { totalCount }')).toBe(true);
  });

  it('does not see a field that is not selected', () => {
    expect(seesCount('{ list { nodes } }')).toBe(false);
    expect(seesCount('{ list { ...F } } fragment F on Page { nodes }')).toBe(false);
  });
});
