// Looking into the GraphQL selection of the field being resolved (fragments included).
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** The first field `name` directly in the field's selection (inline and named fragments flattened), if it asks for one. */
export function selectedField(info: GraphQLResolveInfo, name: string): FieldNode | undefined {
  const walk = (set: SelectionSetNode | undefined): FieldNode | undefined => {
    for (const s of set?.selections ?? []) {
      const found =
        s.kind === 'Field'
          ? s.name.value === name
            ? s
            : undefined
          : walk(s.kind === 'InlineFragment' ? s.selectionSet : info.fragments[s.name.value]?.selectionSet);
      if (found) return found;
    }
    return undefined;
  };
  for (const n of info.fieldNodes) {
    const found = walk(n.selectionSet);
    if (found) return found;
  }
  return undefined;
}

/** Whether the field's selection asks for `name` (e.g. a page's totalCount). */
export const selects = (info: GraphQLResolveInfo, name: string): boolean => selectedField(info, name) !== undefined;
