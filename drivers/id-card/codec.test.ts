import { describe, expect, it } from 'vitest';
import { COMMANDS, FrameDecoder, encodeCommand, encodeReply, parseBaseInformation, parseReply, formatSamId } from './codec';

const hex = (s: string): Uint8Array => new Uint8Array(s.trim().split(/\s+/).map((b) => parseInt(b, 16)));

// Frames measured byte for byte on real readers (FIELD-NOTES), written by hand.
describe('GA/T 467 frames, hand-written vectors', () => {
  it('encodes find, select and read base exactly as real readers expect', () => {
    expect(encodeCommand(COMMANDS.findCard)).toEqual(hex('AA AA AA 96 69 00 03 20 01 22'));
    expect(encodeCommand(COMMANDS.selectCard)).toEqual(hex('AA AA AA 96 69 00 03 20 02 21'));
    expect(encodeCommand(COMMANDS.readBase)).toEqual(hex('AA AA AA 96 69 00 03 30 01 32'));
    expect(encodeCommand(COMMANDS.samStatus)).toEqual(hex('AA AA AA 96 69 00 03 11 FF ED'));
  });

  it('encodes the find-card and select replies exactly as real readers send them', () => {
    expect(encodeReply({ sw3: 0x9f, data: [0, 0, 0, 0] })).toEqual(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(encodeReply({ sw3: 0x90, data: new Uint8Array(8) })).toEqual(
      hex('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'),
    );
  });

  it('decodes a real find-card reply', () => {
    const events = new FrameDecoder().push(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(events).toHaveLength(1);
    const event = events[0];
    if (event?.kind !== 'frame') throw new Error('expected a frame');
    expect(parseReply(event.body)).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f });
  });

  it('puts the text at byte 14 and the photo at byte 270 of a 1,295-byte read-base reply', () => {
    const text = new Uint8Array(256).fill(0x11);
    const photo = new Uint8Array(1024).fill(0x22);
    const data = new Uint8Array(4 + 256 + 1024);
    data.set([0x01, 0x00, 0x04, 0x00], 0);
    data.set(text, 4);
    data.set(photo, 260);
    const frame = encodeReply({ sw3: 0x90, data });
    expect(frame.length).toBe(1295);
    expect([frame[5], frame[6]]).toEqual([0x05, 0x08]);
    expect(frame[14]).toBe(0x11);
    expect(frame[269]).toBe(0x11);
    expect(frame[270]).toBe(0x22);
    const events = new FrameDecoder().push(frame);
    const event = events[0];
    if (event?.kind !== 'frame') throw new Error('expected a frame');
    const info = parseBaseInformation(parseReply(event.body)!.data);
    expect(info?.text).toEqual(text);
    expect(info?.photo).toEqual(photo);
  });

  it('reports a wrong checksum and carries on with the next frame', () => {
    const bad = hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 98');
    const good = hex('AA AA AA 96 69 00 04 00 00 80 84');
    const events = new FrameDecoder().push(new Uint8Array([...bad, ...good]));
    expect(events.map((e) => e.kind)).toEqual(['bad-checksum', 'frame']);
  });

  it('skips noise, including a false preamble with an impossible length', () => {
    const good = hex('AA AA AA 96 69 00 04 00 00 80 84');
    const junk = hex('01 02 AA AA AA 96 69 FF FF 03');
    const events = new FrameDecoder().push(new Uint8Array([...junk, ...good]));
    expect(events.filter((e) => e.kind === 'frame')).toHaveLength(1);
    expect(events.some((e) => e.kind === 'noise')).toBe(true);
  });

  it('reassembles a frame split byte by byte, preamble included', () => {
    const decoder = new FrameDecoder();
    const frame = hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    const kinds: string[] = [];
    for (const b of frame) kinds.push(...decoder.push(new Uint8Array([b])).map((e) => e.kind));
    expect(kinds).toEqual(['frame']);
    expect(decoder.pending).toBe(0);
  });

  it('formats a SAM ID in the dotted form', () => {
    const id = formatSamId(hex('05 00 01 00 3C 9B 32 01 4E 61 BC 00 D2 02 96 49'));
    expect(id).toBe('05.01-20093756-0012345678-1234567890');
  });
});
