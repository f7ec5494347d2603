/**
 * Imported first by every script npm runs: stops a script started directly under an unsupported
 * Node with one line naming the npm command that runs it on the project's own Node.
 */
import {npmCommandFor, requireSupportedNode} from './node-version.mjs'

requireSupportedNode(npmCommandFor(process.argv[1]))
