// Reads a zip archive (an XLSX) from memory without trusting it: the central directory is parsed by hand, the
// declared sizes are checked before anything is inflated, and inflation counts the bytes it produces and stops at
// the declared size and the limits (a zip bomb lies in its headers; it cannot lie to this counter). An entry must
// then have produced exactly its declared size and CRC-32 (a truncated or corrupt deflate stream is refused, not
// read as a shorter sheet). Entry names are part names (OPC): a name that climbs out (`../`), is absolute, uses
// backslashes or NUL, or repeats another (case-insensitively, as OPC compares them) is refused — two readers
// must never see two different workbooks in one file.
import zlib from 'node:zlib';
import { IMPORT_LIMITS } from './import.limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localHeaderOffset: number;
}

/** A file-level problem with an upload; the import service turns it into an input error or a failed job. */
export class FileProblem extends Error {
  constructor(
    readonly reason: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

const bad = (zh: string, en: string) => new FileProblem('FILE_CORRUPT', zh, en);
export const zipBomb = () => new FileProblem('ZIP_BOMB', '文件解压后过大或压缩比异常，已拒绝', 'the file expands beyond the limits (zip bomb?); refused');

/** Parses the central directory and checks entry count, encryption, methods and declared sizes. */
export function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  // End of central directory: last 22 bytes + up to 64 KiB of comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('文件不是有效的 XLSX（zip 目录缺失）', 'not a valid XLSX (no zip directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bad('不支持 ZIP64 格式的文件', 'ZIP64 archives are not supported');
  if (count > IMPORT_LIMITS.maxZipEntries) throw zipBomb();
  if (cdOffset + cdSize > buf.length) throw bad('文件已损坏（zip 目录越界）', 'corrupt file (zip directory out of range)');
  const entries = new Map<string, ZipEntry>();
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad('文件已损坏（zip 目录项无效）', 'corrupt file (bad zip directory entry)');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) throw bad('文件已损坏（zip 目录项无效）', 'corrupt file (bad zip directory entry)');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!name || /[\\\u0000]/.test(name) || name.startsWith('/') || name.split('/').some((seg) => seg === '..' || seg === '.'))
      throw bad('文件已损坏（zip 中有非法的文件名）', 'corrupt file (a zip entry name is not a valid part name)');
    const key = name.toLowerCase();
    if (seen.has(key)) throw bad('文件已损坏（zip 中有重复的文件名）', 'corrupt file (two zip entries have the same name)');
    seen.add(key);
    if (flags & 1) throw new FileProblem('FILE_ENCRYPTED', '文件已加密，请取消密码后再导入', 'the file is encrypted; remove the password first');
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw bad('不支持 ZIP64 格式的文件', 'ZIP64 archives are not supported');
    if (method !== 0 && method !== 8) throw bad('文件使用了不支持的压缩方式', 'unsupported zip compression method');
    if (uncompressedSize > IMPORT_LIMITS.maxEntryBytes) throw zipBomb();
    if (uncompressedSize > 1024 * 1024 && uncompressedSize / Math.max(1, compressedSize) > IMPORT_LIMITS.maxCompressionRatio) throw zipBomb();
    total += uncompressedSize;
    if (total > IMPORT_LIMITS.maxTotalUncompressedBytes) throw zipBomb();
    entries.set(name, { name, method, compressedSize, uncompressedSize, crc32, localHeaderOffset });
  }
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const h = e.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw bad('文件已损坏（zip 文件头无效）', 'corrupt file (bad local header)');
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  if (start + e.compressedSize > buf.length) throw bad('文件已损坏（数据越界）', 'corrupt file (entry out of range)');
  return buf.subarray(start, start + e.compressedSize);
}

const damaged = () => bad('文件已损坏（解压后的内容与 zip 目录记录的大小或校验和不符）', 'corrupt file (an entry does not match its recorded size or CRC-32)');

/**
 * Streams an entry's bytes. Stops with ZIP_BOMB as soon as the output exceeds the declared size (headers lied)
 * or the per-entry limit; at the end the output must have exactly the declared size and CRC-32 (FILE_CORRUPT).
 * The caller sees every chunk before that final check, so it must treat a thrown FileProblem as the end of the
 * file's usefulness (the import refuses the file, or fails the job).
 */
export async function* inflateEntry(buf: Buffer, e: ZipEntry, limit: number = IMPORT_LIMITS.maxEntryBytes): AsyncGenerator<Buffer> {
  const data = entryData(buf, e);
  const max = Math.min(limit, e.uncompressedSize);
  let crc = 0;
  if (e.method === 0) {
    if (data.length > max) throw zipBomb();
    if (data.length !== e.uncompressedSize || zlib.crc32(data) !== e.crc32) throw damaged();
    for (let i = 0; i < data.length; i += 1 << 20) yield data.subarray(i, i + (1 << 20));
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > max) throw zipBomb();
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw bad('文件已损坏（解压失败）', 'corrupt file (inflate failed)');
  } finally {
    inflater.destroy();
  }
  if (produced !== e.uncompressedSize || crc !== e.crc32) throw damaged();
}

/** A whole (small) entry as text, under the same limits. */
export async function entryText(buf: Buffer, e: ZipEntry, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(buf, e, limit)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}
