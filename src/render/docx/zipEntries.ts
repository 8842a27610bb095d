import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * Rewrites the text entries of a zip file (a .docx) that `select` picks, with
 * `edit`, and copies the others byte for byte. Reads the central directory,
 * writes a fresh zip with the same order, names and compression.
 * (docx writes a chart part's language as en-US and has no option for it.)
 */
export function rewriteZipEntries(zip: Buffer, select: (name: string) => boolean, edit: (text: string, name: string) => string): Buffer {
  const entries = centralDirectory(zip);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameLength = zip.readUInt16LE(entry.localOffset + 26);
    const extraLength = zip.readUInt16LE(entry.localOffset + 28);
    const dataStart = entry.localOffset + 30 + nameLength + extraLength;
    let data = zip.subarray(dataStart, dataStart + entry.compressedSize);
    let { crc, uncompressedSize } = entry;
    if (select(entry.name)) {
      if (entry.method !== 0 && entry.method !== 8) throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
      const raw = entry.method === 8 ? inflateRawSync(data) : data;
      const bytes = Buffer.from(edit(raw.toString("utf8"), entry.name), "utf8");
      data = entry.method === 8 ? deflateRawSync(bytes) : bytes;
      crc = crc32(bytes);
      uncompressedSize = bytes.length;
    }
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags & ~0x0008, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.dosTime, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags & ~0x0008, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.dosTime, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  /** DOS time and date, as one 32-bit field. */
  readonly dosTime: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

function centralDirectory(zip: Buffer): Entry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error("not a zip file: no end of central directory");
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("zip central directory is damaged");
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      dosTime: zip.readUInt32LE(at + 12),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
