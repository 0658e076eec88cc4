import { describe, expect, it } from 'vitest';
import { isLoopbackCandidate } from './video-session';

describe('loopback candidates', () => {
  it('passes only candidates on 127.0.0.1 or ::1', () => {
    expect(isLoopbackCandidate('candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host generation 0')).toBe(true);
    expect(isLoopbackCandidate('candidate:2 1 udp 2122262783 ::1 54322 typ host generation 0')).toBe(true);
    expect(isLoopbackCandidate('candidate:3 1 udp 2122260223 192.168.1.20 54323 typ host generation 0')).toBe(false);
    expect(isLoopbackCandidate('candidate:4 1 udp 2122260223 3b2f1c6e-1234.local 54324 typ host')).toBe(false);
    expect(isLoopbackCandidate('')).toBe(false);
  });
});
