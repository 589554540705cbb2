import { describe, expect, it } from 'vitest';
import { addressMirror, type AddressHost } from '../../src/story/address';

/** A browser stand-in with a clock the test moves by hand. */
function fakeHost(start = '/') {
  let now = 0;
  let address = start;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const leave: (() => void)[] = [];
  const writes: string[] = [];
  const host: AddressHost = {
    current: () => address,
    replace: (next) => {
      address = next;
      writes.push(next);
    },
    setTimeout: (run, ms) => {
      timers.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (id) => timers.delete(id as number),
    onLeave: (run) => leave.push(run),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) {
      if (t.at > now) continue;
      timers.delete(id);
      t.run();
    }
  };
  return { host, writes, advance, leave: () => leave.forEach((run) => run()), address: () => address };
}

describe('addressMirror', () => {
  it('writes the address once the view has settled, not on every step', () => {
    const fake = fakeHost();
    const mirror = addressMirror(250, fake.host);
    for (let step = 1; step <= 100; step++) {
      mirror.write(`/?step=${step}`);
      fake.advance(16);
    }
    expect(fake.writes).toEqual([]);
    fake.advance(250);
    expect(fake.writes).toEqual(['/?step=100']);
  });

  it('writes each step a reader pauses on', () => {
    const fake = fakeHost();
    const mirror = addressMirror(250, fake.host);
    mirror.write('/?claim=a');
    fake.advance(1000);
    mirror.write('/?claim=b');
    fake.advance(1000);
    expect(fake.writes).toEqual(['/?claim=a', '/?claim=b']);
  });

  it('does not rewrite an address the bar already shows', () => {
    const fake = fakeHost('/?claim=a');
    const mirror = addressMirror(250, fake.host);
    mirror.write('/?claim=a');
    fake.advance(300);
    expect(fake.writes).toEqual([]);
  });

  it('writes a pending address at once when the page is left or flushed', () => {
    const fake = fakeHost();
    const mirror = addressMirror(250, fake.host);
    mirror.write('/?claim=a');
    fake.leave();
    expect(fake.address()).toBe('/?claim=a');
    mirror.write('/?claim=b');
    mirror.flush();
    expect(fake.address()).toBe('/?claim=b');
    fake.advance(300);
    expect(fake.writes).toEqual(['/?claim=a', '/?claim=b']);
  });
});
