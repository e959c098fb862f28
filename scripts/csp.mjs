// The content security policy for a built index.html: used by
// scripts/postbuild.mjs to write it and by tests/e2e/postbuild.spec.mjs to
// check that what is in dist/ still matches the page's scripts and styles.
// Plain Node, no dependencies.
import { createHash } from 'node:crypto';

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's inline <script> bodies (no src) and <style> bodies, as built. */
export function inlineBlocks(html) {
  const scripts = [];
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(attrs)) scripts.push(body);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body);
  return { scripts, styles };
}

/** The first tag with an inline event handler (onclick=…) or style
 * attribute, or null: a hash cannot allow those without 'unsafe-hashes'. */
export function inlineAttribute(html) {
  const tags = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  return tags.match(/<[a-z][^>]*\s(?:on[a-z]+|style)\s*=[^>]*>/i)?.[0] ?? null;
}

/** Nothing but this site's own files; WebAssembly ('wasm-unsafe-eval');
 * inline scripts and styles only by the sha256 of what is in `html`. */
export function cspFor(html) {
  const { scripts, styles } = inlineBlocks(html);
  const list = (bodies) => [...new Set(bodies.map(hash))].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${list(scripts)}`.trim(),
    `style-src 'self' ${list(styles)}`.trim(),
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A static policy page's policy (dist/policy/*.html): no script at all,
 * its inline <style> by hash, images (the favicon) from this site.
 * connect-src 'self' lets tools that read the page from inside it (Lighthouse
 * fetches robots.txt there) reach this site; with no script it allows nothing
 * else. */
export function cspForPage(html) {
  const { scripts, styles } = inlineBlocks(html);
  if (scripts.length) throw new Error('a policy page has an inline script');
  const list = [...new Set(styles.map(hash))].join(' ');
  return [
    "default-src 'none'",
    "script-src 'none'",
    `style-src ${list || "'none'"}`,
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy in the page's <meta http-equiv="Content-Security-Policy">, or null. */
export function cspIn(html) {
  return html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? null;
}
