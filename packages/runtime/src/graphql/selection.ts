import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * True when the caller selected `name` directly on the field being resolved (through fragments and
 * inline fragments too; `@skip`/`@include` are not evaluated, so a conditional field counts as
 * selected). Lets a list skip work nobody asked for, such as the count behind `totalCount`.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    !!set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, seen);
      const fragmentName = selection.name.value;
      if (seen.has(fragmentName)) return false;
      seen.add(fragmentName);
      return visit(info.fragments[fragmentName]?.selectionSet, seen);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, new Set()));
}
