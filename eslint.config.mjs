import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'

const PARENT_FOLDER_IMPORTS = [{group: ['../*'], message: "Import from another folder with '@/…'."}]

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  {
    // Modules import across folders by where they live from the root, so a file reads the same wherever it
    // moves. Next loads next.config.ts before any bundler, and plain .mjs modules run as Node loads them:
    // both keep relative paths.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['next.config.ts'],
    rules: {'no-restricted-imports': ['error', {patterns: PARENT_FOLDER_IMPORTS}]},
  },
  {
    // One link for the whole site: it prefetches on intent rather than on sight (components/link.client.tsx).
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['components/link.client.tsx', '**/*.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{name: 'next/link', message: "Use Link from '@/components/link.client'."}],
          patterns: PARENT_FOLDER_IMPORTS,
        },
      ],
    },
  },
  {
    // Playwright hands each fixture a callback named `use`, which this rule mistakes for React's hook.
    files: ['tests/e2e/**'],
    rules: {'react-hooks/rules-of-hooks': 'off'},
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
