import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The operation a request runs: the named one, or the only one. */
export function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

/**
 * The names of the root fields an operation selects, once per occurrence: aliases count each time,
 * and fields inside fragments spread at the root are followed (each fragment once per spread).
 */
export function rootFieldOccurrences(document: DocumentNode, operationName?: string | null): string[] {
  const operation = selectedOperation(document, operationName);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const names: string[] = [];
  const visit = (set: SelectionSetNode, path: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, path);
      else {
        const fragment = fragments.get(selection.name.value);
        // Validation refuses cycles; the path guard keeps a hostile document from looping here first.
        if (fragment && !path.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...path, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names;
}
