import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/nlp/sentences.js'

const split = (text: string) => splitSentences(text).map(([start, end]) => text.slice(start, end))

describe('splitSentences: where it must not break', () => {
  it.each([
    ['We paged the owners, e.g. the database team, at once.'],
    ['Use the newer endpoint, i.e. the v2 one, for reads.'],
    ['At 10:05 the alert fired and paged the on-call.'],
    ['We deployed v2.3.0 to production on Monday.'],
    ['See https://status.example.com/incidents/a.b?c=d for the notice.'],
    ['Availability was 99.9% that week, below the 99.95% target.'],
    ['The p99 latency went from 1.8 s to 6.4 s during the peak.'],
    ['J. Smith paged the database team.'],
    ['Dr. Okafor led the review with Mr. Brown.'],
    ['Dashboards (see Fig. 3) showed the drop.'],
    ['It cost approx. 5 minutes of downtime.'],
    ['The U.S. region was not affected.'],
    ['Errors rose vs. the baseline for the week.'],
    ['Config lives in app.config.yaml under the web key.'],
    ['The job ran at 3 p.m. every day.'],
    ['It retried 3 times, etc. and then gave up.'],
    ['We use Node.js on the edge.'],
  ])('keeps "%s" whole', (text) => {
    expect(split(text)).toEqual([text])
  })
})

describe('splitSentences: where it must break', () => {
  it('splits ordinary sentences', () => {
    expect(split('The alert fired. The on-call acknowledged it. We rolled back.')).toEqual([
      'The alert fired.',
      'The on-call acknowledged it.',
      'We rolled back.',
    ])
  })

  it('splits on question and exclamation marks and ellipses', () => {
    expect(split('Why did it fail? Nobody knew! We looked... Then we found it.')).toEqual([
      'Why did it fail?',
      'Nobody knew!',
      'We looked...',
      'Then we found it.',
    ])
  })

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(split('He wrote "rolling back." Then it recovered. (It took an hour.) Done.')).toEqual([
      'He wrote "rolling back."',
      'Then it recovered.',
      '(It took an hour.)',
      'Done.',
    ])
  })

  it('splits after a time, a version or a number that ends a sentence', () => {
    expect(split('The alert fired at 10:05. The fix shipped in v2.3.1. Errors fell to 0.5%. Good.')).toEqual([
      'The alert fired at 10:05.',
      'The fix shipped in v2.3.1.',
      'Errors fell to 0.5%.',
      'Good.',
    ])
  })

  it('splits after an abbreviation that ends a sentence before a capitalised word', () => {
    expect(split('We checked logs, metrics, etc. The team then rolled back.')).toEqual([
      'We checked logs, metrics, etc.',
      'The team then rolled back.',
    ])
    expect(split('The job ran at 3 p.m. Then it stopped.')).toEqual(['The job ran at 3 p.m.', 'Then it stopped.'])
  })

  it('starts a sentence at a digit, a quote, a bracket, a handle or inline markup', () => {
    expect(split('It failed. 12 retries followed. "Stop," we said. @ada paged. CODE was wrong.')).toEqual([
      'It failed.',
      '12 retries followed.',
      '"Stop," we said.',
      '@ada paged.',
      'CODE was wrong.',
    ])
  })

  it('does not split before a lower-case word', () => {
    expect(split('The value was ok. next we checked the pool.')).toEqual(['The value was ok. next we checked the pool.'])
  })
})

describe('splitSentences: ranges', () => {
  it('returns trimmed [start, end) ranges into the original text', () => {
    const text = '  First one.   Second one.  '
    expect(splitSentences(text)).toEqual([
      [2, 12],
      [15, 26],
    ])
  })

  it('keeps a sentence without final punctuation', () => {
    expect(split('No full stop at the end')).toEqual(['No full stop at the end'])
  })

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences('   \t ')).toEqual([])
  })

  it('stays fast on a long line of full stops and abbreviations', () => {
    const text = 'e.g. '.repeat(20_000) + 'A. '.repeat(20_000)
    const started = performance.now()
    splitSentences(text)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})
