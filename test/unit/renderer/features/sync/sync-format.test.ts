import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, prettyDocument } from '../../../../../renderer/features/sync/sync-format';

describe('sync formats', () => {
  it('shows sizes in bytes, kB and MB with the locale decimal mark', () => {
    expect(formatBytes('en', 512)).toBe('512 byte');
    expect(formatBytes('en', 1536)).toBe('1.5 kB');
    expect(formatBytes('pt-BR', 1536)).toBe('1,5 kB');
    expect(formatBytes('en', 3 * 1024 * 1024)).toBe('3 MB');
  });

  it('shows durations in seconds under a minute and minutes above', () => {
    expect(formatDuration('en', 4_250)).toBe('4.3 sec');
    expect(formatDuration('pt-BR', 34_000)).toBe('34 s');
    expect(formatDuration('en', 150_000)).toBe('2.5 min');
  });

  it('indents a JSON document and leaves anything else as stored', () => {
    expect(prettyDocument('{"a":[1]}')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyDocument('not json')).toBe('not json');
  });
});
