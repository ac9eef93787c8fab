// Writes test/fixtures/mbox-list-archive/input.mbox: an invented mailing-list archive of 50+
// messages that exercises the mbox importer (threads, quoting, signatures, MIME encodings,
// charsets, broken headers). Deterministic: `npx tsx scripts/make-mbox-fixture.ts` rewrites
// the same bytes. The file is a "binary string" (one char per byte) written as Latin-1, so
// that a Latin-1 body can sit beside UTF-8 ones as it does in real archives.
import { mkdirSync, writeFileSync } from 'node:fs';

const domain = 'tinkerers.example';
const list = '[tinkerers]';
let clock = Date.UTC(2024, 2, 4, 9, 0, 0);

interface Mail {
  key: string;
  from: string;
  subject: string;
  /** Keys (or full ids in <>) of the message it answers. */
  replyTo?: string;
  references?: string;
  inReplyTo?: string;
  noMessageId?: true;
  messageId?: string;
  /** Header lines for the body (Content-Type …), then the body, both as binary strings. */
  mime?: string[];
  body: string;
  /** The body as the sender wrote it (for quoting), when `body` is encoded. */
  plain?: string;
  minutes?: number;
  /** A Date header other than the clock's. */
  date?: string;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const latin1 = (s: string) => Buffer.from(s, 'latin1').toString('latin1');
const b64 = (bytes: string) => Buffer.from(bytes, 'latin1').toString('base64').replace(/.{1,76}/g, '$&\n').trimEnd();
function qp(bytes: string): string {
  const out: string[] = [];
  for (const line of bytes.split('\n')) {
    let encoded = '';
    for (const ch of line) {
      const c = ch.charCodeAt(0);
      encoded += c === 61 || c > 126 ? `=${c.toString(16).toUpperCase().padStart(2, '0')}` : ch;
    }
    encoded = encoded.replace(/ $/, '=20');
    while (encoded.length > 75) {
      let cut = 75;
      if (encoded[cut - 1] === '=') cut -= 1;
      else if (encoded[cut - 2] === '=') cut -= 2;
      out.push(`${encoded.slice(0, cut)}=`);
      encoded = encoded.slice(cut);
    }
    out.push(encoded);
  }
  return out.join('\n');
}
const date = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');
const asctime = (ms: number) => {
  const d = new Date(ms);
  const [wd, mo] = [d.toUTCString().slice(0, 3), d.toUTCString().slice(8, 11)];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${wd} ${mo} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
};

const mails: Mail[] = [];
const byKey = new Map<string, Mail>();
const people: Record<string, string> = {
  ada: 'Ada Lindqvist <ada@lindqvist.example>',
  bruno: 'Bruno Keller <bruno@keller.example>',
  chidi: 'Chidi Okafor <chidi@okafor.example>',
  dana: 'Dana Petrov <dana@petrov.example>',
  emile: '=?ISO-8859-1?Q?=C9mile_Durand?= <emile@durand.example>',
  fatima: 'Fatima Zahra <fz@zahra.example>',
  gus: 'gus@fixit.example',
  hana: '"Hana Sato" <hana@sato.example>',
};
const names: Record<string, string> = { ada: 'Ada', bruno: 'Bruno', chidi: 'Chidi', dana: 'Dana', emile: 'Émile', fatima: 'Fatima', gus: 'gus', hana: 'Hana' };
const signature = (who: string) => `\n-- \n${names[who]} | ${who}@${domain}\n"Measure twice, flash once."`;

function add(mail: Mail): void {
  mails.push(mail);
  byKey.set(mail.key, mail);
}
const idOf = (key: string) => byKey.get(key)?.messageId ?? `<${key}@${domain}>`;
/** A reply that quotes the first line of what it answers. */
function reply(key: string, who: string, to: string, words: string, extra: Partial<Mail> = {}): void {
  const parent = byKey.get(to)!;
  const quoted = (parent.plain ?? parent.body).split('\n').find((l) => l.trim() !== '' && !l.startsWith('>') && !l.startsWith('On '))!;
  const subject = parent.subject.startsWith('Re:') ? parent.subject : `Re: ${parent.subject}`;
  add({ key, from: people[who]!, subject, replyTo: to, body: `On ${date(clock)}, ${names[Object.keys(people).find((k) => people[k] === parent.from)!]} wrote:\n> ${quoted}\n\n${words}`, ...extra });
}

// Thread 1: a long discussion with nesting, quoting, signatures and every transfer encoding.
add({ key: 'm1', from: people.ada!, subject: `${list} Build times on ARM boards`, body: `Has anyone measured full rebuild times on the small ARM boards?\nMine takes forty minutes for the firmware tree, which feels slow.\n\nI use make -j4 and a USB disk.${signature('ada')}` });
reply('m2', 'bruno', 'm1', 'The USB disk is the bottleneck, in my naïve experience.\nTry a RAM disk for the object files first.', {
  mime: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'],
});
reply('m3', 'ada', 'm2', 'A RAM disk cut it to twenty-two minutes. Thanks!\nThe board has 8 GB, so there is room.', {
  mime: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
});
reply('m4', 'chidi', 'm3', 'Twenty-two is still long. Is ccache on?\nWith a warm cache I see under five minutes.');
reply('m5', 'dana', 'm2', 'Or use a proper SSD over the M.2 slot, if your board has one.\nSome do not.', { subject: `AW: ${list} Re: Build times on ARM boards` } as Partial<Mail>);
add({
  key: 'm6',
  from: people.emile!,
  subject: `Re: ${list} Build times on ARM boards`,
  replyTo: 'm1',
  mime: ['Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit'],
  body: latin1(`Très bien: ça compile en trois minutes chez moi, avec une carte à huit cœurs.\nLe disque NVMe fait toute la différence.`.replace('œ', 'oe')),
  plain: 'Très bien: ça compile en trois minutes chez moi, avec une carte à huit coeurs.',
});
reply('m7', 'bruno', 'm6', 'Three minutes with eight cores and NVMe, that matches my numbers.');
add({
  key: 'm8',
  from: people.fatima!,
  subject: `Re: ${list} Build times on ARM boards`,
  replyTo: 'm1',
  mime: ['MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="alt-8"'],
  body: `--alt-8\nContent-Type: text/plain; charset=utf-8\n\nHere is my table of results, plain version:\nboard A: 40 min\nboard B: 12 min\n--alt-8\nContent-Type: text/html; charset=utf-8\n\n<p>Here is my table of results, <b>HTML</b> version.</p>\n--alt-8--`,
  plain: 'Here is my table of results, plain version:',
});
add({
  key: 'm9',
  from: people.ada!,
  subject: `Re: ${list} Build times on ARM boards`,
  replyTo: 'm8',
  mime: ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="mix-9"'],
  body: `--mix-9\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${qp(utf8('> Here is my table of results, plain version:\n\nMy build log is attached; the link step alone takes 3\u00a0minutes.'))}\n--mix-9\nContent-Type: text/plain; charset=utf-8; name="build.log"\nContent-Disposition: attachment; filename="build.log"\nContent-Transfer-Encoding: base64\n\n${b64('[1/900] CC main.o\n[900/900] LD firmware.elf\n')}\n--mix-9--`,
  plain: 'My build log is attached; the link step alone takes 3 minutes.',
});
// A run of benchmark reports, alternating between two people, each answering the last.
let previous = 'm4';
for (let i = 10; i <= 24; i++) {
  const who = i % 2 === 0 ? 'chidi' : 'ada';
  reply(`m${i}`, who, previous, `Run ${i - 9}: ${3 + (i % 5)} minutes with ccache, ${i % 3 === 0 ? 'cold' : 'warm'} cache.\nChanged: ${['nothing', 'the linker', 'the flags', 'the compiler version'][i % 4]}.${i % 4 === 0 ? signature(who) : ''}`);
  previous = `m${i}`;
}

// Thread 2: an encoded subject (RFC 2047, base64 and quoted-printable words).
add({ key: 'm30', from: people.hana!, subject: `=?UTF-8?B?${Buffer.from(`${list} Café meetup — Zürich edition`).toString('base64')}?=`, body: 'We meet on the 14th at the usual place.\nBring a board you want help with.' });
for (let i = 31; i <= 38; i++) {
  const who = ['ada', 'bruno', 'chidi', 'dana', 'fatima', 'gus', 'emile', 'hana'][i - 31]!;
  const to = i <= 33 ? 'm30' : `m${i - 3}`;
  const parent = byKey.get(to)!;
  add({
    key: `m${i}`,
    from: people[who]!,
    subject: `Re: =?UTF-8?Q?${qp(utf8(`${list} Café meetup — Zürich edition`)).replace(/=\n/g, '').replace(/ /g, '_').replace(/\?/g, '=3F')}?=`,
    replyTo: to,
    body: `> ${(parent.plain ?? parent.body).split('\n')[0]}\n\n${['I will be there.', 'Count me in, with two boards.', 'Can we start an hour later?', 'Later works for me too.', 'I can bring the oscilloscope.', 'first time, what should I bring?', 'Je viendrai avec un ami.', 'An hour later it is.'][i - 31]}`,
  });
}

// Thread 3: replies to a message that is not in the archive.
add({ key: 'm40', from: people.gus!, subject: 'Re: Soldering station advice', inReplyTo: `<lost-root@${domain}>`, references: `<lost-root@${domain}>`, body: 'Get one with a temperature readout; the cheap ones drift.' });
add({ key: 'm41', from: people.dana!, subject: 'Re: Soldering station advice', inReplyTo: `<lost-root@${domain}>`, references: `<lost-root@${domain}>`, body: 'A fine conical tip covers most jobs.\nBuy spare tips early.' });
add({ key: 'm42', from: people.fatima!, subject: 'Re: Soldering station advice', replyTo: 'm40', body: '> Get one with a temperature readout; the cheap ones drift.\n\nMine drifted by thirty degrees within a year.' });
add({ key: 'm43', from: people.chidi!, subject: 'Re: Soldering station advice', inReplyTo: `<also-missing@${domain}>`, references: `<lost-root@${domain}> ${idOf('m41')} <also-missing@${domain}>`, body: 'Agreed on the spare tips, they wear out fast with lead-free solder.' });

// Thread 4: broken References headers.
add({ key: 'm50', from: people.bruno!, subject: `${list} Release checklist`, body: 'Draft checklist for the 2.0 release:\n1. tag\n2. build\n3. announce' });
add({ key: 'm51', from: people.ada!, subject: `Re: ${list} Release checklist`, inReplyTo: idOf('m50'), references: `${idOf('m50')} garbage words <cut-off-id@`, body: '> Draft checklist for the 2.0 release:\n\nAdd a step: run the flashing test on real hardware.' });
add({ key: 'm52', from: people.gus!, subject: `Re: ${list} Release checklist`, references: `m51@${domain}`, body: 'and update the changelog *before* tagging, not after' });
add({ key: 'm53', from: people.hana!, subject: `Re: ${list} Release checklist`, inReplyTo: `${idOf('m52')} (from gus at some date)`, references: `${idOf('m50')}\n\t${idOf('m51')}`, body: '> and update the changelog *before* tagging, not after\n\nYes, the changelog goes first.' });
add({ key: 'm54', from: people.dana!, subject: `RE: ${list} Release checklist`, body: 'My mailer lost the thread headers; replying by subject.\nThe checklist looks complete to me.' });

// Thread 5: two messages that name each other as parent (a loop) must not vanish.
add({ key: 'm60', from: people.chidi!, subject: 'Circular references', inReplyTo: `<m61@${domain}>`, references: `<m61@${domain}>`, body: 'This one claims to answer the next one.' });
add({ key: 'm61', from: people.bruno!, subject: 'Re: Circular references', inReplyTo: `<m60@${domain}>`, references: `<m60@${domain}>`, body: 'And this one claims to answer the first one.' });

// Thread 6: an HTML-only mail (with markup that must not run) and a reply.
add({
  key: 'm70',
  from: people.fatima!,
  subject: `${list} Photos from the workshop`,
  mime: ['MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'],
  body: qp(utf8('<html><head><style>p { color: red }</style></head><body><p>The photos are up at <a href="https://photos.example/workshop">the gallery</a>.</p><ul><li>soldering corner</li><li>the <i>broken</i> board</li></ul><p>Please do not post &lt;script&gt; tags here.<script>alert(1)</script></p><p><a href="javascript:alert(2)">a tricky link</a></p></body></html>')),
  plain: 'The photos are up at the gallery.',
});
reply('m71', 'hana', 'm70', 'Lovely photos, thank you.');

// Thread 7: mboxrd escaping of body lines that start with "From ".
add({ key: 'm80', from: people.gus!, subject: `${list} Quoting the old archive`, body: 'The old archive says:\n\nFrom the first meeting we had three boards.\n>From the second, five.\nThat is all.' });

// Thread 8: the same message twice (cross-posted copy), and a reply without a Message-ID.
add({ key: 'm90', from: people.dana!, subject: `${list} Duplicate delivery`, body: 'This message arrived twice.' });
add({ key: 'm90b', messageId: idOf('m90'), from: people.dana!, subject: `${list} Duplicate delivery`, body: 'This message arrived twice.' });
add({ key: 'm91', from: people.ada!, subject: `Re: ${list} Duplicate delivery`, replyTo: 'm90', noMessageId: true, body: 'No Message-ID on this one: my mailer is old.' });

// Thread 9: a forward.
add({ key: 'm95', from: people.bruno!, subject: `Fwd: ${list} Venue contract`, body: '---------- Forwarded message ---------\nFrom: Venue <venue@hall.example>\nThe hall is booked for the 14th.' });
// A message forwarded as an attachment (message/rfc822), with a Date header no one can read.
add({
  key: 'm96',
  from: people.hana!,
  subject: `Fwd: ${list} Venue contract`,
  date: 'sometime last week',
  replyTo: 'm95',
  mime: ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="fwd-96"'],
  body: `--fwd-96\nContent-Type: text/plain; charset=utf-8\n\nThe signed contract, forwarded whole:\n--fwd-96\nContent-Type: message/rfc822\n\nFrom: Venue <venue@hall.example>\nSubject: Contract signed\nDate: Mon, 11 Mar 2024 08:00:00 +0100\n\nThe contract is signed; keys at the front desk.\n--fwd-96--`,
  plain: 'The signed contract, forwarded whole:',
});

const out: string[] = [];
for (const mail of mails) {
  clock += (mail.minutes ?? 37) * 60_000;
  const headers: string[] = [];
  headers.push(`From: ${mail.from}`, `Date: ${mail.date ?? date(clock)}`, `Subject: ${mail.subject}`);
  if (!mail.noMessageId) headers.push(`Message-ID: ${mail.messageId ?? idOf(mail.key)}`);
  if (mail.replyTo) {
    const parent = byKey.get(mail.replyTo)!;
    const parentRefs = (parent.references ?? '').split(/\s+/).filter((r) => r.startsWith('<'));
    headers.push(`In-Reply-To: ${idOf(mail.replyTo)}`, `References: ${[...parentRefs, idOf(mail.replyTo)].join('\n ')}`);
    mail.references = [...parentRefs, idOf(mail.replyTo)].join(' ');
  } else {
    if (mail.inReplyTo) headers.push(`In-Reply-To: ${mail.inReplyTo}`);
    if (mail.references) headers.push(`References: ${mail.references}`);
  }
  headers.push('List-Id: Tinkerers <tinkerers.lists.example>');
  let body = mail.body;
  let mime = mail.mime ?? ['Content-Type: text/plain; charset=utf-8'];
  if (!mail.mime) body = utf8(body);
  else if (mime.some((h) => /quoted-printable/.test(h)) && !/multipart|text\/html/.test(mime.join())) body = qp(utf8(body));
  else if (mime.some((h) => /base64/.test(h))) body = b64(utf8(body));
  // mboxrd: every body line that starts with (any number of '>' and) "From " gets one more '>'.
  body = body.replace(/^(>*From )/gm, '>$1');
  out.push(`From ${mail.from.replace(/^.*<|>$/g, '')} ${asctime(clock)}`, ...headers, ...mime, '', body, '');
}
const dir = new URL('../test/fixtures/mbox-list-archive/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('input.mbox', dir), Buffer.from(`${out.join('\n')}\n`, 'latin1'));
console.log(`${mails.length} messages`);
