import {Link} from '@/components/link.client'

const code = {background: '#f4f4f5', padding: '0.1rem 0.3rem', borderRadius: 4, fontSize: '0.95em'}

/** What an editor sees at /studio before a Sanity project is connected: what to set, and how. */
export function StudioNotConfigured() {
  return (
    <main
      style={{
        maxWidth: 640,
        margin: '4rem auto',
        padding: '0 1rem',
        fontFamily: 'ui-sans-serif, system-ui, sans-serif',
        lineHeight: 1.6,
        color: '#18181b',
      }}
    >
      <h1>The Studio needs a Sanity project</h1>
      <p>
        The site is running on its embedded dataset, so there is nothing to edit here yet. To write and
        publish terms in Sanity Studio:
      </p>
      <ol>
        <li>
          Create a project at sanity.io/manage (or with <code style={code}>npx sanity init</code>).
        </li>
        <li>
          Set <code style={code}>NEXT_PUBLIC_SANITY_PROJECT_ID</code> and{' '}
          <code style={code}>NEXT_PUBLIC_SANITY_DATASET</code> in <code style={code}>.env.local</code> (see{' '}
          <code style={code}>.env.example</code>).
        </li>
        <li>
          Import the embedded content: <code style={code}>npm run seed:import</code>.
        </li>
        <li>Rebuild and restart the site, then open /studio again.</li>
      </ol>
      <p>
        <Link href="/">Back to the glossary</Link>
      </p>
    </main>
  )
}
