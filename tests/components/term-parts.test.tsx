/** @jest-environment jsdom */
import {render, screen, within} from '@testing-library/react'

import {BusinessContext} from '@/app/(site)/glossary/[slug]/_components/business-context'
import {DeeperGuides} from '@/app/(site)/glossary/[slug]/_components/deeper-guides'
import {Feedback} from '@/app/(site)/glossary/[slug]/_components/feedback'
import {RelatedTerms} from '@/app/(site)/glossary/[slug]/_components/related-terms'
import {ShareBar} from '@/app/(site)/glossary/[slug]/_components/share-bar'
import {TermBody} from '@/app/(site)/glossary/[slug]/_components/term-body'
import {DifficultyBadge} from '@/components/difficulty-badge'

const paragraph = (text: string) => [
  {
    _type: 'block' as const,
    _key: 'p',
    style: 'normal' as const,
    markDefs: [],
    children: [{_type: 'span' as const, _key: 's', text, marks: []}],
  },
]

describe('term page parts', () => {
  it('DifficultyBadge names the level for every reader', () => {
    render(<DifficultyBadge difficulty="intermediate" />)
    expect(screen.getByText('Intermediate').parentElement).toHaveTextContent('Difficulty: Intermediate')
  })

  it('ShareBar links to X, LinkedIn and e-mail with the canonical URL', () => {
    render(
      <ShareBar
        id="share-top"
        title="Backlink"
        shortDefinition="A link from another site."
        slug="backlink"
      />,
    )
    const region = screen.getByRole('group', {name: 'Share this term'})
    const url = encodeURIComponent('http://localhost:3000/glossary/backlink')
    expect(within(region).getByRole('link', {name: /share on X/})).toHaveAttribute(
      'href',
      expect.stringContaining(`url=${url}`),
    )
    expect(within(region).getByRole('link', {name: /share on LinkedIn/})).toHaveAttribute(
      'href',
      expect.stringContaining(`url=${url}`),
    )
    expect(within(region).getByRole('link', {name: /Email/})).toHaveAttribute(
      'href',
      expect.stringMatching(/^mailto:\?subject=Backlink&body=/),
    )
    expect(within(region).getByRole('button', {name: 'Copy link'})).toBeInTheDocument()
  })

  it('RelatedTerms shows each term as a card with its definition', () => {
    render(
      <RelatedTerms
        slug="backlink"
        terms={[
          {
            _id: 't1',
            title: 'Anchor Text',
            slug: 'anchor-text',
            shortDefinition: 'The clickable words.',
            difficulty: 'beginner',
          },
        ]}
      />,
    )
    expect(screen.getByRole('heading', {level: 2, name: 'Related Terms'})).toHaveAttribute(
      'id',
      'related-terms',
    )
    const card = screen.getByRole('link', {name: /Anchor Text/})
    expect(card).toHaveAttribute('href', '/glossary/anchor-text')
    expect(card).toHaveTextContent('The clickable words.')
  })

  it('DeeperGuides marks external guides and opens them safely', () => {
    render(
      <DeeperGuides
        slug="backlink"
        guides={[
          {
            _id: 'g1',
            title: 'Link Building Playbook',
            slug: 'link-building-playbook',
            summary: 'Ours.',
            externalUrl: null,
          },
          {
            _id: 'g2',
            title: 'Starter Guide',
            slug: 'starter',
            summary: 'Theirs.',
            externalUrl: 'https://example.com/start',
          },
          {
            _id: 'g3',
            title: 'Bad Guide',
            slug: 'bad',
            summary: 'Unsafe.',
            externalUrl: 'javascript:alert(1)',
          },
        ]}
      />,
    )
    expect(screen.getByRole('link', {name: 'Link Building Playbook'})).toHaveAttribute(
      'href',
      '/guides/link-building-playbook',
    )
    const external = screen.getByRole('link', {name: /Starter Guide.*external site/})
    expect(external).toHaveAttribute('rel', 'noopener noreferrer')
    expect(external).toHaveAttribute('target', '_blank')
    expect(screen.getByRole('link', {name: 'Bad Guide'})).toHaveAttribute('href', '/guides/bad')
  })

  it('BusinessContext shows the hand-off as a call to action', () => {
    render(
      <BusinessContext
        slug="backlink"
        context={{
          body: paragraph('Authority is the bottleneck.'),
          handoff: {
            _type: 'term',
            title: 'Link Building',
            slug: 'link-building',
            shortDefinition: 'x',
            difficulty: 'beginner',
            externalUrl: null,
          },
        }}
      />,
    )
    expect(
      screen.getByRole('heading', {level: 2, name: 'When This Matters For Your Business'}),
    ).toBeInTheDocument()
    expect(screen.getByText('Authority is the bottleneck.')).toBeInTheDocument()
    expect(screen.getByRole('link', {name: /Next: Link Building/})).toHaveAttribute(
      'href',
      '/glossary/link-building',
    )
  })

  it('Feedback is a labelled form that works without JavaScript', () => {
    render(<Feedback termId="term-backlink" slug="backlink" />)
    expect(screen.getByRole('heading', {name: 'Was this helpful?'})).toBeInTheDocument()
    expect(screen.getByText('Tell us how this article felt in one click.')).toBeInTheDocument()
    const yes = screen.getByRole('button', {name: 'Yes, this was helpful'})
    const no = screen.getByRole('button', {name: 'No, this was not helpful'})
    expect(yes).toHaveAttribute('type', 'submit')
    expect(yes).toHaveAttribute('value', 'yes')
    expect(no).toHaveAttribute('value', 'no')
    expect(yes.closest('form')).toHaveAttribute('action', '/api/feedback')
    expect(yes.closest('form')).toHaveAttribute('method', 'post')
    const form = yes.closest('form')!
    expect(new FormData(form).get('term')).toBe('term-backlink')
    expect(new FormData(form).get('returnTo')).toBe('/glossary/backlink')
    // Where a form post without JavaScript lands: revealed by CSS :target, so the page stays static.
    expect(document.getElementById('feedback-thanks')).toHaveTextContent('Thanks for your feedback!')
    expect(document.getElementById('feedback-thanks')).toHaveClass('hidden', 'target:block')
  })
})

describe('TermBody', () => {
  const base = {
    slug: 'backlink',
    intro: paragraph('An intro.'),
    whatItMeans: paragraph('What it means.'),
    whyItMatters: paragraph('Why it matters.'),
    exampleInPractice: [],
    whatItIsNot: null,
  }

  it('renders the intro and each section with content as an h2 with a stable id, in order', () => {
    render(<TermBody term={base} />)
    expect(screen.getByText('An intro.')).toBeInTheDocument()
    const headings = screen.getAllByRole('heading', {level: 2})
    expect(headings.map((heading) => [heading.id, heading.textContent])).toEqual([
      ['what-it-means', 'What It Means'],
      ['why-it-matters', 'Why It Matters'],
    ])
    expect(
      screen.getByRole('button', {name: 'Copy link to the section "Why It Matters"'}),
    ).toBeInTheDocument()
  })

  it('leaves empty sections out instead of showing blank headings', () => {
    render(<TermBody term={base} />)
    expect(screen.queryByRole('heading', {name: 'Example In Practice'})).toBeNull()
    expect(screen.queryByRole('heading', {name: 'What It Is Not'})).toBeNull()
    expect(document.getElementById('example-in-practice')).toBeNull()
  })
})
