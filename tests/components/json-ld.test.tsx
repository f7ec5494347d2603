/** @jest-environment jsdom */
import {render} from '@testing-library/react'
import type {DefinedTerm, WithContext} from 'schema-dts'

import {JsonLd} from '@/components/json-ld'

describe('JsonLd', () => {
  it('renders one JSON-LD script that a closing tag in the content cannot break out of', () => {
    const data: WithContext<DefinedTerm> = {
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      name: 'A </script><img src=x onerror=alert(1)> term',
    }
    const {container} = render(<JsonLd data={data} />)
    const scripts = container.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0]!.type).toBe('application/ld+json')
    expect(container.querySelector('img')).toBeNull()
    expect(JSON.parse(scripts[0]!.textContent!)).toEqual(data)
  })
})
