/**
 * What the planner needs to know of groq-js's syntax tree: which nodes open a scope, which keep
 * their parent's, and how to read a node's children and attribute paths.
 */
import type {ExprNode} from 'groq-js'

/** For nodes that open a scope: which of their fields are evaluated in it. */
export const SCOPED_CHILDREN: Record<string, string[]> = {
  Filter: ['expr'],
  Projection: ['expr'],
  Map: ['expr'],
  FlatMap: ['expr'],
  PipeFuncCall: ['args'],
}

/** Nodes whose children are evaluated in the node's own scope. */
export const SAME_SCOPE = new Set([
  'AccessAttribute',
  'AccessElement',
  'And',
  'Array',
  'ArrayCoerce',
  'ArrayElement',
  'Asc',
  'Deref',
  'Desc',
  'FuncCall',
  'Group',
  'InRange',
  'Neg',
  'Not',
  'Object',
  'ObjectAttributeValue',
  'ObjectConditionalSplat',
  'ObjectSplat',
  'OpCall',
  'Or',
  'Parameter',
  'Parent',
  'Pos',
  'Select',
  'SelectAlternative',
  'Slice',
  'This',
  'Tuple',
  'Value',
])

/** The expression nodes directly under a node, whatever field holds them. */
export function childrenOf(node: object): ExprNode[] {
  const children: ExprNode[] = []
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as {type?: unknown}).type === 'string') {
        children.push(child as ExprNode)
      }
    }
  }
  return children
}

/** The attribute path of a node like `slug.current` read from `@`, or null for anything else. */
export function pathOnThis(node: ExprNode): string[] | null {
  if (node.type !== 'AccessAttribute') return null
  if (!node.base || node.base.type === 'This') return [node.name]
  const base = pathOnThis(node.base)
  return base && [...base, node.name]
}
