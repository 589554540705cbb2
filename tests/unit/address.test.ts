import { describe, expect, it } from 'vitest';
import { addressMirror, type AddressHost } from '../../src/state/address';

/** A browser stand-in with a clock the test moves by hand. */
function fakeHost(start = '/') {
  let now = 0;
  let address = start;
  const timers: { at: number; run: () => void }[] = [];
  const leave: (() => void)[] = [];
  const writes: string[] = [];
  const host: AddressHost = {
    current: () => address,
    replace: (next) => {
      address = next;
      writes.push(next);
    },
    setTimeout: (run, ms) => timers.push({ at: now + ms, run }),
    onLeave: (run) => leave.push(run),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.splice(timers.indexOf(due), 1);
      now = due.at;
      due.run();
    }
    now = end;
  };
  return {
    host,
    writes,
    advance,
    leave: () => leave.forEach((run) => run()),
    address: () => address,
    setAddress: (next: string) => (address = next),
  };
}

describe('addressMirror', () => {
  it('writes a single change at once', () => {
    const fake = fakeHost();
    addressMirror(250, fake.host).write(() => '/?claim=a');
    expect(fake.writes).toEqual(['/?claim=a']);
  });

  it('writes a burst of changes a few times, not on every step, and ends on the last', () => {
    const fake = fakeHost();
    const mirror = addressMirror(250, fake.host);
    for (let step = 1; step <= 100; step++) {
      mirror.write(() => `/?step=${step}`);
      fake.advance(16);
    }
    fake.advance(1000);
    expect(fake.writes[0]).toBe('/?step=1');
    expect(fake.writes.at(-1)).toBe('/?step=100');
    // 1.6 s of steps: one write at once, then at most one per 250 ms.
    expect(fake.writes.length).toBeLessThanOrEqual(1 + Math.ceil(1600 / 250) + 1);
  });

  it('writes each step a reader pauses on', () => {
    const fake = fakeHost();
    const mirror = addressMirror(250, fake.host);
    mirror.write(() => '/?claim=a');
    fake.advance(1000);
    mirror.write(() => '/?claim=b');
    fake.advance(1000);
    expect(fake.writes).toEqual(['/?claim=a', '/?claim=b']);
  });

  it('builds the address when it writes it, from the page as it is then', () => {
    const fake = fakeHost('/');
    const mirror = addressMirror(250, fake.host);
    mirror.write(() => '/?claim=a');
    mirror.write(() => `/?claim=b${fake.address().includes('#') ? '#map' : ''}`);
    fake.setAddress('/?claim=a#map'); // a skip link, followed before the pending write
    fake.advance(300);
    expect(fake.address()).toBe('/?claim=b#map');
  });

  it('does not rewrite an address the bar already shows', () => {
    const fake = fakeHost('/?claim=a');
    addressMirror(250, fake.host).write(() => '/?claim=a');
    fake.advance(300);
    expect(fake.writes).toEqual([]);
  });

  it('writes a pending address at once when the page is left or flushed', () => {
    const fake = fakeHost();
    const mirror = addressMirror(250, fake.host);
    mirror.write(() => '/?claim=a');
    mirror.write(() => '/?claim=b');
    fake.leave();
    expect(fake.address()).toBe('/?claim=b');
    mirror.write(() => '/?claim=c');
    mirror.flush();
    expect(fake.address()).toBe('/?claim=c');
    fake.advance(1000);
    expect(fake.writes).toEqual(['/?claim=a', '/?claim=b', '/?claim=c']);
  });
});
