import {authorType} from './documents/author'
import {categoryType} from './documents/category'
import {guideType} from './documents/guide'
import {termType} from './documents/term'
import {blockContentType} from './objects/block-content'
import {calloutType} from './objects/callout'
import {codeBlockType} from './objects/code-block'
import {seoType} from './objects/seo'

export const schemaTypes = [
  // documents
  termType,
  authorType,
  guideType,
  categoryType,
  // objects
  blockContentType,
  calloutType,
  codeBlockType,
  seoType,
]
