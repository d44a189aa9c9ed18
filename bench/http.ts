// HTTP figures of a production server: tracker throughput against nginx serving the same bytes,
// transferred HTML and JS, and Lighthouse (mobile) scores.
//
// Expects `next start` at BENCH_URL (default http://127.0.0.1:3100), for instance:
//   npm run build && PGLITE_DIR=.data/bench npx tsx scripts/db-setup.ts && PGLITE_DIR=.data/bench npx next start -p 3100
// or, with `--start`, runs db-setup and `next start` on PGLITE_DIR=.data/bench itself (it never builds:
// run `npm run build` first). nginx is used if installed; `--install` lets the script
// `apt-get install -y nginx` first (needs root). Chromium: /usr/bin/chromium (CHROME_PATH to change).
//   npx tsx bench/http.ts [--start] [--install] [--skip-lighthouse]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import autocannon, { type AutocannonResult } from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadAverage, printTable } from './measure';

const BASE = new URL(process.env.BENCH_URL || 'http://127.0.0.1:3100');
const NGINX_PORT = 3190;
const DURATION_S = 10;
const CONNECTIONS = 20;
// Next compresses with the `compression` package at zlib's default level, 6; nginx gets the same.
const GZIP_LEVEL = 6;
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

type Raw = { status: number; body: Buffer; transferred: number; encoding: string | undefined };

/** One GET asking for gzip: the bytes as sent (transferred) and the body as read. */
function get(url: URL, timeoutMs = 30_000): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        resolve({ status: res.statusCode ?? 0, transferred: raw.length, encoding, body: encoding === 'gzip' ? zlib.gunzipSync(raw) : raw });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url.href}`)));
    req.on('error', reject);
  });
}

async function waitForServer(url: URL, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      if ((await get(url, 2000)).status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function stop(child: ChildProcess | undefined): void {
  // Started detached, so the group (npx and its node child) goes with it.
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function startNext(): Promise<ChildProcess> {
  const env = { ...process.env, PGLITE_DIR: process.env.PGLITE_DIR || '.data/bench' };
  execFileSync('npx', ['tsx', 'scripts/db-setup.ts'], { env, stdio: 'inherit' });
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', BASE.port || '3100'], { env, detached: true, stdio: 'ignore' });
  if (!(await waitForServer(new URL('/en', BASE), 60))) {
    stop(child);
    throw new Error(`next start did not answer at ${BASE.href} within 60 s (was \`npm run build\` run?)`);
  }
  return child;
}

function nginxBinary(install: boolean): string | null {
  const find = () => ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p)) ?? null;
  if (!find() && install) execFileSync('apt-get', ['install', '-y', 'nginx'], { stdio: 'inherit' });
  return find();
}

/** nginx serving one HTML file at every path, gzip on at Next's level, one worker like one Node process. */
async function startNginx(binary: string, html: Buffer): Promise<{ child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untwin-bench-nginx-'));
  // Run as root, nginx's workers drop to `nobody`: they must be able to read the page.
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'tracker.html'), html, { mode: 0o644 });
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  gzip on; gzip_comp_level ${GZIP_LEVEL}; gzip_types text/html;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${dir};
    default_type text/html;
    location / { try_files /tracker.html =404; }
  }
}
`,
  );
  const child = spawn(binary, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { detached: true, stdio: 'ignore' });
  const url = new URL(`http://127.0.0.1:${NGINX_PORT}/en/tracker`);
  const ready = (await waitForServer(url, 10)) && (await get(url)).status === 200;
  if (!ready) {
    stop(child);
    throw new Error(`nginx does not serve the page; see ${path.join(dir, 'error.log')}`);
  }
  return { child, dir };
}

const load = (url: URL): Promise<AutocannonResult> =>
  autocannon({ url: url.href, connections: CONNECTIONS, duration: DURATION_S, headers: { 'accept-encoding': 'gzip' } });

const loadRow = (name: string, r: AutocannonResult) => [name, r.requests.average.toFixed(1), `${r.latency.p50} ms`, `${r.latency.p99} ms`, String(r.non2xx + r.errors + r.timeouts)];

/**
 * Transferred HTML and JS (gzip) of a page: its HTML and every /_next/static script a current
 * browser loads. Scripts marked `nomodule` (Next's polyfills for browsers without ES modules) are
 * left out: every browser Next supports skips them, Lighthouse's Chromium included.
 */
async function pageBytes(url: URL): Promise<{ html: number; js: number; scripts: number; body: string }> {
  const page = await get(url);
  const body = page.body.toString('utf8');
  const tags = [...body.matchAll(/<script\b([^>]*)\ssrc="([^"]*\/_next\/static\/[^"]+)"([^>]*)>/g)];
  const srcs = new Set(tags.filter((m) => !/\bnomodule\b/i.test(`${m[1]} ${m[3]}`)).map((m) => m[2]!));
  let js = 0;
  for (const src of srcs) {
    const script = await get(new URL(src.replace(/&amp;/g, '&'), url));
    // Count gzip bytes even if the server sent the script uncompressed: what a CDN would send.
    js += script.encoding === 'gzip' ? script.transferred : zlib.gzipSync(script.body, { level: GZIP_LEVEL }).length;
  }
  return { html: page.transferred, js, scripts: srcs.size, body };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function lighthouseScores(urls: readonly (readonly [string, URL])[]): Promise<string[][]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const rows: string[][] = [];
  try {
    for (const [name, url] of urls) {
      // Lighthouse's default settings are the mobile ones (Moto G Power, simulated slow 4G).
      const result = await lighthouse(url.href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const score = (id: string) => {
        const s = result?.lhr.categories[id]?.score;
        return s == null ? 'n/a' : String(Math.round(s * 100));
      };
      const fcp = result?.lhr.audits['first-contentful-paint']?.displayValue ?? '';
      const lcp = result?.lhr.audits['largest-contentful-paint']?.displayValue ?? '';
      rows.push([name, score('performance'), score('accessibility'), fcp, lcp]);
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

export async function benchHttp(argv: readonly string[]): Promise<void> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(BASE.hostname)) throw new Error(`BENCH_URL must be on this machine, not ${BASE.hostname}`);
  let next: ChildProcess | undefined;
  let nginx: { child: ChildProcess; dir: string } | undefined;
  try {
    if (argv.includes('--start')) next = await startNext();
    else if (!(await waitForServer(new URL('/en', BASE), 2))) {
      console.log(`http: skipped, nothing answers at ${BASE.href} (start \`next start\` there, or pass --start).`);
      return;
    }
    const trackerUrl = new URL('/en/tracker', BASE);

    // Bytes first, on a quiet server; the tracker's HTML is what nginx will serve.
    const home = await pageBytes(new URL('/en', BASE));
    const tracker = await pageBytes(trackerUrl);
    const councilHref = /href="(\/en\/councils\/[^"/?#]+)"/.exec(tracker.body)?.[1];
    const council = councilHref ? await pageBytes(new URL(councilHref, BASE)) : undefined;
    const pages: [string, URL, typeof home | undefined][] = [
      ['home /en', new URL('/en', BASE), home],
      ['tracker /en/tracker', trackerUrl, tracker],
      [`council ${councilHref ?? '(none linked)'}`, new URL(councilHref ?? '/en', BASE), council],
    ];
    console.log(`\ntransferred bytes, gzip (load average ${loadAverage()})`);
    printTable(
      ['page', 'HTML', 'JS', 'scripts'],
      pages.map(([name, , b]) => (b ? [name, kb(b.html), kb(b.js), String(b.scripts)] : [name, '-', '-', '-'])),
    );

    const rows = [loadRow('next start /en/tracker', await load(trackerUrl))];
    const nextRps = Number(rows[0]![1]);
    const binary = nginxBinary(argv.includes('--install'));
    if (binary) {
      nginx = await startNginx(binary, Buffer.from(tracker.body));
      const r = await load(new URL(`http://127.0.0.1:${NGINX_PORT}/en/tracker`));
      rows.push(loadRow('nginx, same HTML', r));
      rows.push(['ratio next/nginx', (nextRps / r.requests.average).toFixed(3), '', '', '']);
    }
    console.log(`\n${DURATION_S} s, ${CONNECTIONS} connections, gzip (load average ${loadAverage()})`);
    printTable(['server', 'req/s', 'p50', 'p99', 'errors'], rows);
    if (!binary) console.log('nginx comparison skipped: nginx is not installed (run with --install to apt-get install it).');

    if (argv.includes('--skip-lighthouse')) return;
    if (!fs.existsSync(CHROME_PATH)) {
      console.log(`Lighthouse skipped: no Chromium at ${CHROME_PATH}.`);
      return;
    }
    const scores = await lighthouseScores(pages.filter(([, , b]) => b).map(([name, url]) => [name, url] as const));
    console.log(`\nLighthouse mobile, ${CHROME_PATH} (load average ${loadAverage()})`);
    printTable(['page', 'performance', 'accessibility', 'FCP', 'LCP'], scores);
  } finally {
    stop(nginx?.child);
    if (nginx) fs.rmSync(nginx.dir, { recursive: true, force: true });
    stop(next);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchHttp(process.argv);
