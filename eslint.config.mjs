import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    // One link for the whole site: it prefetches on intent rather than on sight (components/link.client.tsx).
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['components/link.client.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {paths: [{name: 'next/link', message: "Use Link from '@/components/link.client'."}]},
      ],
    },
  },
  {
    ignores: [
      '.next/**',
      'bench/bare-app/.next/**',
      'bench/bare-app/node_modules/**',
      '.next-sanity/**',
      '.next-publish/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'bench/results/**',
      'bench/.work/**',
      'sanity/sanity.types.ts',
      'next-env.d.ts',
    ],
  },
]

export default config
