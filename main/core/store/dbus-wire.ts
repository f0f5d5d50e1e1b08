// The D-Bus wire format, as far as the keyring check needs it: method calls with string, object-path and
// string-dictionary arguments, and replies holding booleans, strings, object paths, arrays and variants
// (https://dbus.freedesktop.org/doc/dbus-specification.html#message-protocol-marshaling).

export const MessageType = { MethodCall: 1, MethodReturn: 2, Error: 3, Signal: 4 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

const FIELD = {
  path: 1,
  interface: 2,
  member: 3,
  errorName: 4,
  replySerial: 5,
  destination: 6,
  signature: 8,
};

export interface Call {
  destination: string;
  path: string;
  interface: string;
  member: string;
  /** The body's signature: '' (none), 'ss' or 'a{ss}'. */
  signature?: '' | 'ss' | 'a{ss}';
  body?: string[] | Record<string, string>;
}

export interface Message {
  type: MessageType;
  serial: number;
  replySerial?: number;
  errorName?: string;
  signature: string;
  body: unknown[];
}

/** Writes values little-endian, each aligned to its size from the message's start. */
class Writer {
  private bytes: number[] = [];
  get length() {
    return this.bytes.length;
  }
  align(n: number) {
    while (this.bytes.length % n) this.bytes.push(0);
  }
  byte(v: number) {
    this.bytes.push(v & 0xff);
  }
  uint32(v: number) {
    this.align(4);
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  setUint32(at: number, v: number) {
    this.bytes.splice(at, 4, v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  string(v: string) {
    const utf8 = Buffer.from(v, 'utf8');
    this.uint32(utf8.length);
    this.bytes.push(...utf8, 0);
  }
  signature(v: string) {
    this.byte(v.length);
    this.bytes.push(...Buffer.from(v, 'ascii'), 0);
  }
  toBuffer() {
    return Buffer.from(this.bytes);
  }
}

function encodeBody(call: Call): Buffer {
  const w = new Writer();
  if (call.signature === 'ss') for (const s of call.body as string[]) w.string(s);
  if (call.signature === 'a{ss}') {
    const entries = Object.entries(call.body as Record<string, string>);
    w.uint32(0);
    const lengthAt = w.length - 4;
    w.align(8);
    const start = w.length;
    for (const [k, v] of entries) {
      w.align(8);
      w.string(k);
      w.string(v);
    }
    w.setUint32(lengthAt, w.length - start);
  }
  return w.toBuffer();
}

/** A method call, little-endian, with `serial`. */
export function encodeCall(call: Call, serial: number): Buffer {
  const body = encodeBody(call);
  const w = new Writer();
  w.byte(0x6c); // 'l': little-endian
  w.byte(MessageType.MethodCall);
  w.byte(0); // flags: a reply is expected, the service may be started
  w.byte(1); // protocol version
  w.uint32(body.length);
  w.uint32(serial);
  w.uint32(0); // header fields' length, set below
  const start = w.length;
  const field = (code: number, sig: string, write: () => void) => {
    w.align(8);
    w.byte(code);
    w.signature(sig);
    write();
  };
  field(FIELD.path, 'o', () => w.string(call.path));
  field(FIELD.interface, 's', () => w.string(call.interface));
  field(FIELD.member, 's', () => w.string(call.member));
  field(FIELD.destination, 's', () => w.string(call.destination));
  if (call.signature) field(FIELD.signature, 'g', () => w.signature(call.signature!));
  w.setUint32(12, w.length - start);
  w.align(8);
  return Buffer.concat([w.toBuffer(), body]);
}

/** Reads values in the message's byte order, aligned from the message's start. */
class Reader {
  constructor(
    private readonly buf: Buffer,
    private pos: number,
    private readonly little: boolean,
  ) {}
  align(n: number) {
    this.pos += (n - (this.pos % n)) % n;
  }
  byte() {
    return this.buf.readUInt8(this.pos++);
  }
  uint32() {
    this.align(4);
    const v = this.little ? this.buf.readUInt32LE(this.pos) : this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  string() {
    const n = this.uint32();
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n + 1;
    return s;
  }
  signature() {
    const n = this.byte();
    const s = this.buf.toString('ascii', this.pos, this.pos + n);
    this.pos += n + 1;
    return s;
  }
  /** One value of the complete type at the start of `sig`; returns it and the rest of `sig`. */
  value(sig: string): [unknown, string] {
    const c = sig[0];
    switch (c) {
      case 'y':
        return [this.byte(), sig.slice(1)];
      case 'b':
        return [this.uint32() !== 0, sig.slice(1)];
      case 'u':
        return [this.uint32(), sig.slice(1)];
      case 's':
      case 'o':
        return [this.string(), sig.slice(1)];
      case 'g':
        return [this.signature(), sig.slice(1)];
      case 'v': {
        const inner = this.signature();
        return [this.value(inner)[0], sig.slice(1)];
      }
      case 'a': {
        const element = completeType(sig.slice(1));
        const length = this.uint32();
        this.align(alignment(element));
        const end = this.pos + length;
        const items: unknown[] = [];
        while (this.pos < end) items.push(this.value(element)[0]);
        return [items, sig.slice(1 + element.length)];
      }
      case '(':
      case '{': {
        const inner = completeType(sig).slice(1, -1);
        this.align(8);
        const fields: unknown[] = [];
        let rest = inner;
        while (rest) {
          const [v, r] = this.value(rest);
          fields.push(v);
          rest = r;
        }
        return [fields, sig.slice(inner.length + 2)];
      }
      default:
        throw new Error(`D-Bus type '${c}' is not read here`);
    }
  }
}

/** How a value of the type is aligned: bytes, signatures and variants 1, structs 8, the rest 4. */
function alignment(type: string): number {
  const c = type[0]!;
  if ('ygv'.includes(c)) return 1;
  return '({xtd'.includes(c) ? 8 : 4;
}

/** The first complete type of a signature ("a{ss}s" → "a{ss}"). */
function completeType(sig: string): string {
  if (sig[0] === 'a') return `a${completeType(sig.slice(1))}`;
  if (sig[0] === '(' || sig[0] === '{') {
    let depth = 0;
    for (let i = 0; i < sig.length; i++) {
      if (sig[i] === '(' || sig[i] === '{') depth++;
      if (sig[i] === ')' || sig[i] === '}') depth--;
      if (depth === 0) return sig.slice(0, i + 1);
    }
    throw new Error(`D-Bus signature '${sig}' is not closed`);
  }
  return sig.slice(0, 1);
}

/** The length of the message at the start of `buf`, or undefined while it is incomplete. */
export function messageLength(buf: Buffer): number | undefined {
  if (buf.length < 16) return undefined;
  const little = buf[0] === 0x6c;
  const body = little ? buf.readUInt32LE(4) : buf.readUInt32BE(4);
  const fields = little ? buf.readUInt32LE(12) : buf.readUInt32BE(12);
  const header = 16 + fields + ((8 - ((16 + fields) % 8)) % 8);
  return buf.length >= header + body ? header + body : undefined;
}

/** Reads one complete message (see messageLength). */
export function decodeMessage(buf: Buffer): Message {
  const little = buf[0] === 0x6c;
  if (!little && buf[0] !== 0x42) throw new Error('not a D-Bus message');
  const r = new Reader(buf, 1, little);
  const type = r.byte() as MessageType;
  r.byte(); // flags
  r.byte(); // version
  const bodyLength = r.uint32();
  const serial = r.uint32();
  const fields = r.value('a(yv)')[0] as [number, unknown][];
  const msg: Message = { type, serial, signature: '', body: [] };
  for (const [code, value] of fields) {
    if (code === FIELD.replySerial) msg.replySerial = value as number;
    if (code === FIELD.errorName) msg.errorName = value as string;
    if (code === FIELD.signature) msg.signature = value as string;
  }
  r.align(8);
  const body = new Reader(buf.subarray(buf.length - bodyLength), 0, little);
  let rest = msg.signature;
  while (rest) {
    const [v, next] = body.value(rest);
    msg.body.push(v);
    rest = next;
  }
  return msg;
}
