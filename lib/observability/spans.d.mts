import type {Attributes, Span} from '@opentelemetry/api'

export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span | undefined) => Promise<T>,
): Promise<T>
