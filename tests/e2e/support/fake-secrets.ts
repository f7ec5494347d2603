/**
 * Recognisable fake values for every secret the site reads. The browser suite's build and server
 * run with them, and a test fails if any of them shows up in a browser bundle or in served HTML.
 */
export const FAKE_SECRETS = {
  SANITY_API_READ_TOKEN: 'leakcheck-sanity-read-token-4f1c9a',
  SANITY_API_WRITE_TOKEN: 'leakcheck-sanity-write-token-8b2e71',
  SANITY_REVALIDATE_SECRET: 'leakcheck-webhook-secret-c93d05',
  FEEDBACK_SALT: 'leakcheck-feedback-salt-17ab6e',
  FEEDBACK_ADMIN_TOKEN: 'leakcheck-admin-token-e5f204',
}

/** Written into the build folder so the leak check knows the build really carried the fakes. */
export const BUILD_MARKER = 'e2e-build.json'
