/**
 * The query planner of the embedded source: which documents a query can read, so groq-js evaluates
 * it over those rather than the whole dataset. Its invariants and its test: ./README.md.
 */
import {evaluateSync, type ExprNode} from 'groq-js'

import type {SanityDocument} from '@/lib/content/dataset'

import {
  ALL,
  hiddenScope,
  intersect,
  nested,
  OPAQUE,
  positionsOf,
  union,
  type Candidates,
  type Scope,
} from './candidates'
import {documentById, type DatasetIndex, type Positions} from './dataset-index'
import {childrenOf, pathOnThis, SAME_SCOPE, SCOPED_CHILDREN} from './syntax-tree'

function strings(value: unknown): string[] | null {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
  return null
}

/**
 * The strings an expression can evaluate to without looking at `@`: constants, parameters and
 * attributes of the documents `^` may be. Null when that is not known, or when a value is not a
 * string (null compares equal to missing fields, so it can never narrow a lookup).
 */
function staticStrings(
  node: ExprNode,
  scope: Scope,
  params: Record<string, unknown>,
  index: DatasetIndex,
): string[] | null {
  switch (node.type) {
    case 'Value':
      return strings(node.value)
    case 'Parameter':
      return strings(params[node.name])
    case 'Group':
      return staticStrings(node.base, scope, params, index)
    case 'Array': {
      const values: string[] = []
      for (const element of node.elements) {
        const found = staticStrings(element.value, scope, params, index)
        if (!found) return null
        values.push(...found)
      }
      return values
    }
    default:
      return valuesOverParents(node, scope, params, index)
  }
}

/** Past this many documents for `^`, evaluating an expression once per document costs more than it saves. */
const MAX_PARENTS = 1000

/**
 * The expression with its `^`s made `@`, when they are all the same level (`^` or `^.^`…) and it
 * reads nothing else of its own scope: no `@`, no bare attribute, no `*`. `^` inside a nested scope
 * (a filter or projection within the expression) is refused too; it would mean another scope.
 */
function overParent(node: ExprNode): {tree: ExprNode; levels: number} | null {
  let levels: number | null = null
  function rewrite(value: unknown, depth: number): unknown {
    if (Array.isArray(value)) {
      const items = value.map((item) => rewrite(item, depth))
      return items.includes(REFUSED) ? REFUSED : items
    }
    if (!value || typeof value !== 'object' || typeof (value as {type?: unknown}).type !== 'string')
      return value
    const child = value as ExprNode
    switch (child.type) {
      case 'Parent':
        if (depth > 0 || (levels !== null && levels !== child.n)) return REFUSED
        levels = child.n
        return {type: 'This'}
      case 'This':
      case 'Everything':
      case 'Context':
        return depth > 0 && child.type === 'This' ? child : REFUSED
      case 'AccessAttribute':
        if (!child.base && depth === 0) return REFUSED
        break
    }
    const nestedKeys = SCOPED_CHILDREN[child.type]
    if (!nestedKeys && !SAME_SCOPE.has(child.type)) return REFUSED
    const copy: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(child)) {
      copy[key] = rewrite(field, nestedKeys?.includes(key) ? depth + 1 : depth)
      if (copy[key] === REFUSED) return REFUSED
    }
    return copy
  }
  const tree = rewrite(node, 0)
  return tree === REFUSED || levels === null ? null : {tree: tree as ExprNode, levels}
}

const REFUSED = Symbol('refused')

/** What an expression over `^` (`^._id`, `^.body[].markDefs[].reference._ref`) is, for each document `^` may be. */
function valuesOverParents(
  node: ExprNode,
  scope: Scope,
  params: Record<string, unknown>,
  index: DatasetIndex,
): string[] | null {
  const rewritten = overParent(node)
  if (!rewritten) return null
  let docs: Scope = scope
  for (let level = 0; level < rewritten.levels; level++) docs = docs.parent ?? OPAQUE
  const positions = positionsOf(docs.at)
  if (positions === ALL || positions.size > MAX_PARENTS) return null
  const values: string[] = []
  for (const position of positions) {
    const value = evaluateSync(rewritten.tree, {
      root: index.documentAt(position),
      params,
      dereference: ({_ref}) => documentById(index, _ref),
    }).data
    // Null compares equal to missing fields, so it can never narrow a lookup.
    const found = strings(Array.isArray(value) ? value.filter((item) => item !== null) : value)
    if (!found) return null
    values.push(...found)
  }
  return values
}

function lookUp(table: Map<string, Positions>, keys: string[]): Candidates {
  return keys.map((key) => table.get(key) ?? [])
}

/** The documents `field == one of values` can be true for, or ALL when no table answers it. */
function byField(field: string[], values: string[], index: DatasetIndex): Candidates {
  const name = field.join('.')
  if (name === '_type') return lookUp(index.positionsByType, values)
  if (name === 'slug.current') return lookUp(index.positionsBySlug, values)
  if (name === '_id') return lookUp(index.positionsById, values)
  // `author._ref == $id` holds only for documents that reference $id.
  if (field.at(-1) === '_ref') return lookUp(index.positionsReferring, values)
  return ALL
}

/** A superset of the documents a filter can keep; `scope` is the filter's own scope. */
function candidates(
  filter: ExprNode,
  scope: Scope,
  params: Record<string, unknown>,
  index: DatasetIndex,
): Candidates {
  const recurse = (node: ExprNode) => candidates(node, scope, params, index)
  switch (filter.type) {
    case 'And':
      return intersect(recurse(filter.left), recurse(filter.right))
    case 'Or':
      return union(recurse(filter.left), recurse(filter.right))
    case 'Group':
      return recurse(filter.base)
    case 'OpCall': {
      if (filter.op !== '==' && filter.op !== 'in') return ALL
      const sides = [
        [filter.left, filter.right],
        [filter.right, filter.left],
      ] as const
      for (const [fieldNode, valueNode] of filter.op === '==' ? sides : sides.slice(0, 1)) {
        const field = pathOnThis(fieldNode)
        const values = field && staticStrings(valueNode, scope, params, index)
        if (field && values) return byField(field, values, index)
      }
      return ALL
    }
    case 'FuncCall': {
      if (filter.namespace !== 'global' || filter.name !== 'references') return ALL
      const ids: string[] = []
      for (const arg of filter.args) {
        const found = staticStrings(arg, scope, params, index)
        if (!found) return ALL
        ids.push(...found)
      }
      return lookUp(index.positionsReferring, ids)
    }
    default:
      return ALL
  }
}

/**
 * Walks a query and collects a superset of the documents each `*` in it can yield. Each step
 * returns which documents the node's elements may be, so `^` inside a projection of `*[…]` is known.
 */
function planner(params: Record<string, unknown>, index: DatasetIndex) {
  let reached: Candidates = []

  function walk(node: ExprNode, scope: Scope): Candidates {
    switch (node.type) {
      case 'Value':
        return ALL
      case 'Everything':
        reached = ALL
        return ALL
      case 'This':
        return scope.at
      case 'Filter': {
        const kept =
          node.base.type === 'Everything'
            ? candidates(node.expr, nested(scope, ALL), params, index)
            : walk(node.base, scope)
        if (node.base.type === 'Everything') reached = union(reached, kept)
        walk(node.expr, nested(scope, kept))
        return kept
      }
      case 'Projection':
        walk(node.expr, nested(scope, walk(node.base, scope)))
        return ALL
      case 'Map':
      case 'FlatMap':
        walk(node.expr, hiddenScope(scope, walk(node.base, scope)))
        return ALL
      case 'PipeFuncCall': {
        const base = walk(node.base, scope)
        for (const arg of node.args) walk(arg, nested(scope, base))
        return node.name === 'order' ? base : ALL
      }
      case 'AccessElement':
      case 'Slice':
      case 'Group':
        return walk(node.base, scope)
      default: {
        const childScope = SAME_SCOPE.has(node.type) ? scope : OPAQUE
        for (const child of childrenOf(node)) walk(child, childScope)
        return ALL
      }
    }
  }

  return {walk, reached: () => reached}
}

/**
 * The documents a query can read with `*`, in dataset order: all of them unless every `*[…]` in
 * the query has a filter the tables narrow (by type, id, slug or reference). References are
 * followed through `documentById`, so documents reached only by `->` need not be in the list.
 * Evaluating a query over this list gives the same result as over the whole dataset.
 */
export function documentsReachedBy(
  query: ExprNode,
  params: Record<string, unknown>,
  index: DatasetIndex,
): SanityDocument[] {
  const plan = planner(params, index)
  plan.walk(query, {at: ALL, parent: OPAQUE, hidden: false})
  const reached = positionsOf(plan.reached())
  if (reached === ALL) return Array.from({length: index.size}, (_, position) => index.documentAt(position))
  return [...reached].sort((a, b) => a - b).map((position) => index.documentAt(position))
}
