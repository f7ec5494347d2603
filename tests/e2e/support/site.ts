import {FAKE_SECRETS} from './fake-secrets'

/**
 * The built site the whole browser suite shares: `playwright.config.ts` starts it (`webServer`)
 * with the fake secrets, before any test runs, and stops it after the last.
 */
export const SITE_PORT = Number(process.env.E2E_PORT ?? 3210)
export const SITE_URL = `http://127.0.0.1:${SITE_PORT}`

/** Lets the browser suite read readers' comments from the feedback summary. */
export const E2E_FEEDBACK_ADMIN_TOKEN = FAKE_SECRETS.FEEDBACK_ADMIN_TOKEN
