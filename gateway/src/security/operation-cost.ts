import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

import { selectedOperation } from './operation-fields.js';

/** How fields are priced. Lists cost by their page size: what a page holds is multiplied into everything below it. */
export interface CostModel {
  /** Every field returning an object costs this (scalars and enums are free: they come with their object). */
  objectCost: number;
  /** Extra cost of fields that compute (pricing, credit), by `Type.field`. */
  fieldCosts: Record<string, number>;
  /** Page size assumed when `first` is not given (the API's default). */
  defaultPageSize: number;
  /** Largest page the API serves; a larger `first` is refused there, so never priced above this. */
  maxPageSize: number;
  /** Assumed length of lists without `first`, by `Type.field`; `defaultListSize` otherwise. */
  listSizes: Record<string, number>;
  defaultListSize: number;
  /** Flat cost of a mutation (writes are dearer than reads). */
  mutationCost: number;
}

export const COST_MODEL: CostModel = {
  objectCost: 1,
  fieldCosts: { 'Product.price': 2, 'Dealer.credit': 2, 'Query.approvalQueue': 2 },
  defaultPageSize: 20,
  maxPageSize: 100,
  listSizes: { 'Query.categories': 50, 'Category.children': 10, 'Query.brands': 25, 'Query.warehouses': 5 },
  defaultListSize: 10,
  mutationCost: 10,
};

function unwrapsToList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

function intArgument(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/**
 * The cost of an operation, computed from the document and its variables before anything runs:
 * each object field costs `objectCost` (plus its `fieldCosts`) times the number of times it will
 * be resolved, which the page sizes (`first`) and assumed list lengths above it multiply.
 * Fragments are followed; where types differ, the dearest branch counts.
 */
export function operationCost(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  model?: CostModel;
}): number {
  const model = input.model ?? COST_MODEL;
  const variables = input.variables ?? {};
  const operation = selectedOperation(input.document, input.operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of input.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = input.schema.getRootType(operation.operation);
  if (!root) return 0;

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, multiplier: number, seen: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field: GraphQLField<unknown, unknown> | undefined = parent.getFields()[selection.name.value];
        if (!field) continue;
        const key = `${parent.name}.${field.name}`;
        const named = getNamedType(field.type);
        const own = (isCompositeType(named) ? model.objectCost : 0) + (model.fieldCosts[key] ?? 0);
        let childMultiplier = multiplier;
        const firstArg = selection.arguments?.find((a) => a.name.value === 'first');
        if (field.args.some((a) => a.name === 'first')) {
          const first = intArgument(firstArg?.value, variables) ?? model.defaultPageSize;
          // The connection object itself is resolved once; its nodes `first` times.
          total += own * multiplier;
          if (selection.selectionSet)
            total += connectionCost(selection.selectionSet, named, multiplier, Math.max(0, Math.min(first, model.maxPageSize)), seen);
          continue;
        }
        if (unwrapsToList(field.type)) childMultiplier = multiplier * (model.listSizes[key] ?? model.defaultListSize);
        total += own * childMultiplier;
        if (selection.selectionSet) total += costOf(selection.selectionSet, named, childMultiplier, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (input.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        total += costOf(selection.selectionSet, type, multiplier, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = input.schema.getType(fragment.typeCondition.name.value) ?? parent;
        total += costOf(fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
      }
    }
    return total;
  };

  /** Inside a connection: `nodes` (and `edges`) repeat `pageSize` times; `pageInfo`, `totalCount` once. */
  const connectionCost = (
    set: SelectionSetNode,
    type: GraphQLNamedType,
    multiplier: number,
    pageSize: number,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD && (selection.name.value === 'nodes' || selection.name.value === 'edges') && isObjectType(type)) {
        const field = type.getFields()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        total +=
          costOf(selection.selectionSet, getNamedType(field.type), multiplier * pageSize, seen) + model.objectCost * multiplier * pageSize;
      } else {
        total += costOf({ kind: Kind.SELECTION_SET, selections: [selection] }, type, multiplier, seen);
      }
    }
    return total;
  };

  return (operation.operation === 'mutation' ? model.mutationCost : 0) + costOf(operation.selectionSet, root, 1, new Set());
}
