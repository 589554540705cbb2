import { describe, expect, it } from 'vitest';
import { acceptMessage, asksForHeight, heightMessages, pymChildId } from '../../src/embed/height';

describe('heightMessages', () => {
  it('speaks pym.js, the snippet and AMP, in whole pixels', () => {
    expect(heightMessages(512.2, 'pym-1')).toEqual([
      'pymxPYMxpym-1xPYMxheightxPYMx513',
      { type: 'claim-map:height', height: 513 },
      { sentinel: 'amp', type: 'embed-size', height: 513 },
    ]);
    expect(heightMessages(300, null)).toHaveLength(2);
  });
});

describe('pymChildId', () => {
  it('takes the id pym puts in the frame URL, and nothing odd', () => {
    expect(pymChildId('?initialWidth=600&childId=example-1&parentTitle=x')).toBe('example-1');
    expect(pymChildId('?childId=<script>')).toBeNull();
    expect(pymChildId('?childId=' + 'a'.repeat(200))).toBeNull();
    expect(pymChildId('')).toBeNull();
  });
});

describe('asksForHeight', () => {
  it('answers pym’s width message for its own id, and AMP’s replies', () => {
    expect(asksForHeight('pymxPYMxembed-1xPYMxwidthxPYMx600', 'embed-1')).toBe(true);
    expect(asksForHeight({ sentinel: 'amp', type: 'embed-size-changed' }, null)).toBe(true);
  });

  it('ignores everything else a parent might send', () => {
    for (const data of [
      'pymxPYMxother-idxPYMxwidthxPYMx600',
      'pymxPYMxembed-1xPYMxnavigateToxPYMxjavascript:alert(1)',
      'hello',
      null,
      42,
      { type: 'claim-map:height', height: 10 },
      { sentinel: 'amp', type: 5 },
      '<img src=x onerror=alert(1)>',
    ]) {
      expect(asksForHeight(data, 'embed-1'), JSON.stringify(data)).toBe(false);
    }
  });
});

describe('acceptMessage', () => {
  it('takes messages from any origin when no allow-list is configured', () => {
    expect(acceptMessage({ data: 'pymxPYMxe1xPYMxwidthxPYMx600', origin: 'https://any.example' }, 'e1')).toBe(true);
  });

  it('takes messages only from allowed origins when a list is configured', () => {
    const allowed = ['https://news.example'];
    expect(acceptMessage({ data: 'pymxPYMxe1xPYMxwidthxPYMx600', origin: 'https://news.example' }, 'e1', allowed)).toBe(
      true,
    );
    expect(acceptMessage({ data: 'pymxPYMxe1xPYMxwidthxPYMx600', origin: 'https://evil.example' }, 'e1', allowed)).toBe(
      false,
    );
    expect(
      acceptMessage({ data: { sentinel: 'amp', type: 'embed-size-changed' }, origin: 'null' }, null, allowed),
    ).toBe(false);
  });
});
