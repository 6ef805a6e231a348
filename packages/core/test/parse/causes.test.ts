import { describe, expect, it } from 'vitest'
import { md, parse, range } from './helpers.js'

const causes = (source: string) => parse(source).causes

describe('causes: separate sections', () => {
  const source = md`
    # Outage

    ## Root cause

    The connection pool was sized for last year's traffic.
    It never grew with the number of workers.

    - Evidence: pool wait time rose first.
    - Evidence: more connections removed the errors.

    ## Contributing factors

    1. **No saturation alert.** Nobody saw the pool fill up.
    2. **No load test** for the search query.
       - It was added after the last load test.
    3.

    ## Action items

    - Add a pool alert
  `

  it('reads the root-cause section as the root cause, lists included', () => {
    const result = causes(source)
    expect(result.rootCauseSection?.title).toBe('Root cause')
    expect(result.rootCause?.text).toBe(
      "The connection pool was sized for last year's traffic. It never grew with the number of workers. " +
        'Evidence: pool wait time rose first. Evidence: more connections removed the errors.',
    )
    // From the first block to the last, not the heading.
    expect(range(result.rootCause!.span)).toBe('5:1-9:49')
  })

  it('reads a contributing-factors list, one item per list item', () => {
    const result = causes(source)
    expect(result.contributingSection?.title).toBe('Contributing factors')
    expect(result.contributingFactors.map((item) => item.text)).toEqual([
      'No saturation alert. Nobody saw the pool fill up.',
      'No load test for the search query. It was added after the last load test.',
    ])
    expect(result.contributingFactors.map((item) => range(item.span))).toEqual(['13:1-13:57', '14:1-15:44'])
    expect(result.mergedSection).toBeNull()
    expect(result.mergedItems).toEqual([])
    expect(result.fiveWhys).toEqual([])
  })

  it('reads contributing factors written as paragraphs or sub-headings', () => {
    const paragraphs = causes('## Contributing factors\n\nNo alert on the pool.\n\nNo load test.\n')
    expect(paragraphs.contributingFactors.map((item) => [item.text, range(item.span)])).toEqual([
      ['No alert on the pool.', '3:1-3:22'],
      ['No load test.', '5:1-5:14'],
    ])
    const headings = causes('## Contributing Causes\n\n### Alerting gap\n\nNo alert on the pool.\n\n### Testing gap\n\nNo load test.\n')
    expect(headings.contributingFactors.map((item) => [item.text, range(item.span)])).toEqual([
      ['Alerting gap. No alert on the pool.', '3:1-5:22'],
      ['Testing gap. No load test.', '7:1-9:14'],
    ])
  })

  it('has no root cause for an empty or missing section', () => {
    expect(causes('## Root cause\n\n<!-- TODO -->\n\n## Impact\n').rootCause).toBeNull()
    expect(causes('## Root cause\n\n## Impact\n').rootCauseSection?.title).toBe('Root cause')
    const none = causes('# Outage\n\n## Summary\n\nText.\n')
    expect(none).toMatchObject({ rootCauseSection: null, rootCause: null, contributingSection: null, contributingFactors: [] })
  })

  it('drops empty list items from a template', () => {
    expect(causes('## Contributing factors\n\n-\n-\n').contributingFactors).toEqual([])
  })
})

describe('causes: labelled inside the root-cause section', () => {
  const source = md`
    ## Root cause

    The retry storm overloaded the queue.

    **Contributing factors:**

    - Retries had no jitter.
    - The queue had no back-pressure.

    ## Impact
  `

  it('reads a labelled contributing-factors list and keeps it out of the root cause', () => {
    const result = causes(source)
    expect(result.rootCause?.text).toBe('The retry storm overloaded the queue.')
    expect(range(result.rootCause!.span)).toBe('3:1-3:38')
    // The bold label alone on its line is the heading of a section of its own, as a reader sees it.
    expect(result.contributingSection?.title).toBe('Contributing factors')
    expect(range(result.contributingSection!.headingSpan)).toBe('5:1-5:26')
    expect(result.contributingFactors.map((item) => [item.text, range(item.span)])).toEqual([
      ['Retries had no jitter.', '7:1-7:25'],
      ['The queue had no back-pressure.', '8:1-8:34'],
    ])
  })

  it('accepts other spellings of the label', () => {
    const result = causes('## Root Causes\n\nThe queue filled.\n\nOther contributing causes\n\n- No alert\n')
    expect(result.contributingFactors.map((item) => item.text)).toEqual(['No alert'])
    expect(result.rootCause?.text).toBe('The queue filled.')
  })
})

describe('causes: merged sections', () => {
  it('reads a merged Causes list and finds the labelled root cause', () => {
    const source = md`
      ## Causes and contributing factors

      - Retries had no jitter.
      - **Root cause:** the queue had no back-pressure.
      - Alerts watched the wrong metric.
    `
    const result = causes(source)
    expect(result.mergedSection?.kind).toBe('causes')
    expect(result.mergedItems.map((item) => item.text)).toEqual([
      'Retries had no jitter.',
      'Root cause: the queue had no back-pressure.',
      'Alerts watched the wrong metric.',
    ])
    expect(result.rootCauseSection).toBeNull()
    expect(result.rootCause).toMatchObject({ text: 'the queue had no back-pressure.' })
    expect(range(result.rootCause!.span)).toBe('4:1-4:50')
  })

  it('reads "The root cause was ..." inside a merged section of paragraphs', () => {
    const result = causes('## Analysis\n\nThe root cause was a missing index.\n\nA cache miss made it worse.\n')
    expect(result.mergedItems).toHaveLength(2)
    expect(result.rootCause?.text).toBe('a missing index.')
  })

  it('has no root cause when no merged item is labelled', () => {
    const result = causes('## Causes\n\n- Retries had no jitter.\n- The queue had no back-pressure.\n')
    expect(result.mergedItems).toHaveLength(2)
    expect(result.rootCause).toBeNull()
    expect(result.contributingFactors).toEqual([])
  })

  it('reads causes written as sub-headings, one item each', () => {
    const source = md`
      ## Causes

      ### Public endpoint

      Insufficient proxy capacity.

      ### Indexer

      Too few replicas.
    `
    const result = causes(source)
    expect(result.mergedItems.map((item) => [item.text, range(item.span)])).toEqual([
      ['Public endpoint. Insufficient proxy capacity.', '3:1-5:29'],
      ['Indexer. Too few replicas.', '7:1-9:18'],
    ])
  })

  it('reads classified sub-sections of a merged section as sections of their own', () => {
    const result = causes('## Causes\n\n### Root cause\n\nA missing index.\n\n### Contributing factors\n\n- No alert\n')
    expect(result.rootCauseSection?.title).toBe('Root cause')
    expect(result.rootCause?.text).toBe('A missing index.')
    expect(result.contributingFactors.map((item) => item.text)).toEqual(['No alert'])
  })
})

describe('causes: five whys', () => {
  it('reads the list of a five-whys section as a chain', () => {
    const source = md`
      ## Five whys

      1. The checkout failed because the pool was full.
      2. The pool was full because queries were slow.
      3. Queries were slow because an index was missing.
    `
    const [chain] = causes(source).fiveWhys
    expect(chain!.steps.map((step) => step.text)).toEqual([
      'The checkout failed because the pool was full.',
      'The pool was full because queries were slow.',
      'Queries were slow because an index was missing.',
    ])
    expect(range(chain!.span)).toBe('3:1-5:51')
    expect(range(chain!.steps[1]!.span)).toBe('4:1-4:48')
  })

  it('finds a chain of why-steps inside the root-cause section', () => {
    const source = md`
      ## Root cause

      A missing index.

      - Why did checkout fail? The pool was full.
      - Why was the pool full? Queries were slow.
      - Why were queries slow? An index was missing.

      * Evidence: a slow-query log.
    `
    const result = causes(source)
    expect(result.fiveWhys).toHaveLength(1)
    expect(result.fiveWhys[0]!.steps).toHaveLength(3)
    expect(range(result.fiveWhys[0]!.span)).toBe('5:1-7:47')
  })

  it('finds no chain in an ordinary list', () => {
    expect(causes('## Root cause\n\n- A missing index.\n- A full pool.\n').fiveWhys).toEqual([])
  })
})

describe('causes: stated in prose', () => {
  it('reads the first sentence that states the cause when no section names one', () => {
    const source = md`
      # Login outage

      ## Summary

      Logins failed for 40 minutes on Tuesday. The outage was caused by an expired signing certificate on the identity provider.

      ## Timeline

      - 10:05 UTC logins start failing because of the certificate
    `
    const result = causes(source)
    expect(result.rootCause?.text).toBe('The outage was caused by an expired signing certificate on the identity provider.')
    expect(result.rootCauseSource).toBe('sentence')
    expect(range(result.rootCause!.span)).toBe('5:42-5:123')
  })

  it('does not take a causal sentence from the timeline, the actions or a sentence about something else', () => {
    const source = md`
      # Login outage

      ## Summary

      We moved the meeting because of the holiday.

      ## Timeline

      - 10:05 UTC logins start failing because of the certificate

      ## Action items

      - Alert on certificate expiry, because an expired certificate causes an outage
    `
    expect(causes(source).rootCause).toBeNull()
  })

  it('reads a cause stated before its effect ("…, causing the evictions"), not an effect of the incident', () => {
    const forward = causes('# Outage\n\n## Summary\n\nNo node pool was reserved for the hub, so students filled its memory. This starved the proxy of memory, causing issues for every user.\n')
    expect(forward.rootCause?.text).toBe('This starved the proxy of memory, causing issues for every user.')
    expect(forward.rootCauseSource).toBe('sentence')
    // The incident as the subject: what follows is its effect, not its cause.
    expect(causes('# Outage\n\n## Summary\n\nThe outage led to 4,000 failed payments and a flood of tickets.\n').rootCause).toBeNull()
    expect(causes('# Outage\n\n## Summary\n\nWe moved the retro, which led to a longer meeting.\n').rootCause).toBeNull()
  })

  it('prefers a root-cause section to any sentence', () => {
    const result = causes('# Outage\n\nThe deploy failed because of a typo.\n\n## Root cause\n\nThe config schema accepted an unknown key.\n')
    expect(result.rootCause?.text).toBe('The config schema accepted an unknown key.')
    expect(result.rootCauseSource).toBe('section')
  })
})
