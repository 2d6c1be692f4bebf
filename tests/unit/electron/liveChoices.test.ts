// File > Start Live Seminar…'s pure decisions: the addresses offered, the request checked, the
// sentence for a host that could not start, and the question when a hosting window closes.
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ROOM_MODES } from '../../../arguments/live/protocol';
import { hostStartMessage, listLiveAddresses, liveClosePrompt, LiveRequestError, readLiveStartRequest } from '../../../electron/main/liveChoices';
import { portProblem } from '../../../renderer/platform/live';
import { LiveHostError, startLiveHost } from '../../../arguments/cli/live/host';
import { setup } from '../cli/live/fixture';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` });
const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal, cidr: `${address}/64`, scopeid: 0 });

const MACHINE = {
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  'Wi-Fi': [v4('192.168.1.20'), v6('fe80::1c2a:ff:fe00:1'), v6('fd12:3456::20')],
  eth0: [v4('10.0.0.5'), v4('169.254.3.4')],
  docker0: [v4('0.0.0.0')],
  none: undefined,
};

describe('the addresses offered', () => {
  it('puts this computer only first, then each LAN IPv4 with its interface, then routable IPv6', () => {
    const list = listLiveAddresses(MACHINE);
    expect(list.map((a) => a.address)).toEqual(['127.0.0.1', '10.0.0.5', '192.168.1.20', 'fd12:3456::20']);
    expect(list[0]).toMatchObject({ loopback: true, interface: 'loopback', family: 'IPv4' });
    expect(list[0]!.label).toMatch(/this computer only/);
    expect(list[2]).toMatchObject({ interface: 'Wi-Fi', family: 'IPv4', loopback: false });
    expect(list[2]!.label).toContain('Wi-Fi');
    expect(list[3]).toMatchObject({ family: 'IPv6', interface: 'Wi-Fi' });
  });

  it('never offers the wildcard, link-local addresses or a second loopback', () => {
    const list = listLiveAddresses(MACHINE).map((a) => a.address);
    for (const never of ['0.0.0.0', '::', '::1', '169.254.3.4', 'fe80::1c2a:ff:fe00:1']) expect(list).not.toContain(never);
  });

  it('offers this computer only when there is no network, and reads the numeric families of old Nodes', () => {
    expect(listLiveAddresses({}).map((a) => a.address)).toEqual(['127.0.0.1']);
    const old = { en0: [{ ...v4('192.168.0.7'), family: 4 as unknown as 'IPv4' }] };
    expect(listLiveAddresses(old).map((a) => a.address)).toEqual(['127.0.0.1', '192.168.0.7']);
  });

  it('lists an address once even when two interfaces report it', () => {
    expect(listLiveAddresses({ a: [v4('10.1.1.1')], b: [v4('10.1.1.1')] }).filter((a) => a.address === '10.1.1.1')).toHaveLength(1);
  });
});

describe('a start request', () => {
  const offered = listLiveAddresses(MACHINE);
  const good = { address: '192.168.1.20', port: 4780, mode: 'students-read-only' };

  it('passes a good one through, for every room mode, and port 0 as any free port', () => {
    for (const mode of ROOM_MODES) expect(readLiveStartRequest({ ...good, mode }, offered)).toEqual({ ...good, mode });
    expect(readLiveStartRequest({ ...good, port: 0 }, offered).port).toBe(0);
  });

  it('refuses an address this computer does not offer, and the wildcard in words', () => {
    expect(() => readLiveStartRequest({ ...good, address: '8.8.8.8' }, offered)).toThrow(/not an address of this computer/);
    expect(() => readLiveStartRequest({ ...good, address: '0.0.0.0' }, offered)).toThrow(/not on every address/);
    expect(() => readLiveStartRequest({ ...good, address: '::' })).toThrow(/not on every address/);
    expect(() => readLiveStartRequest({ ...good, address: '' }, offered)).toThrow(/Choose the address/);
  });

  it('refuses ports outside 1024–65535 (but 0), fractions and text, saying why', () => {
    for (const port of [80, 1023, 65536, 4780.5, '4780', -1, Number.NaN, null]) {
      expect(() => readLiveStartRequest({ ...good, port }, offered), String(port)).toThrow(LiveRequestError);
      // The Start dialog's own sentence (renderer/platform/live.ts), one rule for both.
      expect(() => readLiveStartRequest({ ...good, port }, offered), String(port)).toThrow(portProblem(port)!);
    }
  });

  it('refuses a mode that is not a room mode, extra fields and non-objects', () => {
    expect(() => readLiveStartRequest({ ...good, mode: 'everyone' }, offered)).toThrow(/room mode/);
    expect(() => readLiveStartRequest({ ...good, mode: 'toString' }, offered)).toThrow(/room mode/);
    expect(() => readLiveStartRequest({ ...good, key: 'x' }, offered)).toThrow(/unexpected fields: key/);
    expect(() => readLiveStartRequest([good], offered)).toThrow(/object/);
    expect(() => readLiveStartRequest(null, offered)).toThrow(/object/);
    expect(() => readLiveStartRequest(Object.assign(Object.create({ evil: true }), good), offered)).toThrow(/plain object/);
  });
});

describe('a host that could not start', () => {
  const at = { address: '192.168.1.20', port: 4780 };
  const err = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

  it('names a taken port and what to do', () => {
    expect(hostStartMessage(err('EADDRINUSE'), at)).toBe('Port 4780 is already in use on 192.168.1.20 (another seminar or program has it). Choose another port, or “any free port”.');
  });

  it('names a vanished address and a refused port', () => {
    expect(hostStartMessage(err('EADDRNOTAVAIL'), at)).toMatch(/no longer an address of this computer/);
    expect(hostStartMessage(err('EACCES'), { ...at, port: 0 })).toMatch(/listening on a free port/);
  });

  it('reads the shared host’s own errors by their Node cause: a taken port, an address not this computer’s', async () => {
    const t = setup();
    try {
      const { mapPath } = t.tempMap();
      const first = await t.host({ mapPath });
      const taken = await startLiveHost({ mapPath: t.tempMap().mapPath, host: '127.0.0.1', port: first.port }).then(
        () => expect.fail('a second host listened on a taken port'),
        (e: unknown) => e,
      );
      expect(taken).toBeInstanceOf(LiveHostError);
      expect(hostStartMessage(taken, { address: '127.0.0.1', port: first.port })).toBe(`Port ${first.port} is already in use on 127.0.0.1 (another seminar or program has it). Choose another port, or “any free port”.`);
      // 192.0.2.0/24 is for documentation: never an address of this computer.
      const gone = await startLiveHost({ mapPath: t.tempMap().mapPath, host: '192.0.2.7', port: 0 }).then(
        () => expect.fail('a host listened on an address of another computer'),
        (e: unknown) => e,
      );
      expect(gone).toBeInstanceOf(LiveHostError);
      expect(hostStartMessage(gone, { address: '192.0.2.7', port: 0 })).toBe('192.0.2.7 is no longer an address of this computer (the network changed?). Choose another address.');
    } finally {
      await t.cleanup();
    }
  });

  it('a port the system refuses (EACCES: not to be had as root, so its error as the host wraps it)', () => {
    const refused = new LiveHostError('listen-failed', 'The host cannot listen on 192.168.1.20:4780 (listen EACCES: permission denied 192.168.1.20:4780).', { cause: err('EACCES') });
    expect(hostStartMessage(refused, at)).toBe('This computer does not allow listening on port 4780 of 192.168.1.20. Choose a port above 1024, or another address.');
  });

  it('passes any other reason on in a sentence', () => {
    expect(hostStartMessage(new Error('the map file is not a map'), at)).toBe('The live seminar could not start on 192.168.1.20: the map file is not a map');
  });
});

describe('closing a hosting window', () => {
  it('asks to stop, Cancel by default, counting the people connected', () => {
    const p = liveClosePrompt('letter.argmap.json', 3, false);
    expect(p.message).toBe('Stop the live seminar on “letter.argmap.json”?');
    expect(p.detail).toBe('3 people are connected. Closing this window ends the seminar for everyone; the map is saved first.');
    expect(p.buttons[p.defaultId]).toBe('Cancel');
    expect(p.buttons[p.cancelId]).toBe('Cancel');
    expect(liveClosePrompt('a', 1, true).detail).toMatch(/^One person is connected\. Quitting ends/);
    expect(liveClosePrompt('a', 0, true).detail).toMatch(/^No one is connected now\./);
  });
});
