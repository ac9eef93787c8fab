import { basename } from 'node:path';

/** A URL-safe thread id from a dump's file name: `My Thread (2).txt` → `my-thread-2`. */
export function threadSlug(file: string): string {
  const name = basename(file).replace(/\.[^.]+$/, '');
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 100);
  return slug || 'thread';
}
