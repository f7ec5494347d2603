import '@testing-library/jest-dom'

import {configure} from '@testing-library/react'

// Components render as they do in development: Next's App Router and Sanity Studio 6 both use
// React strict mode there (effects run twice, so each must clean up after itself).
configure({reactStrictMode: true})
